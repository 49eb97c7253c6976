import type { ReadingRecord } from './flow-types';

/**
 * Per-page reading time for the evidence timeline: a page counts while it is visible; first-shown time and
 * accumulated seconds per page. `now` is injected (ms) so the tracker is a plain testable object.
 */
export class ReadingTracker {
  private readonly pages = new Map<number, { firstShownAt: string; seconds: number; since?: number }>();
  private readonly startedAt: number;
  scrolledToEndAt: string | undefined;

  constructor(
    readonly documentId: string,
    private readonly now: () => number = Date.now,
  ) {
    this.startedAt = now();
  }

  /** Returns true the first time a page is shown (for a `reading.page` timeline entry). */
  visibility(page: number, visible: boolean): boolean {
    const t = this.now();
    const entry = this.pages.get(page);
    if (visible) {
      if (!entry) {
        this.pages.set(page, { firstShownAt: new Date(t).toISOString(), seconds: 0, since: t });
        return true;
      }
      entry.since ??= t;
      return false;
    }
    if (entry?.since !== undefined) {
      entry.seconds += (t - entry.since) / 1000;
      entry.since = undefined;
    }
    return false;
  }

  markScrolledToEnd(): boolean {
    if (this.scrolledToEndAt) return false;
    this.scrolledToEndAt = new Date(this.now()).toISOString();
    return true;
  }

  elapsedSeconds(): number {
    return (this.now() - this.startedAt) / 1000;
  }

  toRecord(extra: Pick<ReadingRecord, 'noticesAccepted' | 'quiz'>): ReadingRecord {
    const t = this.now();
    const pages = [...this.pages.entries()]
      .sort(([a], [b]) => a - b)
      .map(([page, p]) => ({
        page,
        firstShownAt: p.firstShownAt,
        seconds: Math.round((p.seconds + (p.since !== undefined ? (t - p.since) / 1000 : 0)) * 10) / 10,
      }));
    return {
      documentId: this.documentId,
      pages,
      scrolledToEnd: this.scrolledToEndAt !== undefined,
      ...(this.scrolledToEndAt ? { scrolledToEndAt: this.scrolledToEndAt } : {}),
      noticesAccepted: extra.noticesAccepted,
      ...(extra.quiz ? { quiz: extra.quiz } : {}),
    };
  }
}
