/**
 * ISO/IEC 19794-7:2007 §7.3.4 channel inclusion field: 16 bits, most significant bit first, in this order.
 * Sample values are big-endian; `s` (tip switch) is one unsigned byte, the rest two bytes (§7.5).
 */
export const ISO_CHANNELS = [
  'x',
  'y',
  'z',
  'vx',
  'vy',
  'ax',
  'ay',
  't',
  'dt',
  'f',
  's',
  'tx',
  'ty',
  'az',
  'el',
  'r',
] as const;
export type IsoChannel = (typeof ISO_CHANNELS)[number];

const SIGNED: ReadonlySet<IsoChannel> = new Set(['x', 'y', 'vx', 'vy', 'ax', 'ay', 'tx', 'ty']);

export function isSignedChannel(channel: IsoChannel): boolean {
  return SIGNED.has(channel);
}

export function channelByteSize(channel: IsoChannel): 1 | 2 {
  return channel === 's' ? 1 : 2;
}

export function channelBit(channel: IsoChannel): number {
  return 0x8000 >> ISO_CHANNELS.indexOf(channel);
}

/** Channel description preamble bits (§7.4.1). */
export const Preamble = {
  SCALING: 0x80,
  MIN: 0x40,
  MAX: 0x20,
  MEAN: 0x10,
  STD: 0x08,
  CONSTANT: 0x04,
  LINEAR_COMPONENT_REMOVED: 0x02,
} as const;

export interface IsoChannelDescription {
  channel: IsoChannel;
  scaling?: number;
  min?: number;
  max?: number;
  mean?: number;
  std?: number;
  isConstant?: boolean;
  linearComponentRemoved?: boolean;
}

/** A parsed record: descriptions of the included channels and one value column per channel. */
export interface IsoSignatureRecord {
  descriptions: IsoChannelDescription[];
  values: Partial<Record<IsoChannel, number[]>>;
  sampleCount: number;
  extendedData?: Uint8Array;
}

/** Format identifier "SDI\0" and version " 10\0" of the first edition (ISO/IEC 19794-7:2007, §7.3.2-7.3.3). */
export const ISO_FORMAT_IDENTIFIER = [0x53, 0x44, 0x49, 0x00];
export const ISO_VERSION_2007 = [0x20, 0x31, 0x30, 0x00];
