import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { MEMBER } from '../src/container/member-names.js';
import { openContainer } from '../src/container/open-container.js';
import { decryptItem } from '../src/crypto/decrypt-item.js';
import { encryptItem } from '../src/crypto/encrypt-item.js';
import { EvidenceError } from '../src/errors.js';
import { parseManifest } from '../src/manifest/parse-manifest.js';
import { parseLogEntryBytes } from '../src/merkle/log-entry.js';
import { verifyEvidenceBundle } from '../src/verify/verify-evidence-bundle.js';
import { escrowFixture, seededBytes, seededRandom } from './helpers.js';
import { buildSample, createSampleWorld } from './sample-bundle.js';

type Mutator = (input: Uint8Array, random: () => number) => Uint8Array;
const join = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
};
const pick = (random: () => number, n: number) => Math.floor(random() * n);

const MUTATORS: Mutator[] = [
  (b, r) => {
    const o = b.slice();
    const i = pick(r, o.length);
    o[i] = o[i]! ^ (1 << pick(r, 8));
    return o;
  },
  (b, r) => {
    const o = b.slice();
    for (let k = 0; k < 1 + pick(r, 8); k++) o[pick(r, o.length)] = pick(r, 256);
    return o;
  },
  (b, r) => b.subarray(0, pick(r, b.length)),
  (b, r) => {
    const i = pick(r, b.length);
    return join(b.subarray(0, i), b.subarray(i + 1 + pick(r, 64)));
  },
  (b, r) => {
    const i = pick(r, b.length);
    const junk = Uint8Array.from({ length: 1 + pick(r, 16) }, () => pick(r, 256));
    return join(b.subarray(0, i), junk, b.subarray(i));
  },
  (b, r) => {
    // Boundary values in a 2- or 4-byte little-endian field (sizes, offsets, counts, name lengths).
    const o = b.slice();
    const v = [0, 0xffffffff, 0x7fffffff, 0x10000, 1, o.length][pick(r, 6)]!;
    const i = pick(r, Math.max(1, o.length - 4));
    new DataView(o.buffer).setUint32(i, v >>> 0, true);
    return o;
  },
  (b, r) => {
    const i = pick(r, b.length);
    const n = 1 + pick(r, 256);
    return join(b.subarray(0, i + n), b.subarray(i, i + n), b.subarray(i + n));
  },
];

/** Parses like the verifier's first steps; returns the number of stages passed. */
function parseAll(zip: Uint8Array): number {
  const c = openContainer(zip);
  parseManifest(c.manifestBytes);
  const log = c.member(MEMBER.log);
  if (log) parseLogEntryBytes(log.bytes);
  return 3;
}

function expectTyped(f: () => unknown, label: string): boolean {
  try {
    f();
    return true;
  } catch (e) {
    if (!(e instanceof EvidenceError) || e.code === 'INTERNAL') {
      throw new Error(`${label}: untyped failure ${String(e)}`, { cause: e });
    }
    return false;
  }
}

describe('parser fuzzing (seeded)', () => {
  let zip: Uint8Array;
  let manifest: Uint8Array;
  let root: Uint8Array;
  beforeAll(async () => {
    const world = await createSampleWorld();
    root = world.pki.rootCertificate;
    zip = (await buildSample(world, 5, 0.01)).zip;
    manifest = openContainer(zip).manifestBytes;
    expect(zip.byteLength).toBeLessThan(40_000);
  });

  it('10,000 mutated containers: always a typed EvidenceError or a clean parse', () => {
    const random = seededRandom(0x1b4d);
    let accepted = 0;
    for (let i = 0; i < 10_000; i++) {
      let input = zip;
      for (let k = 0; k < 1 + pick(random, 3); k++) input = MUTATORS[pick(random, MUTATORS.length)]!(input, random);
      if (expectTyped(() => parseAll(input), `container #${i}`)) accepted++;
    }
    // Some mutations land in fields the parser does not interpret (e.g. "version made by"); most must be refused.
    expect(accepted).toBeLessThan(2_000);
  }, 60_000);

  it('80 mutated bundles through the whole pipeline: a report, never a throw, never valid unless intact', async () => {
    const random = seededRandom(0xb0b);
    for (let i = 0; i < 80; i++) {
      const input = MUTATORS[pick(random, MUTATORS.length)]!(zip, random);
      const report = await verifyEvidenceBundle(input, { trustAnchors: [root] });
      if (report.valid) expect(readContainerNames(input)).toEqual(readContainerNames(zip));
    }
  }, 60_000);

  it('5,000 mutated manifests: always a typed EvidenceError or a clean parse', () => {
    const random = seededRandom(0x5eed);
    for (let i = 0; i < 5_000; i++) {
      const input = MUTATORS[pick(random, MUTATORS.length)]!(manifest, random);
      expectTyped(() => parseManifest(input), `manifest #${i}`);
    }
  }, 60_000);

  it('800 mutated item envelopes: the escrow decrypt fails only with DECRYPTION_FAILED', async () => {
    const escrow = escrowFixture('ec');
    const random = seededRandom(0xe5c);
    for (const contentEncryption of ['aes-256-cbc', 'aes-256-gcm'] as const) {
      const { bytes } = await encryptItem(seededBytes(600, 1), escrow.certificate, { contentEncryption });
      for (let i = 0; i < 400; i++) {
        const input = MUTATORS[pick(random, MUTATORS.length)]!(bytes, random);
        try {
          decryptItem(input, escrow.keyPem);
        } catch (e) {
          expect((e as { code?: string }).code, `envelope #${i}: ${e}`).toBe('DECRYPTION_FAILED');
        }
      }
    }
  }, 60_000);
});

/** Member names and content digests: what a valid report vouches for. */
function readContainerNames(zip: Uint8Array): string[] {
  return openContainer(zip).entries.map((e) => `${e.name}:${createHash('sha256').update(e.bytes).digest('hex')}`);
}
