import { InkError } from '../ink-error';

function truncated(): InkError {
  return new InkError('TRUNCATED', '笔迹数据不完整，请重新导出 / Ink data is truncated; export it again');
}

/** Bounds-checked reader: every overrun becomes `InkError('TRUNCATED')`, never a RangeError. */
export class ByteReader {
  private pos = 0;
  private readonly view: DataView;

  constructor(private readonly data: Uint8Array) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }

  get offset(): number {
    return this.pos;
  }

  get remaining(): number {
    return this.data.length - this.pos;
  }

  u8(): number {
    if (this.pos >= this.data.length) throw truncated();
    return this.data[this.pos++]!;
  }

  bytes(count: number): Uint8Array {
    if (count < 0 || this.pos + count > this.data.length) throw truncated();
    const out = this.data.subarray(this.pos, this.pos + count);
    this.pos += count;
    return out;
  }

  varuint(): number {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 8; i++) {
      const byte = this.u8();
      result += (byte & 0x7f) * scale;
      if ((byte & 0x80) === 0) return result;
      scale *= 0x80;
    }
    throw new InkError('MALFORMED', '笔迹数据中的整数过长 / Oversized integer in ink data');
  }

  varint(): number {
    const z = this.varuint();
    return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
  }

  f32(): number {
    if (this.pos + 4 > this.data.length) throw truncated();
    const value = this.view.getFloat32(this.pos, true);
    this.pos += 4;
    return value;
  }

  f64(): number {
    if (this.pos + 8 > this.data.length) throw truncated();
    const value = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return value;
  }
}
