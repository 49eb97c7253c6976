import { InkError } from '../../ink-error';
import { ByteReader } from '../byte-reader';
import {
  channelBit,
  channelByteSize,
  ISO_CHANNELS,
  ISO_FORMAT_IDENTIFIER,
  ISO_VERSION_2007,
  type IsoChannelDescription,
  type IsoSignatureRecord,
  isSignedChannel,
  Preamble,
} from './iso-channels';
import { decodeScalingValue } from './scaling-value';

/** Parses an ISO/IEC 19794-7:2007 record; any overrun is `TRUNCATED`, foreign data `BAD_MAGIC`. */
export function readIsoRecord(data: Uint8Array): IsoSignatureRecord {
  const r = new ByteReader(data);
  if (ISO_FORMAT_IDENTIFIER.some((b, i) => i < data.length && data[i] !== b)) {
    throw new InkError('BAD_MAGIC', '不是 ISO 19794-7 签名数据 / Not ISO 19794-7 signature data');
  }
  r.bytes(4);
  const version = r.bytes(4);
  if (ISO_VERSION_2007.some((b, i) => version[i] !== b)) {
    throw new InkError(
      'UNSUPPORTED_VERSION',
      '仅支持 ISO/IEC 19794-7:2007 (" 10") / Only ISO/IEC 19794-7:2007 (" 10") is supported',
    );
  }
  const mask = read16(r);
  const included = ISO_CHANNELS.filter((c) => (mask & channelBit(c)) !== 0);
  if (!included.includes('x') || !included.includes('y')) {
    throw new InkError('MALFORMED', 'ISO 19794-7 记录缺少 X 或 Y 通道 / ISO 19794-7 record lacks the X or Y channel');
  }
  const descriptions: IsoChannelDescription[] = included.map((channel) => readDescription(r, channel));
  const flags = r.u8();
  const sampleCount = (r.u8() << 16) | (r.u8() << 8) | r.u8();
  const values: IsoSignatureRecord['values'] = {};
  for (const c of included) values[c] = [];
  for (let i = 0; i < sampleCount; i++) {
    for (const channel of included) {
      const size = channelByteSize(channel);
      const raw = size === 1 ? r.u8() : read16(r);
      values[channel]!.push(isSignedChannel(channel) && raw >= 2 ** (size * 8 - 1) ? raw - 2 ** (size * 8) : raw);
    }
  }
  const rest = r.remaining > 0 ? r.bytes(r.remaining) : undefined;
  if (rest && (flags & 0x80) === 0)
    throw new InkError('MALFORMED', 'ISO 19794-7 记录末尾有多余字节 / Trailing bytes in ISO 19794-7 record');
  return { descriptions, values, sampleCount, ...(rest ? { extendedData: rest.slice() } : {}) };
}

function read16(r: ByteReader): number {
  const b = r.bytes(2);
  return (b[0]! << 8) | b[1]!;
}

function readDescription(r: ByteReader, channel: (typeof ISO_CHANNELS)[number]): IsoChannelDescription {
  const preamble = r.u8();
  if (preamble & 0x01) throw new InkError('MALFORMED', '通道描述保留位非零 / Reserved channel description bit set');
  const signed = isSignedChannel(channel);
  const signedValue = (v: number) => (signed && v >= 0x8000 ? v - 0x10000 : v);
  const d: IsoChannelDescription = { channel };
  if (preamble & Preamble.SCALING) d.scaling = decodeScalingValue(read16(r));
  if (preamble & Preamble.MIN) d.min = signedValue(read16(r));
  if (preamble & Preamble.MAX) d.max = signedValue(read16(r));
  if (preamble & Preamble.MEAN) d.mean = signedValue(read16(r));
  if (preamble & Preamble.STD) d.std = read16(r);
  if (preamble & Preamble.CONSTANT) d.isConstant = true;
  if (preamble & Preamble.LINEAR_COMPONENT_REMOVED) d.linearComponentRemoved = true;
  return d;
}
