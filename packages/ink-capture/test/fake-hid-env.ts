import { type FakeHidConfig, type FakeHidHandle, type Hid, installFakeHid, type PadReportStream } from '../src/index';

/** Installs the browser fake into Node: a stand-in Navigator class is all it needs besides EventTarget. */
export function installFakeHidInNode(config: FakeHidConfig): { hid: Hid; handle: FakeHidHandle } {
  const g = globalThis as unknown as { Navigator?: { prototype: object }; __inkproofFakeHid: FakeHidHandle };
  g.Navigator ??= class {} as unknown as { prototype: object };
  installFakeHid(config);
  const hid = (g.Navigator!.prototype as { hid: Hid }).hid;
  return { hid, handle: g.__inkproofFakeHid };
}

/** Same stream with its replay clock sped up (the device counter inside the reports is untouched). */
export function fastForward(stream: PadReportStream, factor: number): PadReportStream {
  return { ...stream, reports: stream.reports.map(([t, id, hex]) => [t / factor, id, hex]) };
}
