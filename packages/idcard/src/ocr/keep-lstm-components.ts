/**
 * Components an LSTM-only tesseract needs (tesseract `ccutil/tessdatamanager.h` TessdataType): config (0), lstm (17),
 * lstm-punc-dawg (18), lstm-word-dawg (19), lstm-number-dawg (20), lstm-unicharset (21), lstm-recoder (22),
 * version (23). Older models keep the LSTM unicharset and recoder inside the lstm component.
 */
const LSTM_COMPONENTS: ReadonlySet<number> = new Set([0, 17, 18, 19, 20, 21, 22, 23]);
const LSTM = 17;
const MAX_ENTRIES = 64;

/**
 * Rewrites a `.traineddata` container with only its LSTM components. The container (TessdataManager::Serialize) is a
 * little-endian u32 entry count, one i64 offset per entry (-1 when absent), then the components in offset order;
 * a component ends where the next present one starts. Throws when the bytes are not such a container or hold no
 * LSTM model.
 */
export function keepLstmComponents(data: Uint8Array): Uint8Array {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const count = data.length >= 4 ? view.getUint32(0, true) : 0;
  const headerSize = 4 + 8 * count;
  if (count === 0 || count > MAX_ENTRIES || headerSize > data.length) throw new Error('not a traineddata container');
  const entries = Array.from({ length: count }, (_, index) => ({
    index,
    offset: Number(view.getBigInt64(4 + 8 * index, true)),
  }))
    .filter((e) => e.offset >= 0)
    .sort((a, b) => a.offset - b.offset);
  if (entries.some((e) => e.offset < headerSize || e.offset > data.length)) {
    throw new Error('traineddata offsets out of range');
  }
  const kept = entries
    .map((e, k) => ({ index: e.index, bytes: data.subarray(e.offset, entries[k + 1]?.offset ?? data.length) }))
    .filter((e) => LSTM_COMPONENTS.has(e.index))
    .sort((a, b) => a.index - b.index);
  if (!kept.some((e) => e.index === LSTM && e.bytes.length > 0)) throw new Error('traineddata holds no LSTM model');
  const out = new Uint8Array(headerSize + kept.reduce((sum, e) => sum + e.bytes.length, 0));
  const outView = new DataView(out.buffer);
  outView.setUint32(0, count, true);
  for (let i = 0; i < count; i++) outView.setBigInt64(4 + 8 * i, -1n, true);
  let offset = headerSize;
  for (const { index, bytes } of kept) {
    outView.setBigInt64(4 + 8 * index, BigInt(offset), true);
    out.set(bytes, offset);
    offset += bytes.length;
  }
  return out;
}
