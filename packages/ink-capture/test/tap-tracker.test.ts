import { describe, expect, it } from 'vitest';
import { layoutPadPrompt, type PadButtonArea, type PadPenSample, TapTracker, toScreenPixel } from '../src/index';

const screen = { width: 800, height: 480 };
const layout = layoutPadPrompt(screen);
const ok = layout.buttons.find((b) => b.action === 'ok')!;
const centre = (a: PadButtonArea) => ({
  x: ((a.x + a.width / 2) * 10_800) / 800,
  y: ((a.y + a.height / 2) * 6480) / 480,
});
const pen = (p: { x: number; y: number }, isDown: boolean): PadPenSample => ({
  t: 0,
  ...p,
  pressure: isDown ? 300 : 0,
  isDown,
  isInRange: true,
});

describe('pad prompt layout and taps', () => {
  it('lays out the signing area above a Cancel / Clear / OK row, all inside the screen', () => {
    expect(layout.buttons.map((b) => b.action)).toEqual(['cancel', 'clear', 'ok']);
    for (const b of layout.buttons) {
      expect(b.x + b.width).toBeLessThanOrEqual(screen.width);
      expect(b.y).toBeGreaterThan(layout.signingArea.y + layout.signingArea.height);
    }
  });

  it('fires a tap only when the pen lifts inside the area it went down in, and never inks it', () => {
    const taps: string[] = [];
    const tracker = new TapTracker(
      () => layout.buttons,
      (s) => toScreenPixel(s, 10_800, 6480, screen),
    );
    const onTap = (a: PadButtonArea) => taps.push(a.action);
    expect(tracker.classify(pen(centre(ok), true), onTap)).toBe('tap');
    expect(tracker.classify(pen(centre(ok), false), onTap)).toBe('tap');
    expect(tracker.classify(pen(centre(ok), true), onTap)).toBe('tap');
    expect(tracker.classify(pen({ x: 5000, y: 3000 }, true), onTap)).toBe('tap');
    expect(tracker.classify(pen({ x: 5000, y: 3000 }, false), onTap)).toBe('tap');
    expect(tracker.classify(pen({ x: 5000, y: 3000 }, true), onTap)).toBe('ink');
    expect(tracker.classify(pen(centre(ok), true), onTap)).toBe('ink');
    expect(tracker.classify(pen(centre(ok), false), onTap)).toBe('idle');
    expect(taps).toEqual(['ok']);
  });
});
