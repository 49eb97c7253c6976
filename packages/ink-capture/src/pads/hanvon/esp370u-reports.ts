import { CaptureError } from '../../capture-error';

export const HANVON_VENDOR_ID = 0x0b57;
export const ESP370U_PRODUCT_ID = 0x8420;
export const ESP370U_INPUT_REPORT = 2;
export const ESP370U_FEATURE_REPORT = 5;

/** Feature report 5 commands. */
export const Esp370uCommand = {
  OPEN: Uint8Array.from([0x11, 0x70]),
  CLOSE: Uint8Array.from([0x22, 0x70]),
  CLEAR: Uint8Array.from([0x33, 0x70]),
} as const;

/** First byte of input report 2. */
export const Esp370uState = { MOVE: 0xa0, MOVE_ALT: 0xa1, DOWN: 0xb0, UP: 0xe0 } as const;

export interface Esp370uPenReport {
  state: 'move' | 'down' | 'up';
  x: number;
  y: number;
  pressure: number;
}

/** Input report 2 payload: state byte, then x, y, pressure as u16 **little-endian**. */
export function decodeEsp370uReport(bytes: Uint8Array): Esp370uPenReport {
  if (bytes.length < 7) {
    throw new CaptureError(
      'REPORT_MALFORMED',
      `汉王签名板报告长度不足 / Hanvon pad report too short (${bytes.length} < 7)`,
    );
  }
  const code = bytes[0]!;
  const state =
    code === Esp370uState.DOWN
      ? 'down'
      : code === Esp370uState.UP
        ? 'up'
        : code === Esp370uState.MOVE || code === Esp370uState.MOVE_ALT
          ? 'move'
          : undefined;
  if (!state)
    throw new CaptureError(
      'REPORT_MALFORMED',
      `未知的汉王报告状态 0x${code.toString(16)} / Unknown Hanvon report state`,
    );
  const le = (i: number) => bytes[i]! | (bytes[i + 1]! << 8);
  return { state, x: le(1), y: le(3), pressure: le(5) };
}

export function encodeEsp370uReport(report: Esp370uPenReport, moveCode: number = Esp370uState.MOVE): Uint8Array {
  const code = report.state === 'down' ? Esp370uState.DOWN : report.state === 'up' ? Esp370uState.UP : moveCode;
  const { x, y, pressure } = report;
  return Uint8Array.from([code, x & 0xff, x >> 8, y & 0xff, y >> 8, pressure & 0xff, pressure >> 8]);
}
