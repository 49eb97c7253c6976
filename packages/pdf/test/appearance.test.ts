import { describe, expect, it, vi } from 'vitest';
import { buildAppearance, inkOutlinePath } from '../src/index.js';
import { SAMPLE_INK } from './support/sample-ink.js';

vi.setConfig({ testTimeout: 60_000 });

// An 8×8 greyscale PNG.
const FINGERPRINT = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAAAAADhZOFXAAAASUlEQVR4nGNggAMWDh4BEQkZBgYOAQkFDQMLBgYeCRUDG48QBgYBBQOHgIQCBgYRDZuAlIoeBgYJA4+EigkrGBhkLEIKelYcAQABlwxBKQxTygAAAABJRU5ErkJggg==',
  'base64',
);

describe('inkOutlinePath', () => {
  it('fits closed outlines of every stroke into the box', () => {
    const path = inkOutlinePath(SAMPLE_INK, { x: 10, y: 20, width: 100, height: 40 });
    const ops = path.split('\n');
    expect(ops.filter((o) => o === 'h')).toHaveLength(2);
    const coords = ops.filter((o) => /[ml]$/.test(o)).map((o) => o.split(' ').slice(0, 2).map(Number));
    expect(coords.every(([x, y]) => x! >= 10 && x! <= 110 && y! >= 20 && y! <= 60)).toBe(true);
  });

  it('is empty without samples and ignores garbage pressure', () => {
    expect(inkOutlinePath([], { x: 0, y: 0, width: 10, height: 10 })).toBe('');
    const odd = [
      [
        { t: 0, x: 0, y: 0, pressure: Number.NaN },
        { t: 1, x: 5, y: 5, pressure: 7 },
      ],
    ];
    expect(inkOutlinePath(odd, { x: 0, y: 0, width: 10, height: 10 })).toMatch(/ m\n/);
  });
});

describe('buildAppearance', () => {
  it('numbers its objects from firstNum and embeds the font subset and the fingerprint image', async () => {
    const ap = await buildAppearance(500, 200, 80, {
      name: '张小红',
      meaning: '监护人签名（关系：女儿）',
      signedAt: new Date('2026-01-02T03:04:05Z'),
      strokes: SAMPLE_INK,
      fingerprint: FINGERPRINT,
    });
    expect(ap.apNum).toBeGreaterThanOrEqual(500);
    expect(ap.objects.every((o) => o.num >= 500 && o.num < ap.nextNum)).toBe(true);
    const text = ap.objects.map((o) => ('raw' in o ? Buffer.from(o.raw).toString('latin1') : '')).join('\n');
    expect(text).toMatch(/\/Subtype \/Image/);
    expect(text).toMatch(/\/FontFile2/);
    expect(text).toMatch(/\/Fp Do/);
    expect(text).toMatch(/\/Subtype \/Form/);
  });
});
