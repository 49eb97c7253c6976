import { CaptureError } from '../../capture-error';
import { getHid, type Hid, type HidDevice, type HidInputReportEvent, reportBytes } from '../../hid/hid-types';
import { DeviceClock } from '../device-clock';
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
import { encodeStuImage } from './stu-image';
import { STU_MODELS, WACOM_VENDOR_ID } from './stu-models';
import {
  decodeCapability,
  decodeInformation,
  decodePenData,
  decodePenDataTimeCountSequence,
  decodeStatus,
  encodeHandwritingArea,
  encodeImageBlocks,
  PenDataOptionMode,
  StuEncodingMode,
  StuReport,
  StuStatusCode,
} from './stu-reports';

export interface WacomStuOptions {
  hid?: Hid;
  /** An already-authorised device (skips the chooser). */
  device?: HidDevice;
  /** Status polling: give up after this many ms. Default 5000. */
  statusTimeoutMs?: number;
}

/** WebHID driver for Wacom STU-430/530/540/541. */
export class WacomStuDriver implements PadDriver {
  capabilities: PadCapabilities | undefined;
  private device: HidDevice | undefined;
  private readonly events = new PadEvents();
  private readonly clock = new DeviceClock();
  private buttons: PadButtonArea[] = [];
  private readonly onReport = (e: Event) => this.handleReport(e as HidInputReportEvent);

  constructor(private readonly options: WacomStuOptions = {}) {}

  async connect(): Promise<PadCapabilities> {
    const hid = this.options.hid ?? getHid();
    const device = this.options.device ?? (await pickDevice(hid));
    const model = STU_MODELS[device.productId];
    if (device.vendorId !== WACOM_VENDOR_ID || !model) {
      throw new CaptureError(
        'UNSUPPORTED_DEVICE',
        `不支持的签名板 ${device.productName} / Unsupported pad ${device.productName}`,
      );
    }
    if (!device.opened) await device.open();
    this.device = device;
    const info = decodeInformation(await this.getFeature(StuReport.INFORMATION));
    const cap = decodeCapability(await this.getFeature(StuReport.CAPABILITY));
    let hasDeviceClock = true;
    try {
      await device.sendFeatureReport(
        StuReport.PEN_DATA_OPTION_MODE,
        Uint8Array.from([PenDataOptionMode.TIME_COUNT_SEQUENCE]),
      );
    } catch {
      hasDeviceClock = false; // older firmware: plain 0x01 reports with host time
    }
    device.addEventListener('inputreport', this.onReport);
    this.capabilities = {
      model: `Wacom ${info.modelName || model.name}`,
      vendorId: device.vendorId,
      productId: device.productId,
      maxX: cap.tabletMaxX,
      maxY: cap.tabletMaxY,
      maxPressure: cap.tabletMaxPressure,
      unitsPerMm: cap.resolution > 0 ? cap.resolution / 25.4 : 100,
      screen: { width: cap.screenWidth, height: cap.screenHeight },
      reportRateHz: cap.maxReportRate,
      hasDeviceClock,
      imageEncodings: model.encodings,
    };
    return this.capabilities;
  }

  async disconnect(): Promise<void> {
    const device = this.device;
    if (!device) return;
    device.removeEventListener('inputreport', this.onReport);
    await this.stopCapture().catch(() => undefined);
    await device.close();
    this.device = undefined;
    this.events.emit('disconnect', undefined);
  }

  async startCapture(): Promise<void> {
    this.clock.reset();
    await this.requireDevice().sendFeatureReport(StuReport.INKING_MODE, Uint8Array.from([1]));
  }

  async stopCapture(): Promise<void> {
    await this.requireDevice().sendFeatureReport(StuReport.INKING_MODE, Uint8Array.from([0]));
  }

  async clear(): Promise<void> {
    await this.requireDevice().sendFeatureReport(StuReport.CLEAR_SCREEN, Uint8Array.from([0]));
  }

  /** Upload: wait Ready → 0x25 start(mode) → 0x26 blocks → 0x27 end → wait Ready. */
  async showImage(image: PadImage): Promise<void> {
    const device = this.requireDevice();
    const encoding = this.capabilities!.imageEncodings[0]!;
    const mode = {
      '24bit-bgr': StuEncodingMode.COLOR_24BIT_BGR,
      '16bit-565': StuEncodingMode.COLOR_16BIT_565,
      '1bit': StuEncodingMode.MONO_1BIT,
    }[encoding];
    const bytes = encodeStuImage(image, encoding);
    try {
      await this.waitForStatus((s) => s === StuStatusCode.READY);
      await device.sendFeatureReport(StuReport.WRITE_IMAGE_START, Uint8Array.from([mode]));
      await this.waitForStatus((s) => s === StuStatusCode.IMAGE);
      for (const block of encodeImageBlocks(bytes)) await device.sendFeatureReport(StuReport.WRITE_IMAGE_DATA, block);
      await device.sendFeatureReport(StuReport.WRITE_IMAGE_END, Uint8Array.from([0]));
      await this.waitForStatus((s) => s === StuStatusCode.READY);
    } catch (cause) {
      if (cause instanceof CaptureError && cause.code === 'STATUS_TIMEOUT') throw cause;
      throw new CaptureError(
        'IMAGE_UPLOAD_FAILED',
        '签名板图像上传失败，请重新连接 / Image upload to the pad failed; reconnect it',
        { cause },
      );
    }
  }

  async showPrompt(prompt: PadPrompt): Promise<void> {
    if (prompt.image) await this.showImage(prompt.image);
    this.setButtonAreas(prompt.buttons);
    await this.requireDevice().sendFeatureReport(
      StuReport.HANDWRITING_DISPLAY_AREA,
      encodeHandwritingArea(prompt.signingArea),
    );
  }

  setButtonAreas(areas: PadButtonArea[]): void {
    this.buttons = areas.slice();
  }

  get buttonAreas(): readonly PadButtonArea[] {
    return this.buttons;
  }

  on<K extends keyof PadEventMap>(type: K, listener: PadListener<K>): () => void {
    return this.events.on(type, listener);
  }

  private handleReport(e: HidInputReportEvent): void {
    const bytes = reportBytes(e.data);
    const hostNow = performance.timeOrigin + e.timeStamp;
    if (e.reportId === StuReport.PEN_DATA_TIME_COUNT_SEQUENCE) {
      const p = decodePenDataTimeCountSequence(bytes);
      const t = this.clock.map(p.timeCount, hostNow);
      this.events.emit('sample', {
        t,
        x: p.x,
        y: p.y,
        pressure: p.pressure,
        isDown: p.rdy && p.sw !== 0,
        isInRange: p.rdy,
        sequence: p.sequence,
        receivedAt: hostNow,
      });
    } else if (e.reportId === StuReport.PEN_DATA) {
      const p = decodePenData(bytes);
      this.events.emit('sample', {
        t: hostNow,
        x: p.x,
        y: p.y,
        pressure: p.pressure,
        isDown: p.rdy && p.sw !== 0,
        isInRange: p.rdy,
        receivedAt: hostNow,
      });
    }
  }

  private async getFeature(reportId: number): Promise<Uint8Array> {
    const view = await this.requireDevice().receiveFeatureReport(reportId);
    const bytes = reportBytes(view);
    // Chromium returns numbered feature reports with the report id as the first byte.
    return bytes[0] === reportId ? bytes.subarray(1) : bytes;
  }

  private async waitForStatus(isWanted: (code: number) => boolean): Promise<void> {
    const deadline = performance.now() + (this.options.statusTimeoutMs ?? 5000);
    for (;;) {
      const status = decodeStatus(await this.getFeature(StuReport.STATUS));
      if (isWanted(status.statusCode)) return;
      if (performance.now() > deadline) {
        throw new CaptureError(
          'STATUS_TIMEOUT',
          '签名板无响应，请重新插拔 / The pad stopped responding; unplug and reconnect it',
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  private requireDevice(): HidDevice {
    if (!this.device) throw new CaptureError('DEVICE_NOT_OPEN', '签名板未连接 / The pad is not connected');
    return this.device;
  }
}

async function pickDevice(hid: Hid): Promise<HidDevice> {
  const known = (await hid.getDevices()).find((d) => d.vendorId === WACOM_VENDOR_ID && STU_MODELS[d.productId]);
  if (known) return known;
  const [chosen] = await hid.requestDevice({
    filters: Object.keys(STU_MODELS).map((pid) => ({ vendorId: WACOM_VENDOR_ID, productId: Number(pid) })),
  });
  if (!chosen) throw new CaptureError('DEVICE_NOT_SELECTED', '未选择签名板 / No pad was chosen');
  return chosen;
}
