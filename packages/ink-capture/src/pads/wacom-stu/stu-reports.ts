import { CaptureError } from '../../capture-error';

/** Wacom STU report IDs (STU-430/530/540/541 protocol). Input reports: PEN_DATA, PEN_DATA_TIME_COUNT_SEQUENCE. */
export const StuReport = {
  PEN_DATA: 0x01,
  STATUS: 0x03,
  INFORMATION: 0x08,
  CAPABILITY: 0x09,
  CLEAR_SCREEN: 0x20,
  INKING_MODE: 0x21,
  WRITE_IMAGE_START: 0x25,
  WRITE_IMAGE_DATA: 0x26,
  WRITE_IMAGE_END: 0x27,
  HANDWRITING_DISPLAY_AREA: 0x2a,
  PEN_DATA_OPTION_MODE: 0x32,
  PEN_DATA_TIME_COUNT_SEQUENCE: 0x34,
} as const;

/** Feature 0x32 values; 3 makes the pad send 0x34 reports carrying its time counter and a sequence number. */
export const PenDataOptionMode = { NONE: 0, TIME_COUNT: 1, SEQUENCE: 2, TIME_COUNT_SEQUENCE: 3 } as const;

export const StuStatusCode = {
  READY: 0,
  IMAGE: 1,
  CAPTURE: 2,
  CALCULATION: 3,
  IMAGE_BOOT: 4,
  ROM_BUSY: 0x10,
  SYSTEM_RESET: 0x20,
} as const;

/** Image encoding modes for WRITE_IMAGE_START. */
export const StuEncodingMode = { MONO_1BIT: 0x00, COLOR_16BIT_565: 0x02, COLOR_24BIT_BGR: 0x04 } as const;

export interface StuPenData {
  /** Pen in proximity: bit 7 of byte 0. */
  rdy: boolean;
  /** Switch state: bits 6..4 of byte 0 (1 = tip pressed). Not bit 7, and not a single bit. */
  sw: number;
  /** 12 bits: low nibble of byte 0, then byte 1. */
  pressure: number;
  x: number;
  y: number;
}

export interface StuPenDataTimed extends StuPenData {
  /** Pad clock in ms, 16-bit, wraps. */
  timeCount: number;
  /** 16-bit report sequence number, wraps. */
  sequence: number;
}

function need(bytes: Uint8Array, length: number, what: string): void {
  if (bytes.length < length) {
    throw new CaptureError(
      'REPORT_MALFORMED',
      `签名板 ${what} 报告长度不足 / Pad ${what} report too short (${bytes.length} < ${length})`,
    );
  }
}

const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;

/** Report 0x01 payload (6 bytes, report id excluded): rdy/sw/pressure, then x and y u16 big-endian. */
export function decodePenData(bytes: Uint8Array): StuPenData {
  need(bytes, 6, 'pen');
  const b0 = bytes[0]!;
  return {
    rdy: b0 >> 7 === 1,
    sw: (b0 >> 4) & 0x07,
    pressure: ((b0 & 0x0f) << 8) | bytes[1]!,
    x: u16be(bytes, 2),
    y: u16be(bytes, 4),
  };
}

/** Report 0x34 payload (10 bytes): pen data, then timeCount and sequence, u16 big-endian. */
export function decodePenDataTimeCountSequence(bytes: Uint8Array): StuPenDataTimed {
  need(bytes, 10, 'pen/time');
  return { ...decodePenData(bytes), timeCount: u16be(bytes, 6), sequence: u16be(bytes, 8) };
}

export function encodePenData(p: StuPenData): Uint8Array {
  return Uint8Array.from([
    (p.rdy ? 0x80 : 0) | ((p.sw & 7) << 4) | ((p.pressure >> 8) & 0x0f),
    p.pressure & 0xff,
    p.x >> 8,
    p.x & 0xff,
    p.y >> 8,
    p.y & 0xff,
  ]);
}

export function encodePenDataTimeCountSequence(p: StuPenDataTimed): Uint8Array {
  const out = new Uint8Array(10);
  out.set(encodePenData(p));
  out.set([(p.timeCount >> 8) & 0xff, p.timeCount & 0xff, (p.sequence >> 8) & 0xff, p.sequence & 0xff], 6);
  return out;
}

export interface StuCapability {
  tabletMaxX: number;
  tabletMaxY: number;
  tabletMaxPressure: number;
  screenWidth: number;
  screenHeight: number;
  maxReportRate: number;
  /** Units per inch of the pen coordinates (2540 = 0.01 mm). */
  resolution: number;
}

/** Feature 0x09 payload: five u16 BE, report rate u8, resolution u16 BE. */
export function decodeCapability(bytes: Uint8Array): StuCapability {
  need(bytes, 13, 'capability');
  return {
    tabletMaxX: u16be(bytes, 0),
    tabletMaxY: u16be(bytes, 2),
    tabletMaxPressure: u16be(bytes, 4),
    screenWidth: u16be(bytes, 6),
    screenHeight: u16be(bytes, 8),
    maxReportRate: bytes[10]!,
    resolution: u16be(bytes, 11),
  };
}

export interface StuInformation {
  modelName: string;
  firmwareMajor: number;
  firmwareMinor: number;
}

/** Feature 0x08 payload: 9-byte NUL-padded ASCII model name, firmware major/minor. */
export function decodeInformation(bytes: Uint8Array): StuInformation {
  need(bytes, 11, 'information');
  const name = String.fromCharCode(...bytes.subarray(0, 9))
    .replace(/\0.*$/s, '')
    .trim();
  return { modelName: name, firmwareMajor: bytes[9]!, firmwareMinor: bytes[10]! };
}

export interface StuStatus {
  statusCode: number;
  lastResultCode: number;
  statusWord: number;
}

/** Feature 0x03 payload: status code, last result code, status word u16 BE. */
export function decodeStatus(bytes: Uint8Array): StuStatus {
  need(bytes, 4, 'status');
  return { statusCode: bytes[0]!, lastResultCode: bytes[1]!, statusWord: u16be(bytes, 2) };
}

/** Feature 0x2A: upper-left and lower-right corners in LCD pixels, u16 **little-endian** (unlike the rest). */
export function encodeHandwritingArea(area: { x: number; y: number; width: number; height: number }): Uint8Array {
  const values = [area.x, area.y, area.x + area.width - 1, area.y + area.height - 1];
  const out = new Uint8Array(8);
  values.forEach((v, i) => {
    out[i * 2] = v & 0xff;
    out[i * 2 + 1] = (v >> 8) & 0xff;
  });
  return out;
}

export function decodeHandwritingArea(bytes: Uint8Array) {
  need(bytes, 8, 'handwriting area');
  const le = (i: number) => bytes[i]! | (bytes[i + 1]! << 8);
  return { x: le(0), y: le(2), width: le(4) - le(0) + 1, height: le(6) - le(2) + 1 };
}

/** Maximum image bytes per WRITE_IMAGE_DATA report. */
export const STU_IMAGE_BLOCK_SIZE = 253;

/** Splits encoded image bytes into 0x26 payloads: length u16 LE, then up to 253 data bytes (zero padded). */
export function encodeImageBlocks(image: Uint8Array): Uint8Array[] {
  const blocks: Uint8Array[] = [];
  for (let offset = 0; offset < image.length; offset += STU_IMAGE_BLOCK_SIZE) {
    const chunk = image.subarray(offset, offset + STU_IMAGE_BLOCK_SIZE);
    const block = new Uint8Array(2 + STU_IMAGE_BLOCK_SIZE);
    block[0] = chunk.length & 0xff;
    block[1] = chunk.length >> 8;
    block.set(chunk, 2);
    blocks.push(block);
  }
  return blocks;
}
