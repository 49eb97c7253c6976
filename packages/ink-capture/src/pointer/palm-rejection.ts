export interface PalmRejectionOptions {
  /** Ignore touch while a pen is in range or was seen within this window. Default 500 ms; 0 disables. */
  penWindowMs?: number;
}

/**
 * Decides which pointer may ink: one pointer at a time, and no touch while a pen is near the surface
 * (the resting hand of a pen user produces touch events).
 */
export class PalmRejection {
  private lastPenAt = Number.NEGATIVE_INFINITY;
  private activePointer: number | undefined;
  private readonly windowMs: number;

  constructor(options: PalmRejectionOptions = {}) {
    this.windowMs = options.penWindowMs ?? 500;
  }

  notePointer(pointerType: string, timeStamp: number): void {
    if (pointerType === 'pen') this.lastPenAt = timeStamp;
  }

  canStart(pointerId: number, pointerType: string, timeStamp: number): boolean {
    if (this.activePointer !== undefined && this.activePointer !== pointerId) return false;
    if (pointerType === 'touch' && this.windowMs > 0 && timeStamp - this.lastPenAt < this.windowMs) return false;
    this.activePointer = pointerId;
    return true;
  }

  isActive(pointerId: number): boolean {
    return this.activePointer === pointerId;
  }

  release(pointerId: number): void {
    if (this.activePointer === pointerId) this.activePointer = undefined;
  }
}
