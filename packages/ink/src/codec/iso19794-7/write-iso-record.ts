import { InkError } from '../../ink-error';
import {
  channelBit,
  channelByteSize,
  ISO_CHANNELS,
  ISO_FORMAT_IDENTIFIER,
  ISO_VERSION_2007,
  type IsoSignatureRecord,
  isSignedChannel,
  Preamble,
} from './iso-channels';
import { encodeScalingValue } from './scaling-value';

/** Serialises a record: header (§7.3), channel descriptions (§7.4), body with 3-byte sample count (§7.5). */
export function writeIsoRecord(record: IsoSignatureRecord): Uint8Array {
  const out: number[] = [...ISO_FORMAT_IDENTIFIER, ...ISO_VERSION_2007];
  const included = ISO_CHANNELS.filter((c) => record.values[c] !== undefined);
  if (!included.includes('x') || !included.includes('y')) {
    throw new InkError('UNSUPPORTED_CHANNEL', 'ISO 19794-7 记录必须包含 X 和 Y / An ISO 19794-7 record needs X and Y');
  }
  push16(
    out,
    included.reduce((mask, c) => mask | channelBit(c), 0),
  );
  for (const channel of included) {
    const d = record.descriptions.find((x) => x.channel === channel) ?? { channel };
    const signed = isSignedChannel(channel);
    let preamble = 0;
    if (d.scaling !== undefined) preamble |= Preamble.SCALING;
    if (d.min !== undefined) preamble |= Preamble.MIN;
    if (d.max !== undefined) preamble |= Preamble.MAX;
    if (d.mean !== undefined) preamble |= Preamble.MEAN;
    if (d.std !== undefined) preamble |= Preamble.STD;
    if (d.isConstant) preamble |= Preamble.CONSTANT;
    if (d.linearComponentRemoved) preamble |= Preamble.LINEAR_COMPONENT_REMOVED;
    out.push(preamble);
    if (d.scaling !== undefined) push16(out, encodeScalingValue(d.scaling));
    for (const v of [d.min, d.max, d.mean]) if (v !== undefined) push16(out, checkRange(v, signed, 2));
    if (d.std !== undefined) push16(out, checkRange(d.std, false, 2));
  }
  out.push(record.extendedData?.length ? 0x80 : 0x00);
  const n = record.sampleCount;
  if (n > 0xffffff) throw new InkError('VALUE_OUT_OF_RANGE', '采样点过多 / Too many sample points');
  out.push((n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
  for (let i = 0; i < n; i++) {
    for (const channel of included) {
      const v = record.values[channel]![i];
      if (v === undefined)
        throw new InkError('MALFORMED', `通道 ${channel} 缺少采样 / Channel ${channel} lacks samples`);
      const size = channelByteSize(channel);
      const checked = checkRange(v, isSignedChannel(channel), size);
      if (size === 1) out.push(checked);
      else push16(out, checked);
    }
  }
  const bytes = Uint8Array.from(out);
  if (!record.extendedData?.length) return bytes;
  const all = new Uint8Array(bytes.length + record.extendedData.length);
  all.set(bytes);
  all.set(record.extendedData, bytes.length);
  return all;
}

function push16(out: number[], value: number): void {
  out.push((value >> 8) & 0xff, value & 0xff);
}

function checkRange(value: number, signed: boolean, size: 1 | 2): number {
  const bits = size * 8;
  const min = signed ? -(2 ** (bits - 1)) : 0;
  const max = signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InkError('VALUE_OUT_OF_RANGE', `数值 ${value} 超出通道范围 / Value ${value} out of channel range`);
  }
  return value < 0 ? value + 2 ** bits : value;
}
