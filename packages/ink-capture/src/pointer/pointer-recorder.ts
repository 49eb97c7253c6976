import type { TInkDocument, TInkSample } from '@inkproof/ink';
import { LiveInkCanvas } from '../render/live-ink-canvas';
import { InkSession } from '../session/ink-session';
import { PalmRejection, type PalmRejectionOptions } from './palm-rejection';
import { isDuplicateSample, toInkSample, toPointerKind } from './pointer-sample';
import { lockScroll } from './scroll-lock';

export interface PointerRecorderOptions {
  palmRejection?: PalmRejectionOptions;
  /** Canvas overlaying the surface for live ink; omitted = record only. */
  canvas?: HTMLCanvasElement;
  color?: string;
  widthPx?: number;
}

/**
 * Records every pointer sample the browser delivers on a surface: coalesced events, `pointerrawupdate`
 * where available, no throttling, no minimum distance; pen/touch/mouse; pointer capture; multi-stroke;
 * clear/undo as events. `pointerup` is not a sample (it repeats the last position with pressure 0).
 */
export class PointerRecorder {
  readonly session: InkSession;
  readonly live: LiveInkCanvas | undefined;
  private readonly palm: PalmRejection;
  private origin = { left: 0, top: 0 };
  private last: TInkSample | undefined;
  private recent: TInkSample[] = [];
  /** Samples that arrived before the pointerup that precedes them (see onUp). */
  private carried: TInkSample[] = [];
  private kinds = new Set<string>();
  private readonly cleanups: (() => void)[] = [];
  private readonly timeOrigin = performance.timeOrigin;

  constructor(
    private readonly surface: HTMLElement,
    options: PointerRecorderOptions = {},
  ) {
    const rect = surface.getBoundingClientRect();
    this.session = new InkSession({
      source: { kind: 'mouse', model: navigator.userAgent.slice(0, 200) },
      units: { name: 'css-px', perMm: 96 / 25.4 },
      surface: { width: Math.max(1, rect.width), height: Math.max(1, rect.height) },
      devicePixelRatio: globalThis.devicePixelRatio || 1,
      sampleRate: {},
      pressure: { kind: 'synthetic' },
      time: { source: 'performance', originMs: this.timeOrigin },
    });
    this.palm = new PalmRejection(options.palmRejection);
    this.live = options.canvas
      ? new LiveInkCanvas(options.canvas, {
          color: options.color,
          widthPx: options.widthPx,
          timeOrigin: this.timeOrigin,
        })
      : undefined;
    this.cleanups.push(lockScroll(surface));
    const listen = <K extends keyof HTMLElementEventMap>(
      type: K | 'pointerrawupdate',
      fn: (e: PointerEvent) => void,
    ) => {
      surface.addEventListener(type, fn as EventListener, { passive: false });
      this.cleanups.push(() => surface.removeEventListener(type, fn as EventListener));
    };
    listen('pointerdown', (e) => this.onDown(e));
    listen('pointermove', (e) => this.onMove(e));
    if ('onpointerrawupdate' in globalThis) listen('pointerrawupdate', (e) => this.onMove(e));
    listen('pointerup', (e) => this.onUp(e));
    listen('pointercancel', (e) => this.onUp(e));
    listen('lostpointercapture', (e) => this.onUp(e));
  }

  private onDown(e: PointerEvent): void {
    this.palm.notePointer(e.pointerType, e.timeStamp);
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    if (!this.palm.canStart(e.pointerId, e.pointerType, e.timeStamp)) return;
    e.preventDefault();
    try {
      this.surface.setPointerCapture(e.pointerId);
    } catch {
      // Synthetic events without an active pointer cannot be captured; recording continues.
    }
    const rect = this.surface.getBoundingClientRect();
    this.origin = { left: rect.left + this.surface.clientLeft, top: rect.top + this.surface.clientTop };
    this.kinds.add(e.pointerType);
    this.session.beginStroke(toPointerKind(e.pointerType));
    this.last = undefined;
    this.recent = [];
    this.add(e);
    const down = this.last as TInkSample | undefined;
    for (const sample of this.carried) if (down && sample.t >= down.t) this.addSample(sample, e.pointerType);
    this.carried = [];
  }

  private onMove(e: PointerEvent): void {
    this.palm.notePointer(e.pointerType, e.timeStamp);
    if (!this.palm.isActive(e.pointerId) || !this.session.isStrokeOpen) return;
    const events = typeof e.getCoalescedEvents === 'function' ? e.getCoalescedEvents() : [];
    for (const event of events.length ? events : [e]) this.add(event);
  }

  private onUp(e: PointerEvent): void {
    if (!this.palm.isActive(e.pointerId)) return;
    this.palm.release(e.pointerId);
    if (!this.session.isStrokeOpen) return;
    // Under load Chromium can dispatch pointerrawupdate for the next stroke's moves before this pointerup;
    // such samples are later than the lift, so they move to the next stroke instead of this one.
    if (e.type === 'pointerup') this.carried = this.session.takeSamplesAfter(this.timeOrigin + e.timeStamp);
    this.session.endStroke();
    this.live?.redraw(this.toDocument());
  }

  private add(e: PointerEvent): void {
    this.addSample(toInkSample(e, this.origin, this.timeOrigin), e.pointerType);
  }

  private addSample(sample: TInkSample, pointerType: string): void {
    if (isDuplicateSample(this.recent, sample)) return;
    this.live?.push(sample, this.last, pointerType !== 'pen');
    this.last = sample;
    this.recent.push(sample);
    if (this.recent.length > 64) this.recent.shift();
    this.session.addSample(sample);
  }

  clear(): void {
    this.session.clear(this.timeOrigin + performance.now());
    this.live?.clear();
  }

  undo(): void {
    this.session.undo(this.timeOrigin + performance.now());
    this.live?.redraw(this.toDocument());
  }

  /** The recording so far; source and pressure kind follow the pointer types actually used. */
  toDocument(): TInkDocument {
    const kind = this.kinds.has('pen') ? 'pen' : this.kinds.has('touch') ? 'touch' : 'mouse';
    const base = this.session.toDocument();
    return this.session.toDocument({
      source: { ...base.context.source, kind },
      pressure: { kind: kind === 'pen' ? 'real' : 'synthetic' },
    });
  }

  dispose(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }
}
