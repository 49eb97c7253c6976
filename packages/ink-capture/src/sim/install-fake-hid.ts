/** A recorded input-report stream: [ms since replay start, report id, payload hex]. */
export interface PadReportStream {
  model: 'stu-540' | 'esp370u';
  rateHz: number;
  description?: string;
  reports: [number, number, string][];
}

export interface FakeHidConfig {
  stream: PadReportStream;
  /** Start replaying when the page enables capture (STU inking on / ESP open). Default true. */
  autoplay?: boolean;
}

/** What the fake exposes on `globalThis.__inkproofFakeHid` for tests. */
export interface FakeHidHandle {
  featureLog: { reportId: number; bytes: number[] }[];
  imageBytes: number;
  replay(): Promise<number>;
  /** Resolves with the number of reports sent when an (auto-started) replay finishes. */
  finished: Promise<number>;
}

/**
 * Replaces `navigator.hid` with a fake holding one device that answers feature reports like a Wacom
 * STU-540 or Hanvon ESP370U and replays a recorded input-report stream with its real timing.
 * Self-contained (no imports, no outer references): `fakeHidInitScript` serialises it for Playwright's
 * `addInitScript` and for the demo's "simulated pad" switch.
 */
export function installFakeHid(config: FakeHidConfig): void {
  const stream = config.stream;
  const isStu = stream.model === 'stu-540';
  const hex = (s: string) => Uint8Array.from((s.match(/../g) || []).map((h) => Number.parseInt(h, 16)));
  const handle = { featureLog: [] as { reportId: number; bytes: number[] }[], imageBytes: 0 } as FakeHidHandle;
  let status = 0;
  let replaying: Promise<number> | undefined;
  let resolveFinished: (n: number) => void = () => undefined;
  handle.finished = new Promise((resolve) => {
    resolveFinished = resolve;
  });

  class FakeHidDevice extends EventTarget {
    opened = false;
    readonly vendorId = isStu ? 0x056a : 0x0b57;
    readonly productId = isStu ? 0xa8 : 0x8420;
    readonly productName = isStu ? 'STU-540' : 'ESP370U';
    readonly collections = [];
    oninputreport: ((e: Event) => void) | null = null;
    async open() {
      this.opened = true;
    }
    async close() {
      this.opened = false;
    }
    async sendReport() {}
    async sendFeatureReport(reportId: number, data: ArrayBufferView) {
      const bytes = Array.from(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      handle.featureLog.push({ reportId, bytes });
      if (isStu) {
        if (reportId === 0x25) status = 1;
        if (reportId === 0x26) handle.imageBytes += (bytes[0] ?? 0) | ((bytes[1] ?? 0) << 8);
        if (reportId === 0x27) status = 3;
        if (reportId === 0x21 && bytes[0] === 1 && config.autoplay !== false) void handle.replay();
      } else if (reportId === 5 && bytes[0] === 0x11 && config.autoplay !== false) void handle.replay();
    }
    async receiveFeatureReport(reportId: number): Promise<DataView> {
      let payload: number[] = [];
      if (isStu && reportId === 0x08)
        payload = [...Array.from('STU-540\0\0', (c) => c.charCodeAt(0)), 1, 5, 0, 0, 0, 0, 0];
      if (isStu && reportId === 0x09)
        payload = [0x2a, 0x30, 0x19, 0x50, 0x03, 0xff, 0x03, 0x20, 0x01, 0xe0, 200, 0x09, 0xec, 0];
      if (isStu && reportId === 0x03) {
        payload = [status, 0, 0, 0];
        if (status === 3) status = 0; // calculation finishes after one poll
      }
      return new DataView(Uint8Array.from([reportId, ...payload]).buffer);
    }
  }

  const device = new FakeHidDevice();
  let granted = false;
  const emit = (reportId: number, data: Uint8Array) => {
    const event = new Event('inputreport');
    Object.defineProperties(event, {
      device: { value: device },
      reportId: { value: reportId },
      data: { value: new DataView(data.buffer) },
    });
    device.dispatchEvent(event);
    device.oninputreport?.(event);
  };

  handle.replay = () => {
    if (replaying) return replaying;
    replaying = new Promise<number>((resolve) => {
      const start = performance.now();
      let next = 0;
      const tick = () => {
        const elapsed = performance.now() - start;
        while (next < stream.reports.length && stream.reports[next]![0] <= elapsed) {
          const [, id, payload] = stream.reports[next]!;
          emit(id, hex(payload));
          next++;
        }
        if (next >= stream.reports.length) {
          resolve(next);
          resolveFinished(next);
          return;
        }
        setTimeout(tick, Math.max(0, stream.reports[next]![0] - (performance.now() - start)));
      };
      tick();
    });
    return replaying;
  };

  class FakeHid extends EventTarget {
    async getDevices() {
      return granted ? [device] : [];
    }
    async requestDevice() {
      granted = true;
      return [device];
    }
  }
  const hid = new FakeHid();
  Object.defineProperty(Navigator.prototype, 'hid', { configurable: true, get: () => hid });
  (globalThis as unknown as { __inkproofFakeHid: FakeHidHandle }).__inkproofFakeHid = handle;
}

/** Source text for Playwright `page.addInitScript(...)` (or a <script>) installing the fake. */
export function fakeHidInitScript(config: FakeHidConfig): string {
  // Transpilers that keep function names (tsx, esbuild keepNames) wrap declarations in `__name(...)`;
  // the serialised function then needs that identity helper in its new realm.
  const shim = 'var __name = globalThis.__name || ((target) => target);';
  return `${shim}\n(${installFakeHid.toString()})(${JSON.stringify(config)});`;
}
