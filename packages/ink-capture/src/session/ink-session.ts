import {
  createInkDocument,
  measureSampleRate,
  type TInkCaptureContext,
  type TInkDocument,
  type TInkSample,
  type TInkStroke,
  type TPointerKind,
} from '@inkproof/ink';

/**
 * Accumulates strokes and clear/undo events into an ink document. Clears and undos only append events:
 * every stroke ever drawn stays in the document as evidence.
 */
export class InkSession {
  private readonly strokes: TInkStroke[] = [];
  private readonly events: TInkDocument['events'] = [];
  private current: TInkStroke | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly context: TInkCaptureContext) {}

  get isStrokeOpen(): boolean {
    return this.current !== undefined;
  }

  beginStroke(pointerType?: TPointerKind): number {
    this.endStroke();
    const stroke: TInkStroke = { id: this.strokes.length, samples: [], ...(pointerType ? { pointerType } : {}) };
    this.strokes.push(stroke);
    this.current = stroke;
    return stroke.id;
  }

  addSample(sample: TInkSample): void {
    if (!this.current) return;
    this.current.samples.push(sample);
    this.emit();
  }

  /** Removes and returns the open stroke's samples later than `t` (they belong to a later stroke). */
  takeSamplesAfter(t: number): TInkSample[] {
    if (!this.current) return [];
    const samples = this.current.samples;
    let keep = samples.length;
    while (keep > 0 && samples[keep - 1]!.t > t) keep--;
    return samples.splice(keep);
  }

  endStroke(): void {
    if (!this.current) return;
    this.current = undefined;
    this.emit();
  }

  /** Hides every visible stroke (evidence keeps them). */
  clear(t: number): void {
    this.endStroke();
    const ids = this.visibleIds();
    this.events.push({ t, kind: 'clear', strokeIds: ids });
    this.emit();
  }

  /** Hides the most recent visible stroke. */
  undo(t: number): void {
    this.endStroke();
    const last = this.visibleIds().at(-1);
    this.events.push({ t, kind: 'undo', strokeIds: last === undefined ? [] : [last] });
    this.emit();
  }

  sampleCount(): number {
    return this.strokes.reduce((n, s) => n + s.samples.length, 0);
  }

  toDocument(contextPatch: Partial<TInkCaptureContext> = {}): TInkDocument {
    const strokes = this.strokes.filter((s) => s.samples.length > 0).map((s) => ({ ...s, samples: s.samples.slice() }));
    const measuredHz = measureSampleRate(strokes);
    const context = { ...this.context, ...contextPatch };
    return createInkDocument(
      { ...context, sampleRate: { ...context.sampleRate, ...(measuredHz ? { measuredHz } : {}) } },
      strokes,
      this.events.map((e) => ({ ...e, strokeIds: e.strokeIds.slice() })),
    );
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private visibleIds(): number[] {
    const hidden = new Set(this.events.flatMap((e) => e.strokeIds));
    return this.strokes.filter((s) => s.samples.length > 0 && !hidden.has(s.id)).map((s) => s.id);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
