import { createInkDocument, type TInkDocument } from '../src/index';

/** A browser pen capture: fractional CSS px, epoch-ms float times, float32 pressure, tilt and twist. */
export function makePenDocument(): TInkDocument {
  const origin = 1_763_779_916_123.456;
  const strokes = [0, 1].map((id) => ({
    id,
    pointerType: 'pen' as const,
    samples: Array.from({ length: 60 }, (_, i) => ({
      t: origin + id * 900 + i * 4.1666 + 0.005 * (i % 3),
      x: 40 + id * 120 + i * 2.37 + Math.sin(i / 5) * 13.3333,
      y: 80 + Math.cos(i / 7) * 25.125 + id * 3,
      pressure: Math.fround(0.2 + 0.6 * Math.abs(Math.sin(i / 9))),
      tiltX: Math.round(20 * Math.sin(i / 10)),
      tiltY: -15 + (i % 4),
      twist: (i * 7) % 360,
      buttons: 1,
    })),
  }));
  return createInkDocument(
    {
      source: { kind: 'pen', model: 'Chromium pen' },
      units: { name: 'css-px', perMm: 96 / 25.4 },
      surface: { width: 600, height: 240 },
      devicePixelRatio: 2,
      sampleRate: { declaredHz: 240, measuredHz: 239.8 },
      pressure: { kind: 'real' },
      time: { source: 'performance', originMs: origin - 1000 },
    },
    strokes,
    [{ t: origin + 2000, kind: 'undo', strokeIds: [] }],
  );
}

/** A pad capture: integer 0.01 mm units, integer ms times, pressure raw/1023. */
export function makePadDocument(): TInkDocument {
  const origin = 1_763_000_000_000;
  const strokes = [0, 1, 2].map((id) => ({
    id,
    pointerType: 'pad' as const,
    samples: Array.from({ length: 80 }, (_, i) => ({
      t: origin + id * 700 + i * 5,
      x: 1500 + id * 2500 + i * 23 + Math.round(Math.sin(i / 4) * 300),
      y: 3000 + Math.round(Math.cos(i / 6) * 900),
      pressure: Math.round(200 + 700 * Math.abs(Math.sin(i / 11))) / 1023,
    })),
  }));
  return createInkDocument(
    {
      source: { kind: 'pad', model: 'Wacom STU-540', vendorId: 0x056a, productId: 0xa8 },
      units: { name: '0.01mm', perMm: 100 },
      surface: { width: 10_800, height: 6480 },
      sampleRate: { declaredHz: 200, measuredHz: 200 },
      pressure: { kind: 'real', levels: 1024 },
      time: { source: 'device-counter', originMs: origin },
    },
    strokes,
  );
}
