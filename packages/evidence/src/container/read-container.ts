import { EvidenceError } from '../errors.js';
import { type ContainerLimits, DEFAULT_CONTAINER_LIMITS } from './container-limits.js';
import { crc32 } from './crc32.js';
import { inflateBounded } from './inflate-bounded.js';
import { isValidMemberName } from './member-names.js';

export interface ContainerEntry {
  name: string;
  bytes: Uint8Array;
  /** false when the stored CRC-32 does not match the bytes (reported by verification, not fatal here). */
  isCrcValid: boolean;
  isCompressed: boolean;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;

const corrupt = (why: string, details: string[] = []): never => {
  throw new EvidenceError('CONTAINER_CORRUPT', why, { details });
};
const limit = (why: string, details: string[] = []): never => {
  throw new EvidenceError('CONTAINER_LIMIT_EXCEEDED', why, { details });
};

interface CentralRecord {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  centralOffset: number;
  rawName: Uint8Array;
}

/** Reads the end record and central directory (APPNOTE 4.3.12, 4.3.16) and checks every limit before inflating. */
function readCentralDirectory(zip: Uint8Array, view: DataView, limits: ContainerLimits): CentralRecord[] {
  if (zip.byteLength < 22 || view.getUint32(zip.byteLength - 22, true) !== SIG_END) {
    throw new EvidenceError('CONTAINER_NOT_ZIP', 'not a zip file without trailing comment');
  }
  const end = zip.byteLength - 22;
  const count = view.getUint16(end + 10, true);
  const cdSize = view.getUint32(end + 12, true);
  const cdOffset = view.getUint32(end + 16, true);
  if (
    view.getUint16(end + 4, true) !== 0 ||
    view.getUint16(end + 6, true) !== 0 ||
    view.getUint16(end + 8, true) !== count
  ) {
    corrupt('multi-disk zip');
  }
  if (count > limits.maxMembers) limit(`${count} members, at most ${limits.maxMembers} allowed`);
  if (cdOffset + cdSize !== end) corrupt('central directory is not directly before the end record');
  const records: CentralRecord[] = [];
  let pos = cdOffset;
  let total = 0;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let i = 0; i < count; i++) {
    if (pos + 46 > end || view.getUint32(pos, true) !== SIG_CENTRAL) corrupt('central directory entry broken');
    const flags = view.getUint16(pos + 8, true);
    const method = view.getUint16(pos + 10, true);
    const nameLen = view.getUint16(pos + 28, true);
    const extraLen = view.getUint16(pos + 30, true);
    const commentLen = view.getUint16(pos + 32, true);
    if (pos + 46 + nameLen + extraLen + commentLen > end) corrupt('central directory entry overruns');
    let name = '';
    try {
      name = decoder.decode(zip.subarray(pos + 46, pos + 46 + nameLen));
    } catch {
      corrupt('member name is not UTF-8');
    }
    const rec: CentralRecord = {
      name,
      method,
      crc: view.getUint32(pos + 16, true),
      compressedSize: view.getUint32(pos + 20, true),
      size: view.getUint32(pos + 24, true),
      localOffset: view.getUint32(pos + 42, true),
      centralOffset: pos,
      rawName: zip.subarray(pos + 46, pos + 46 + nameLen),
    };
    if (flags & 0x0009) corrupt(`${name}: encrypted members and data descriptors are not used`, [name]);
    if (method !== 0 && method !== 8) corrupt(`${name}: compression method ${method}`, [name]);
    if (method === 0 && rec.compressedSize !== rec.size) corrupt(`${name}: stored sizes differ`, [name]);
    if (rec.size > limits.maxMemberSize) limit(`${name} is ${rec.size} bytes uncompressed`, [name]);
    if (rec.size > Math.max(rec.compressedSize, 1) * limits.maxCompressionRatio) {
      limit(`${name} compression ratio exceeds ${limits.maxCompressionRatio}`, [name]);
    }
    total += rec.size;
    if (total > limits.maxTotalSize) limit(`members total more than ${limits.maxTotalSize} bytes`);
    records.push(rec);
    pos += 46 + nameLen + extraLen + commentLen;
  }
  if (pos !== end) corrupt('central directory size disagrees with its entries');
  return records;
}

/**
 * Parses an evidence container strictly: one zip, no prefix/suffix bytes, members laid out back to back in
 * central-directory order (no overlapping entries — the overlap bomb), names unique and well-formed, only stored or
 * deflated members, sizes and ratios within limits before inflation starts, and inflation bounded by the declared size.
 */
export function readContainer(zip: Uint8Array, opts: Partial<ContainerLimits> = {}): ContainerEntry[] {
  const limits = { ...DEFAULT_CONTAINER_LIMITS, ...opts };
  if (zip.byteLength > limits.maxContainerSize) limit(`container is ${zip.byteLength} bytes`);
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const records = readCentralDirectory(zip, view, limits);
  const cdOffset = view.getUint32(zip.byteLength - 22 + 16, true);
  const seen = new Set<string>();
  const entries: ContainerEntry[] = [];
  let expectedOffset = 0;
  for (const rec of records) {
    if (!isValidMemberName(rec.name)) {
      throw new EvidenceError('CONTAINER_MEMBER_NAME_INVALID', `member name ${JSON.stringify(rec.name)} refused`, {
        details: [rec.name],
      });
    }
    if (seen.has(rec.name)) {
      throw new EvidenceError('CONTAINER_MEMBER_DUPLICATE', `${rec.name} appears twice`, { details: [rec.name] });
    }
    seen.add(rec.name);
    const at = rec.localOffset;
    if (at !== expectedOffset || at + 30 > cdOffset || view.getUint32(at, true) !== SIG_LOCAL) {
      corrupt(`${rec.name}: local header not where the directory says`, [rec.name]);
    }
    const nameLen = view.getUint16(at + 26, true);
    const extraLen = view.getUint16(at + 28, true);
    if (at + 30 + nameLen + extraLen > cdOffset) corrupt(`${rec.name}: local header overruns`, [rec.name]);
    const dataStart = at + 30 + nameLen + extraLen;
    const dataEnd = dataStart + rec.compressedSize;
    if (dataEnd > cdOffset) corrupt(`${rec.name}: data overruns the central directory`, [rec.name]);
    // Local header fields (version needed … name length, APPNOTE 4.3.7) must repeat the central record byte for byte,
    // and so must the name: two views of one member that disagree are how zip-confusion attacks start.
    const local = zip.subarray(at + 4, at + 28);
    const central = zip.subarray(rec.centralOffset + 6, rec.centralOffset + 30);
    if (
      !local.every((b, i) => b === central[i]) ||
      !zip.subarray(at + 30, at + 30 + nameLen).every((b, i) => b === rec.rawName[i])
    ) {
      corrupt(`${rec.name}: local header disagrees with the central directory`, [rec.name]);
    }
    const raw = zip.subarray(dataStart, dataEnd);
    const bytes = rec.method === 0 ? raw : inflateBounded(raw, rec.size, rec.name);
    entries.push({ name: rec.name, bytes, isCrcValid: crc32(bytes) === rec.crc, isCompressed: rec.method === 8 });
    expectedOffset = dataEnd;
  }
  if (expectedOffset !== cdOffset) corrupt('bytes between the last member and the central directory');
  return entries;
}
