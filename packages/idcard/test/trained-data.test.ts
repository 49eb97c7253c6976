import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isIdCardError } from '../src/index';
import { keepLstmComponents } from '../src/ocr/keep-lstm-components';
import { DEFAULT_LANG_PATH, resolveTextLangPath, stageTrainedData } from '../src/ocr/trained-data';

/** Component index → bytes, read straight from the container layout (u32 count, i64 offsets, data). */
function readComponents(data: Uint8Array): Map<number, Uint8Array> {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const count = view.getUint32(0, true);
  const present = Array.from({ length: count }, (_, index) => ({
    index,
    offset: Number(view.getBigInt64(4 + 8 * index, true)),
  }))
    .filter((e) => e.offset >= 0)
    .sort((a, b) => a.offset - b.offset);
  return new Map(
    present.map((e, k) => [e.index, data.subarray(e.offset, present[k + 1]?.offset ?? data.length)] as const),
  );
}

function container(components: Record<number, number[]>): Uint8Array {
  const count = 24;
  const body = Object.entries(components).map(([index, bytes]) => ({ index: Number(index), bytes }));
  const out = new Uint8Array(4 + 8 * count + body.reduce((s, c) => s + c.bytes.length, 0));
  const view = new DataView(out.buffer);
  view.setUint32(0, count, true);
  for (let i = 0; i < count; i++) view.setBigInt64(4 + 8 * i, -1n, true);
  let offset = 4 + 8 * count;
  for (const { index, bytes } of body) {
    view.setBigInt64(4 + 8 * index, BigInt(offset), true);
    out.set(bytes, offset);
    offset += bytes.length;
  }
  return out;
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  return promise.then(
    () => undefined,
    (error: unknown) => (isIdCardError(error) ? error.code : `untyped: ${String(error)}`),
  );
}

describe('the text model from @tesseract.js-data/chi_sim', () => {
  it('is installed by npm ci, gzipped, with the legacy engine and an LSTM model', async () => {
    const gz = await readFile(join(resolveTextLangPath(), 'chi_sim.traineddata.gz'));
    const components = readComponents(gunzipSync(gz));
    expect(components.get(17)?.length).toBeGreaterThan(1_000_000); // lstm
    expect(components.get(3)?.length).toBeGreaterThan(10_000_000); // inttemp (legacy engine)
  });

  it('keeps only the LSTM components, byte for byte', async () => {
    const full = gunzipSync(await readFile(join(resolveTextLangPath(), 'chi_sim.traineddata.gz')));
    const kept = keepLstmComponents(full);
    const before = readComponents(full);
    const after = readComponents(kept);
    expect([...after.keys()].sort((a, b) => a - b)).toEqual([0, 17, 18, 19, 20, 23]);
    for (const [index, bytes] of after)
      expect(Buffer.from(bytes).equals(Buffer.from(before.get(index) ?? []))).toBe(true);
    expect(kept.length).toBeLessThan(full.length / 10);
  });

  it('rejects bytes that are no container, and a container without an LSTM model', () => {
    expect(() => keepLstmComponents(new TextEncoder().encode('not a traineddata file'))).toThrow();
    expect(() => keepLstmComponents(container({ 0: [35, 10], 1: [1, 2, 3] }))).toThrow(/no LSTM/);
    const small = keepLstmComponents(container({ 0: [35, 10], 3: [9, 9, 9, 9], 17: [7, 7, 7] }));
    expect([...readComponents(small).entries()].map(([i, b]) => [i, [...b]])).toEqual([
      [0, [35, 10]],
      [17, [7, 7, 7]],
    ]);
  });
});

describe('stageTrainedData', () => {
  it('unpacks a gzipped model into a private directory and removes it on release', async () => {
    const staged = await stageTrainedData(resolveTextLangPath(), ['chi_sim']);
    expect(staged.gzip).toBe(false);
    expect(staged.langPath).not.toBe(resolveTextLangPath());
    const file = join(staged.langPath, 'chi_sim.traineddata');
    expect(readComponents(await readFile(file)).has(3)).toBe(false);
    await staged.release();
    await expect(access(file)).rejects.toThrow();
  });

  it('uses plain traineddata where it lies', async () => {
    const staged = await stageTrainedData(DEFAULT_LANG_PATH, ['chi_sim+eng']);
    expect(staged).toMatchObject({ langPath: DEFAULT_LANG_PATH, gzip: false });
    await staged.release();
    await expect(access(join(DEFAULT_LANG_PATH, 'eng.traineddata'))).resolves.toBeUndefined();
  });

  it('fails with OCR_FAILED when a language is in neither form', async () => {
    expect(await codeOf(stageTrainedData(resolveTextLangPath(), ['chi_sim+eng']))).toBe('OCR_FAILED');
    expect(await codeOf(stageTrainedData('/nonexistent/tessdata', ['chi_sim']))).toBe('OCR_FAILED');
  });
});
