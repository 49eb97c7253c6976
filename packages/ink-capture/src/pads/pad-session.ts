import type { TInkDocument } from '@inkproof/ink';
import { LiveInkCanvas } from '../render/live-ink-canvas';
import type { PadAction, PadCapabilities, PadDriver } from './pad-driver';
import { PadInkRecorder } from './pad-ink-recorder';
import { renderPadPrompt } from './pad-prompt';

export interface PadSessionHandlers {
  /** Every kept sample (for a sample counter in the page). */
  onSample?: () => void;
  /** OK / Clear / Cancel tapped on the pad's own screen (Clear is already applied to the recording). */
  onAction?: (action: PadAction) => void;
}

/**
 * One signature on a connected pad, mirrored live on a page canvas: the pad shows its prompt with OK / Clear / Cancel,
 * every pen report with the tip down becomes an ink sample (device units, raw pressure), and the canvas follows.
 * The driver must already be connected (WebHID `requestDevice` needs the click that led here).
 */
export class PadSession {
  readonly recorder: PadInkRecorder;
  private readonly live: LiveInkCanvas;
  private readonly prompt: ReturnType<typeof renderPadPrompt> | undefined;

  private constructor(
    readonly driver: PadDriver,
    readonly caps: PadCapabilities,
    canvas: HTMLCanvasElement,
    handlers: PadSessionHandlers,
  ) {
    this.live = new LiveInkCanvas(canvas, {
      scale: canvas.getBoundingClientRect().width / caps.maxX,
      timeOrigin: performance.timeOrigin,
    });
    const prompt = caps.screen ? renderPadPrompt(caps.screen) : undefined;
    let last: { t: number; x: number; y: number; pressure: number } | undefined;
    this.recorder = new PadInkRecorder(
      driver,
      caps,
      {
        onSample: (s, isStart) => {
          const sample = { t: s.t, x: s.x, y: s.y, pressure: s.pressure / caps.maxPressure };
          this.live.push(sample, isStart ? undefined : last, false, s.receivedAt);
          last = sample;
          handlers.onSample?.();
        },
        onStrokeEnd: () => this.live.redraw(this.recorder.toDocument()),
        onAction: (action) => {
          if (action !== 'ok') this.live.clear();
          handlers.onAction?.(action);
        },
      },
      () => prompt?.buttons ?? [],
    );
    this.prompt = prompt;
  }

  /** Shows the prompt on the pad (when it has a screen) and starts pen reports. */
  static async start(
    driver: PadDriver,
    caps: PadCapabilities,
    canvas: HTMLCanvasElement,
    handlers: PadSessionHandlers = {},
  ): Promise<PadSession> {
    const session = new PadSession(driver, caps, canvas, handlers);
    if (session.prompt) await driver.showPrompt(session.prompt).catch(() => undefined);
    await driver.startCapture();
    return session;
  }

  toDocument(): TInkDocument {
    return this.recorder.toDocument();
  }

  /** Starts the signature over: the recording (as a clear event), the page canvas and the pad's screen. */
  clear(): void {
    this.recorder.session.clear(performance.timeOrigin + performance.now());
    this.live.clear();
    void this.driver.clear();
  }

  /** Stops pen reports and clears the pad; the recording stays readable. */
  async dispose(): Promise<void> {
    this.recorder.dispose();
    await this.driver
      .stopCapture()
      .then(() => this.driver.clear())
      .catch(() => undefined);
  }
}
