import type { TInkSample, TPointerKind } from '@inkproof/ink';

/** The PointerEvent fields a sample is made of (a real PointerEvent satisfies it). */
export interface PointerLike {
  pointerType: string;
  timeStamp: number;
  clientX: number;
  clientY: number;
  pressure: number;
  tiltX?: number;
  tiltY?: number;
  twist?: number;
  buttons: number;
}

export function toPointerKind(pointerType: string): TPointerKind {
  return pointerType === 'pen' || pointerType === 'touch' ? pointerType : 'mouse';
}

/**
 * One raw sample: time = performance.timeOrigin + event.timeStamp (the event's own time, not processing
 * time), CSS px relative to the surface's top-left, pressure as reported; tilt/twist only for pens.
 */
export function toInkSample(event: PointerLike, origin: { left: number; top: number }, timeOrigin: number): TInkSample {
  const sample: TInkSample = {
    t: timeOrigin + event.timeStamp,
    x: event.clientX - origin.left,
    y: event.clientY - origin.top,
    pressure: Math.min(1, Math.max(0, event.pressure)),
    buttons: event.buttons,
  };
  if (event.pointerType === 'pen') {
    if (event.tiltX !== undefined) sample.tiltX = event.tiltX;
    if (event.tiltY !== undefined) sample.tiltY = event.tiltY;
    if (event.twist !== undefined) sample.twist = event.twist;
  }
  return sample;
}

/**
 * True when `next` was already recorded. With `pointerrawupdate` listened to, the coalesced list of the
 * following `pointermove` delivers the same samples again — possibly hundreds when the main thread
 * stalled, several sharing one timestamp. A pointer's timestamps never go back, so anything older than the
 * last sample is a repeat; at the same timestamp only an identical sample is. Nearby or stationary samples
 * with a new timestamp are never dropped.
 */
export function isDuplicateSample(recent: readonly TInkSample[], next: TInkSample): boolean {
  const last = recent.at(-1);
  if (last && next.t < last.t) return true;
  return recent.some((r) => r.t === next.t && r.x === next.x && r.y === next.y && r.pressure === next.pressure);
}
