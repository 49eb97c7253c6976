import { getInkOutlines, outlinesToSvgPath, type TInkDocument, type TInkSample } from '@inkproof/ink';

export interface LiveInkOptions {
  /** Document units → CSS px of the canvas. Default 1 (pointer capture in CSS px). */
  scale?: number;
  color?: string;
  /** Pen width in CSS px at full pressure. */
  widthPx?: number;
  /** performance.timeOrigin of this page, to measure event-to-ink latency. */
  timeOrigin?: number;
}

/**
 * Canvas at device-pixel resolution showing ink as it arrives: each sample is painted when its event is
 * handled, so it shows in the next animation frame; finished strokes are repainted with the
 * perfect-freehand outline. The event→paint latency of every sample is kept for the benchmark.
 */
export class LiveInkCanvas {
  private readonly ctx: CanvasRenderingContext2D;
  private pending: { sample: TInkSample; previous: TInkSample | undefined; synthetic: boolean; eventTime: number }[] =
    [];
  readonly latenciesMs: number[] = [];

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly options: LiveInkOptions = {},
  ) {
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('2D canvas unavailable');
    this.ctx = ctx;
    this.resize();
  }

  /** Matches the backing store to CSS size × devicePixelRatio so ink is sharp on HiDPI screens. */
  resize(): void {
    const dpr = globalThis.devicePixelRatio || 1;
    const rect = this.canvas.getBoundingClientRect();
    this.canvas.width = Math.max(1, Math.round(rect.width * dpr));
    this.canvas.height = Math.max(1, Math.round(rect.height * dpr));
    this.ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  }

  /**
   * Paints the segment into the canvas right away (cheap: one line), so it is presented with the very next
   * frame; the latency recorded is event time → painted into the canvas.
   */
  push(sample: TInkSample, previous: TInkSample | undefined, synthetic: boolean, eventTime = sample.t): void {
    this.pending.push({ sample, previous, synthetic, eventTime });
    this.flush(performance.now());
  }

  private flush(now: number): void {
    const scale = this.options.scale ?? 1;
    const width = this.options.widthPx ?? 3;
    const { ctx } = this;
    ctx.strokeStyle = this.options.color ?? '#10204a';
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    for (const { sample, previous, synthetic, eventTime } of this.pending) {
      const from = previous ?? sample;
      ctx.lineWidth = synthetic ? width * 0.6 : width * (0.25 + 0.75 * sample.pressure);
      ctx.beginPath();
      ctx.moveTo(from.x * scale, from.y * scale);
      ctx.lineTo(sample.x * scale + (previous ? 0 : 0.01), sample.y * scale);
      ctx.stroke();
      if (this.options.timeOrigin !== undefined) this.latenciesMs.push(now - (eventTime - this.options.timeOrigin));
    }
    this.pending = [];
  }

  /** Repaints the visible strokes of a document with perfect-freehand outlines (after a stroke, clear, undo). */
  redraw(doc: TInkDocument): void {
    const scale = this.options.scale ?? 1;
    const { ctx } = this;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.restore();
    const path = outlinesToSvgPath(
      getInkOutlines(doc, { penWidthMm: (this.options.widthPx ?? 3) / scale / doc.context.units.perMm }),
      {
        scale,
        dx: 0,
        dy: 0,
      },
    );
    ctx.fillStyle = this.options.color ?? '#10204a';
    if (path) ctx.fill(new Path2D(path), 'nonzero');
  }

  clear(): void {
    this.pending = [];
    const { ctx } = this;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.restore();
  }
}
