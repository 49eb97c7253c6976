import { describe, expect, it } from 'vitest';
import {
  CaptureError,
  DeviceClock,
  decodeCapability,
  decodeEsp370uReport,
  decodeHandwritingArea,
  decodeInformation,
  decodePenData,
  decodePenDataTimeCountSequence,
  decodeStatus,
  encodeHandwritingArea,
  encodeImageBlocks,
  encodeStuImage,
} from '../src/index';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('Wacom STU report decoding', () => {
  it('decodes pen report 0x01: rdy is bit 7, sw is bits 6..4, pressure the low nibble + next byte', () => {
    expect(decodePenData(bytes(0x91, 0x23, 0x2a, 0x30, 0x19, 0x50))).toEqual({
      rdy: true,
      sw: 1,
      pressure: 0x123,
      x: 10_800,
      y: 6480,
    });
  });

  it('regression: a hovering pen (0x80) is not "down", and a high pressure nibble is not the switch', () => {
    const hover = decodePenData(bytes(0x80, 0x00, 0x00, 0x10, 0x00, 0x20));
    expect(hover).toMatchObject({ rdy: true, sw: 0, pressure: 0 });
    const hard = decodePenData(bytes(0x93, 0xff, 0, 0, 0, 0));
    expect(hard).toMatchObject({ rdy: true, sw: 1, pressure: 0x3ff });
    const outOfRange = decodePenData(bytes(0x13, 0xff, 0, 0, 0, 0));
    expect(outOfRange).toMatchObject({ rdy: false, sw: 1, pressure: 0x3ff });
    const sideSwitch = decodePenData(bytes(0xa0, 0x00, 0, 0, 0, 0));
    expect(sideSwitch.sw).toBe(2);
  });

  it('decodes report 0x34 with big-endian time counter and sequence', () => {
    const p = decodePenDataTimeCountSequence(bytes(0x91, 0x00, 0x00, 0x64, 0x00, 0xc8, 0xff, 0xfe, 0x01, 0x02));
    expect(p).toEqual({ rdy: true, sw: 1, pressure: 0x100, x: 100, y: 200, timeCount: 0xfffe, sequence: 0x0102 });
  });

  it('decodes capability 0x09, information 0x08 and status 0x03', () => {
    expect(
      decodeCapability(bytes(0x2a, 0x30, 0x19, 0x50, 0x03, 0xff, 0x03, 0x20, 0x01, 0xe0, 200, 0x09, 0xec)),
    ).toEqual({
      tabletMaxX: 10_800,
      tabletMaxY: 6480,
      tabletMaxPressure: 1023,
      screenWidth: 800,
      screenHeight: 480,
      maxReportRate: 200,
      resolution: 2540,
    });
    expect(decodeInformation(bytes(...Array.from('STU-540\0\0', (c) => c.charCodeAt(0)), 1, 5))).toEqual({
      modelName: 'STU-540',
      firmwareMajor: 1,
      firmwareMinor: 5,
    });
    expect(decodeStatus(bytes(1, 0, 0x12, 0x34))).toEqual({ statusCode: 1, lastResultCode: 0, statusWord: 0x1234 });
  });

  it('writes the handwriting area 0x2A little-endian, unlike the pen reports', () => {
    const encoded = encodeHandwritingArea({ x: 16, y: 300, width: 768, height: 100 });
    expect([...encoded]).toEqual([16, 0, 0x2c, 0x01, 0x0f, 0x03, 0x8f, 0x01]);
    expect(decodeHandwritingArea(encoded)).toEqual({ x: 16, y: 300, width: 768, height: 100 });
  });

  it('refuses short reports with a typed error', () => {
    expect(() => decodePenData(bytes(0x91, 0))).toThrow(CaptureError);
    try {
      decodeCapability(bytes(1, 2, 3));
    } catch (error) {
      expect((error as CaptureError).code).toBe('REPORT_MALFORMED');
    }
  });
});

describe('STU image upload encoding', () => {
  const rgba = Uint8Array.from([255, 0, 0, 255, 0, 0, 255, 255, 0, 0, 0, 255, 255, 255, 255, 255]);
  const image = { width: 4, height: 1, data: rgba };

  it('writes 24-bit pixels as BGR', () => {
    expect([...encodeStuImage(image, '24bit-bgr')]).toEqual([0, 0, 255, 255, 0, 0, 0, 0, 0, 255, 255, 255]);
  });

  it('writes 16-bit RGB565 big-endian and 1-bit MSB-first with 1 = dark', () => {
    expect([...encodeStuImage(image, '16bit-565')]).toEqual([0xf8, 0x00, 0x00, 0x1f, 0x00, 0x00, 0xff, 0xff]);
    expect([...encodeStuImage(image, '1bit')]).toEqual([0b1110_0000]);
  });

  it('splits into 0x26 blocks of at most 253 bytes with a little-endian length', () => {
    const blocks = encodeImageBlocks(new Uint8Array(800 * 480 * 3).fill(7));
    expect(blocks).toHaveLength(Math.ceil((800 * 480 * 3) / 253));
    expect([...blocks[0]!.subarray(0, 3)]).toEqual([253, 0, 7]);
    const last = blocks.at(-1)!;
    expect(last[0]! | (last[1]! << 8)).toBe((800 * 480 * 3) % 253);
  });
});

describe('Hanvon ESP370U report 2', () => {
  it('decodes state and little-endian x, y, pressure', () => {
    expect(decodeEsp370uReport(bytes(0xb0, 0x10, 0x27, 0x70, 0x17, 0xff, 0x03))).toEqual({
      state: 'down',
      x: 10_000,
      y: 6000,
      pressure: 1023,
    });
    expect(decodeEsp370uReport(bytes(0xa1, 1, 0, 2, 0, 3, 0)).state).toBe('move');
    expect(decodeEsp370uReport(bytes(0xe0, 1, 0, 2, 0, 0, 0)).state).toBe('up');
    expect(() => decodeEsp370uReport(bytes(0x42, 0, 0, 0, 0, 0, 0))).toThrow(CaptureError);
  });
});

describe('device clock', () => {
  it('unwraps the 16-bit counter and anchors it to host time', () => {
    const clock = new DeviceClock();
    expect(clock.map(65_530, 1000)).toBe(1000);
    expect(clock.map(65_535, 1003)).toBe(1005);
    expect(clock.map(4, 1009)).toBe(1010);
    expect(clock.map(9, 1016)).toBe(1015);
  });
});
