import { CaptureError } from '../capture-error';

/**
 * The slice of WebHID (https://wicg.github.io/webhid/) the drivers use. WebHID is not in TypeScript's DOM lib,
 * so these are declared here; the simulated pad implements exactly this surface.
 */
export interface HidInputReportEvent extends Event {
  readonly device: HidDevice;
  readonly reportId: number;
  readonly data: DataView;
}

export interface HidDevice extends EventTarget {
  readonly opened: boolean;
  readonly vendorId: number;
  readonly productId: number;
  readonly productName: string;
  open(): Promise<void>;
  close(): Promise<void>;
  sendReport(reportId: number, data: ArrayBufferView): Promise<void>;
  sendFeatureReport(reportId: number, data: ArrayBufferView): Promise<void>;
  receiveFeatureReport(reportId: number): Promise<DataView>;
}

export interface HidDeviceFilter {
  vendorId?: number;
  productId?: number;
}

export interface Hid extends EventTarget {
  getDevices(): Promise<HidDevice[]>;
  requestDevice(options: { filters: HidDeviceFilter[] }): Promise<HidDevice[]>;
}

/** navigator.hid, or a typed error when the browser has none (Safari, iOS, WeChat, insecure origin). */
export function getHid(nav: Navigator = navigator): Hid {
  const hid = (nav as Navigator & { hid?: Hid }).hid;
  if (!hid) {
    throw new CaptureError(
      'HID_UNAVAILABLE',
      '此浏览器不支持 WebHID，请使用桌面版 Chrome/Edge 并通过 HTTPS 打开 / This browser has no WebHID; use desktop Chrome or Edge over HTTPS',
    );
  }
  return hid;
}

/** Copies a report's bytes out of its DataView (which may be a window into a larger buffer). */
export function reportBytes(data: DataView): Uint8Array {
  return new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
}
