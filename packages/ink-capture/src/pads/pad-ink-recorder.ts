import type { TInkDocument } from '@inkproof/ink';
import { InkSession } from '../session/ink-session';
import { TapTracker, toScreenPixel } from './button-hit-test';
import type { PadAction, PadButtonArea, PadCapabilities, PadDriver, PadPenSample } from './pad-driver';

export interface PadInkRecorderOptions {
  /** Called for taps on OK / Clear / Cancel areas; Clear is also applied to the recording. */
  onAction?: (action: PadAction) => void;
  /** Live view: every kept sample, in device units. */
  onSample?: (sample: PadPenSample, isStrokeStart: boolean) => void;
  /** A stroke was closed (pen lifted or moved onto a button). */
  onStrokeEnd?: () => void;
}

/**
 * Turns a pad driver's pen reports into an ink document: each report with the tip down (outside the button
 * areas) is one sample, kept as reported (device units, raw pressure / max). Hover reports are counted only.
 */
export class PadInkRecorder {
  readonly session: InkSession;
  readonly stats = { reports: 0, downReports: 0, kept: 0 };
  private readonly taps: TapTracker;
  private readonly off: () => void;

  constructor(
    private readonly driver: PadDriver,
    private readonly caps: PadCapabilities,
    private readonly options: PadInkRecorderOptions = {},
    buttonAreas: () => readonly PadButtonArea[] = () => [],
  ) {
    this.session = new InkSession({
      source: { kind: 'pad', model: caps.model, vendorId: caps.vendorId, productId: caps.productId },
      units: { name: caps.unitsPerMm === 100 ? '0.01mm' : 'pad-unit', perMm: caps.unitsPerMm },
      surface: { width: caps.maxX, height: caps.maxY },
      sampleRate: caps.reportRateHz ? { declaredHz: caps.reportRateHz } : {},
      pressure: { kind: 'real', levels: caps.maxPressure + 1 },
      time: { source: caps.hasDeviceClock ? 'device-counter' : 'host', originMs: performance.timeOrigin },
    });
    const screen = caps.screen;
    this.taps = new TapTracker(buttonAreas, (s) =>
      screen ? toScreenPixel(s, caps.maxX, caps.maxY, screen) : { x: -1, y: -1 },
    );
    this.off = driver.on('sample', (s) => this.onSample(s));
  }

  private onSample(sample: PadPenSample): void {
    this.stats.reports += 1;
    if (sample.isDown) this.stats.downReports += 1;
    const kind = this.taps.classify(sample, (area) => this.onTap(area.action, sample.t));
    if (kind !== 'ink') {
      if (this.session.isStrokeOpen) {
        this.session.endStroke();
        this.options.onStrokeEnd?.();
      }
      return;
    }
    const isStart = !this.session.isStrokeOpen;
    if (isStart) this.session.beginStroke('pad');
    this.session.addSample({
      t: sample.t,
      x: sample.x,
      y: sample.y,
      pressure: Math.min(1, sample.pressure / this.caps.maxPressure),
    });
    this.stats.kept += 1;
    this.options.onSample?.(sample, isStart);
  }

  private onTap(action: PadAction, t: number): void {
    if (action === 'clear') {
      this.session.clear(t);
      void this.driver.clear();
    }
    this.options.onAction?.(action);
  }

  toDocument(): TInkDocument {
    return this.session.toDocument();
  }

  dispose(): void {
    this.off();
  }
}
