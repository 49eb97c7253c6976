import { checkSignatureValidity, generateSyntheticSignature, parseInkDocument } from '@inkproof/ink';
import { describe, expect, it } from 'vitest';
import { stripDynamics } from './strip-dynamics';

describe('stripDynamics', () => {
  it('keeps the shape and drops pressure, tilt and timing', () => {
    const doc = generateSyntheticSignature(3);
    const stripped = stripDynamics(doc);
    const before = doc.strokes.flatMap((s) => s.samples);
    const after = stripped.strokes.flatMap((s) => s.samples);
    expect(after.map((s) => [s.x, s.y])).toEqual(before.map((s) => [s.x, s.y]));
    expect(new Set(after.map((s) => s.pressure))).toEqual(new Set([0.5]));
    const gaps = new Set(after.slice(1).map((s, i) => s.t - after[i]!.t));
    expect(gaps).toEqual(new Set([10]));
    expect(stripped.context.pressure.kind).toBe('synthetic');
    // Still a valid, parseable ink document that passes the validity check.
    expect(parseInkDocument(JSON.parse(JSON.stringify(stripped))).strokes.length).toBe(doc.strokes.length);
    expect(checkSignatureValidity(stripped).isValid).toBe(true);
  });
});
