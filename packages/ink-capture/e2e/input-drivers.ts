import type { CDPSession, Page } from '@playwright/test';

export interface SentSample {
  /** Page CSS px, relative to the signing surface. */
  x: number;
  y: number;
  pressure: number;
  tiltX?: number;
  tiltY?: number;
  twist?: number;
}

const sleepUntil = async (deadline: number) => {
  const wait = deadline - performance.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
};

/** A pen signature path: two strokes, varying pressure and tilt. */
export function penPath(strokeCount: number, perStroke: number): SentSample[][] {
  return Array.from({ length: strokeCount }, (_, k) =>
    Array.from({ length: perStroke }, (_, i) => ({
      x: 60 + k * 220 + i * 1.5 + Math.round(Math.sin(i / 6) * 30 * 4) / 4,
      y: 150 + Math.round(Math.cos(i / 9) * 60 * 4) / 4 + k * 10,
      pressure: Math.round((0.2 + 0.7 * Math.abs(Math.sin(i / 15))) * 1000) / 1000,
      tiltX: Math.round(25 * Math.sin(i / 20)) + 0,
      tiltY: -10 + (i % 7),
      twist: (i * 3) % 360,
    })),
  );
}

/** Pen via CDP Input.dispatchMouseEvent (pointerType pen) paced at `rateHz`. Returns the samples sent. */
export async function drawWithPen(
  cdp: CDPSession,
  origin: { x: number; y: number },
  strokes: SentSample[][],
  rateHz = 240,
): Promise<SentSample[]> {
  const period = 1000 / rateHz;
  const sent: SentSample[] = [];
  const pending: Promise<unknown>[] = [];
  let deadline = performance.now();
  for (const stroke of strokes) {
    for (const [i, s] of stroke.entries()) {
      deadline += period;
      await sleepUntil(deadline);
      // Not awaited: the acknowledgement waits for a frame, and awaiting it would cap the rate at the frame rate.
      pending.push(
        cdp.send('Input.dispatchMouseEvent', {
          type: i === 0 ? 'mousePressed' : 'mouseMoved',
          x: origin.x + s.x,
          y: origin.y + s.y,
          button: 'left',
          buttons: 1,
          clickCount: i === 0 ? 1 : 0,
          pointerType: 'pen',
          force: s.pressure,
          tiltX: s.tiltX,
          tiltY: s.tiltY,
          twist: s.twist,
        }),
      );
      sent.push(s);
      // The press is acknowledged before moves follow, like the release below.
      if (i === 0) await Promise.all(pending.splice(0));
    }
    const last = stroke.at(-1)!;
    // Stroke boundaries are sent in order: un-acknowledged moves could otherwise overtake the release.
    await Promise.all(pending.splice(0));
    await cdp.send('Input.dispatchMouseEvent', {
      type: 'mouseReleased',
      x: origin.x + last.x,
      y: origin.y + last.y,
      button: 'left',
      buttons: 0,
      clickCount: 1,
      pointerType: 'pen',
    });
    deadline = Math.max(deadline, performance.now()) + 120;
  }
  await Promise.all(pending);
  return sent;
}

/** Touch via CDP Input.dispatchTouchEvent, one finger, paced at `rateHz`. */
export async function drawWithTouch(
  cdp: CDPSession,
  origin: { x: number; y: number },
  strokes: SentSample[][],
  rateHz = 120,
): Promise<SentSample[]> {
  const period = 1000 / rateHz;
  const sent: SentSample[] = [];
  const pending: Promise<unknown>[] = [];
  let deadline = performance.now();
  for (const stroke of strokes) {
    for (const [i, s] of stroke.entries()) {
      deadline += period;
      await sleepUntil(deadline);
      pending.push(
        cdp.send('Input.dispatchTouchEvent', {
          type: i === 0 ? 'touchStart' : 'touchMove',
          touchPoints: [{ x: origin.x + s.x, y: origin.y + s.y, id: 1, force: s.pressure, radiusX: 4, radiusY: 4 }],
        }),
      );
      sent.push(s);
      // The press is acknowledged before moves follow, like the release below.
      if (i === 0) await Promise.all(pending.splice(0));
    }
    await Promise.all(pending.splice(0));
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    deadline = Math.max(deadline, performance.now()) + 120;
  }
  await Promise.all(pending);
  return sent;
}

export async function surfaceOrigin(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const el = document.querySelector('#surface') as HTMLElement;
    const r = el.getBoundingClientRect();
    return { x: r.left + el.clientLeft, y: r.top + el.clientTop };
  });
}
