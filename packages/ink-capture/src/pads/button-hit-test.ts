import type { PadButtonArea, PadPenSample } from './pad-driver';

/** Maps a pen position (device units) to the LCD pixel grid. */
export function toScreenPixel(
  sample: { x: number; y: number },
  maxX: number,
  maxY: number,
  screen: { width: number; height: number },
) {
  return { x: (sample.x * screen.width) / maxX, y: (sample.y * screen.height) / maxY };
}

export function findButtonArea(
  areas: readonly PadButtonArea[],
  point: { x: number; y: number },
): PadButtonArea | undefined {
  return areas.find((a) => point.x >= a.x && point.x < a.x + a.width && point.y >= a.y && point.y < a.y + a.height);
}

/**
 * Turns pen contacts into taps: a contact that starts inside a button area is a tap on it (fired on lift,
 * if the pen is still inside) and is not ink. Returns `ink` for contacts that started elsewhere.
 */
export class TapTracker {
  private pressedOn: PadButtonArea | undefined;
  private inkContact = false;

  constructor(
    private readonly areas: () => readonly PadButtonArea[],
    private readonly toPixel: (s: PadPenSample) => { x: number; y: number },
  ) {}

  /** 'ink' = record this sample, 'tap' = part of a button press, 'idle' = hover. */
  classify(sample: PadPenSample, onTap: (area: PadButtonArea) => void): 'ink' | 'tap' | 'idle' {
    if (sample.isDown && !this.pressedOn && !this.inkContact) {
      const area = findButtonArea(this.areas(), this.toPixel(sample));
      if (area) this.pressedOn = area;
      else this.inkContact = true;
    }
    if (!sample.isDown) {
      const area = this.pressedOn;
      this.pressedOn = undefined;
      this.inkContact = false;
      if (area && findButtonArea([area], this.toPixel(sample))) onTap(area);
      return area ? 'tap' : 'idle';
    }
    return this.pressedOn ? 'tap' : 'ink';
  }
}
