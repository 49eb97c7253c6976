import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { openContainer } from '../src/container/open-container.js';
import { readContainer } from '../src/container/read-container.js';
import { writeContainer } from '../src/container/write-container.js';
import { seededBytes } from './helpers.js';

const mtime = new Date('2026-01-01T00:00:00Z');
const codeOf = (f: () => unknown): string => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return (e as { code?: string }).code ?? `untyped: ${e}`;
  }
};

/** Rewrites the uncompressed size of member `index` in both its local header and its central record. */
function patchDeclaredSize(zip: Uint8Array, index: number, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  let at = 0;
  for (let i = 0; i < index; i++) at += 30 + view.getUint16(at + 26, true) + view.getUint32(at + 18, true);
  view.setUint32(at + 22, size, true);
  const cd = view.getUint32(out.byteLength - 22 + 16, true);
  let pos = cd;
  for (let i = 0; i < index; i++) pos += 46 + view.getUint16(pos + 28, true);
  view.setUint32(pos + 24, size, true);
  return out;
}

function patchBytes(zip: Uint8Array, from: string, to: string): Uint8Array {
  const text = Buffer.from(zip);
  const a = Buffer.from(from);
  const out = zip.slice();
  for (let i = text.indexOf(a); i !== -1; i = text.indexOf(a, i + 1)) out.set(Buffer.from(to), i);
  return out;
}

describe('container limits (zip bombs refused before inflation completes)', () => {
  it('refuses a highly compressible member by ratio', () => {
    const zip = writeContainer(
      [{ name: 'items/zeros.bin', bytes: new Uint8Array(20 * 1024 * 1024), compress: true }],
      mtime,
    );
    expect(zip.byteLength).toBeLessThan(100_000);
    expect(codeOf(() => readContainer(zip))).toBe('CONTAINER_LIMIT_EXCEEDED');
  });

  it('stops inflating a member that lies about its size', () => {
    const zip = writeContainer(
      [{ name: 'items/zeros.bin', bytes: new Uint8Array(20 * 1024 * 1024), compress: true }],
      mtime,
    );
    // Declared 1 MB: ratio passes, but the DEFLATE stream would produce 20 MiB; inflation stops past 1 MB.
    const lying = patchDeclaredSize(zip, 1, 1_000_000);
    expect(codeOf(() => readContainer(lying, { maxCompressionRatio: 1e6 }))).toBe('CONTAINER_LIMIT_EXCEEDED');
  });

  it('enforces member count, member size, total size and container size', () => {
    const many = writeContainer(
      Array.from({ length: 600 }, (_, i) => ({
        name: `items/m${i}`,
        bytes: new Uint8Array([i & 0xff]),
        compress: false,
      })),
      mtime,
    );
    expect(codeOf(() => readContainer(many))).toBe('CONTAINER_LIMIT_EXCEEDED');
    const big = writeContainer([{ name: 'items/big.bin', bytes: seededBytes(2_000_000, 1), compress: false }], mtime);
    expect(codeOf(() => readContainer(big, { maxMemberSize: 1_000_000 }))).toBe('CONTAINER_LIMIT_EXCEEDED');
    expect(codeOf(() => readContainer(big, { maxTotalSize: 1_500_000 }))).toBe('CONTAINER_LIMIT_EXCEEDED');
    expect(codeOf(() => readContainer(big, { maxContainerSize: 1_000_000 }))).toBe('CONTAINER_LIMIT_EXCEEDED');
    expect(codeOf(() => readContainer(big))).toBe('ok');
  });
});

describe('container structure', () => {
  const good = () =>
    writeContainer(
      [
        { name: 'manifest.json', bytes: new TextEncoder().encode('{}'), compress: true },
        { name: 'items/aaaa', bytes: new Uint8Array([1]), compress: false },
        { name: 'items/aaab', bytes: new Uint8Array([2]), compress: false },
      ],
      mtime,
    );

  it('reads its own output', () => {
    expect(readContainer(good()).map((e) => e.name)).toEqual(['mimetype', 'manifest.json', 'items/aaaa', 'items/aaab']);
    expect(openContainer(good()).manifestBytes).toEqual(new TextEncoder().encode('{}'));
  });

  it('refuses duplicate, traversing and absolute names', () => {
    expect(codeOf(() => readContainer(patchBytes(good(), 'items/aaab', 'items/aaaa')))).toBe(
      'CONTAINER_MEMBER_DUPLICATE',
    );
    expect(codeOf(() => readContainer(patchBytes(good(), 'items/aaab', 'items/../a')))).toBe(
      'CONTAINER_MEMBER_NAME_INVALID',
    );
    expect(codeOf(() => readContainer(patchBytes(good(), 'items/aaab', '/items/aaa')))).toBe(
      'CONTAINER_MEMBER_NAME_INVALID',
    );
    expect(codeOf(() => readContainer(patchBytes(good(), 'items/aaab', 'items\\aaab')))).toBe(
      'CONTAINER_MEMBER_NAME_INVALID',
    );
  });

  it('refuses prefixed, suffixed and truncated zips, and overlapping entries', () => {
    const zip = good();
    expect(codeOf(() => readContainer(new Uint8Array([0, ...zip])))).toBe('CONTAINER_CORRUPT');
    expect(codeOf(() => readContainer(new Uint8Array([...zip, 0])))).toBe('CONTAINER_NOT_ZIP');
    expect(codeOf(() => readContainer(zip.subarray(0, zip.byteLength - 30)))).toBe('CONTAINER_NOT_ZIP');
    // Point the last central record at the previous member's local header (the overlapping-file bomb).
    const overlap = zip.slice();
    const view = new DataView(overlap.buffer);
    const cd = view.getUint32(overlap.byteLength - 22 + 16, true);
    let pos = cd;
    const offsets: number[] = [];
    for (let i = 0; i < 4; i++) {
      offsets.push(pos);
      pos += 46 + view.getUint16(pos + 28, true);
    }
    view.setUint32(offsets[3]! + 42, view.getUint32(offsets[2]! + 42, true), true);
    expect(codeOf(() => readContainer(overlap))).toBe('CONTAINER_CORRUPT');
  });

  it('requires mimetype first, stored, with the exact media type, and manifest.json second', () => {
    const files = { 'manifest.json': new TextEncoder().encode('{}') };
    expect(codeOf(() => openContainer(zipSync(files)))).toBe('CONTAINER_MIMETYPE_INVALID');
    const compressed = zipSync({
      mimetype: [new TextEncoder().encode('application/vnd.inkproof.evidence+zip'), { level: 9 }],
    });
    expect(codeOf(() => openContainer(compressed))).toBe('CONTAINER_MIMETYPE_INVALID');
    expect(codeOf(() => openContainer(writeContainer([], mtime)))).toBe('CONTAINER_MEMBER_MISSING');
  });
});
