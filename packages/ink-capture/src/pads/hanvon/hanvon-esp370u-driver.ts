import { CaptureError } from '../../capture-error';
import { getHid, type Hid, type HidDevice, type HidInputReportEvent, reportBytes } from '../../hid/hid-types';
import type {
  PadButtonArea,
  PadCapabilities,
  PadDriver,
  PadEventMap,
  PadImage,
  PadListener,
  PadPrompt,
} from '../pad-driver';
import { PadEvents } from '../pad-events';
import {
  decodeEsp370uReport,
  ESP370U_FEATURE_REPORT,
  ESP370U_INPUT_REPORT,
  ESP370U_PRODUCT_ID,
  Esp370uCommand,
  HANVON_VENDOR_ID,
} from './esp370u-reports';

export interface HanvonOptions {
  hid?: Hid;
  device?: HidDevice;
  /** The pad reports no capabilities; these are configuration. Defaults: 10000 × 6000, 1024 levels, 100/mm. */
  maxX?: number;
  maxY?: number;
  maxPressure?: number;
  unitsPerMm?: number;
}

/**
 * WebHID driver for the Hanvon ESP370U. The pad has no clock, so samples carry host receive time
 * (`performance.timeOrigin + event.timeStamp`); it has no image protocol we use, so prompts stay on screen.
 */
export class HanvonEsp370uDriver implements PadDriver {
  capabilities: PadCapabilities | undefined;
  private device: HidDevice | undefined;
  private readonly events = new PadEvents();
  private isPenDown = false;
  private readonly onReport = (e: Event) => this.handleReport(e as HidInputReportEvent);

  constructor(private readonly options: HanvonOptions = {}) {}

  async connect(): Promise<PadCapabilities> {
    const hid = this.options.hid ?? getHid();
    let device = this.options.device ?? (await hid.getDevices()).find(isEsp370u);
    if (!device)
      [device] = await hid.requestDevice({ filters: [{ vendorId: HANVON_VENDOR_ID, productId: ESP370U_PRODUCT_ID }] });
    if (!device) throw new CaptureError('DEVICE_NOT_SELECTED', '未选择签名板 / No pad was chosen');
    if (!isEsp370u(device))
      throw new CaptureError(
        'UNSUPPORTED_DEVICE',
        `不支持的签名板 ${device.productName} / Unsupported pad ${device.productName}`,
      );
    if (!device.opened) await device.open();
    device.addEventListener('inputreport', this.onReport);
    this.device = device;
    this.capabilities = {
      model: 'Hanvon ESP370U',
      vendorId: device.vendorId,
      productId: device.productId,
      maxX: this.options.maxX ?? 10_000,
      maxY: this.options.maxY ?? 6000,
      maxPressure: this.options.maxPressure ?? 1023,
      unitsPerMm: this.options.unitsPerMm ?? 100,
      hasDeviceClock: false,
      imageEncodings: [],
    };
    return this.capabilities;
  }

  async disconnect(): Promise<void> {
    if (!this.device) return;
    this.device.removeEventListener('inputreport', this.onReport);
    await this.stopCapture().catch(() => undefined);
    await this.device.close();
    this.device = undefined;
    this.events.emit('disconnect', undefined);
  }

  async startCapture(): Promise<void> {
    await this.require().sendFeatureReport(ESP370U_FEATURE_REPORT, Esp370uCommand.OPEN);
  }

  async stopCapture(): Promise<void> {
    await this.require().sendFeatureReport(ESP370U_FEATURE_REPORT, Esp370uCommand.CLOSE);
  }

  async clear(): Promise<void> {
    await this.require().sendFeatureReport(ESP370U_FEATURE_REPORT, Esp370uCommand.CLEAR);
  }

  async showImage(_image: PadImage): Promise<void> {
    throw new CaptureError('IMAGE_UPLOAD_FAILED', '此签名板不支持显示图像 / This pad cannot show images');
  }

  async showPrompt(_prompt: PadPrompt): Promise<void> {
    // Prompt and buttons are shown on the host screen for this pad.
  }

  setButtonAreas(_areas: PadButtonArea[]): void {}

  on<K extends keyof PadEventMap>(type: K, listener: PadListener<K>): () => void {
    return this.events.on(type, listener);
  }

  private handleReport(e: HidInputReportEvent): void {
    if (e.reportId !== ESP370U_INPUT_REPORT) return;
    const report = decodeEsp370uReport(reportBytes(e.data));
    if (report.state === 'down') this.isPenDown = true;
    if (report.state === 'up') this.isPenDown = false;
    const t = performance.timeOrigin + e.timeStamp;
    this.events.emit('sample', {
      t,
      x: report.x,
      y: report.y,
      pressure: report.pressure,
      isDown: this.isPenDown,
      isInRange: true,
      receivedAt: t,
    });
  }

  private require(): HidDevice {
    if (!this.device) throw new CaptureError('DEVICE_NOT_OPEN', '签名板未连接 / The pad is not connected');
    return this.device;
  }
}

function isEsp370u(device: HidDevice): boolean {
  return device.vendorId === HANVON_VENDOR_ID && device.productId === ESP370U_PRODUCT_ID;
}
