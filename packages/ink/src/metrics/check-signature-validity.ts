import type { TInkDocument, TInkSample } from '../model/ink-document';
import { getVisibleStrokes } from '../model/visible-strokes';
import { getBoundingBox } from './bounding-box';
import { getPenDownDuration } from './path-metrics';

export type InvalidSignatureReason = 'EMPTY' | 'DOT' | 'STRAIGHT_LINE' | 'TOO_FAST';

export interface SignatureValidityOptions {
  /** Minimum pen-down time in ms. Default 400. */
  minDurationMs?: number;
  /** Minimum bounding-box diagonal in mm. Default 6. */
  minExtentMm?: number;
  /** Max ratio of the thinner to the longer principal spread before ink counts as a straight line. Default 0.05. */
  maxStraightness?: number;
}

export interface SignatureValidity {
  isValid: boolean;
  reasons: { code: InvalidSignatureReason; message: string }[];
}

const MESSAGES: Record<InvalidSignatureReason, string> = {
  EMPTY: '未检测到签名，请在框内书写 / No signature found; please sign inside the box',
  DOT: '签名太小，像一个点，请正常书写姓名 / The signature is only a dot; please write your name',
  STRAIGHT_LINE: '签名是一条直线，请正常书写姓名 / The signature is a straight line; please write your name',
  TOO_FAST: '签名过快，请重新认真书写 / The signature was drawn too fast; please sign again carefully',
};

/** Refuses ink that cannot be a signature; every failing rule is listed, with a bilingual reason. */
export function checkSignatureValidity(doc: TInkDocument, options: SignatureValidityOptions = {}): SignatureValidity {
  const minDurationMs = options.minDurationMs ?? 400;
  const minExtentMm = options.minExtentMm ?? 6;
  const maxStraightness = options.maxStraightness ?? 0.05;
  const strokes = getVisibleStrokes(doc);
  const samples = strokes.flatMap((s) => s.samples);
  const codes: InvalidSignatureReason[] = [];
  const box = getBoundingBox(samples);
  if (!box) codes.push('EMPTY');
  else {
    const diagonalMm = Math.hypot(box.width, box.height) / doc.context.units.perMm;
    if (diagonalMm < minExtentMm) codes.push('DOT');
    else if (getStraightness(samples) < maxStraightness) codes.push('STRAIGHT_LINE');
    if (getPenDownDuration(strokes) < minDurationMs) codes.push('TOO_FAST');
  }
  return { isValid: codes.length === 0, reasons: codes.map((code) => ({ code, message: MESSAGES[code] })) };
}

/** sqrt(minor / major eigenvalue) of the point covariance: 0 for a perfect line, 1 for an isotropic cloud. */
export function getStraightness(samples: readonly TInkSample[]): number {
  const n = samples.length;
  if (n < 2) return 0;
  const mx = samples.reduce((a, s) => a + s.x, 0) / n;
  const my = samples.reduce((a, s) => a + s.y, 0) / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (const s of samples) {
    sxx += (s.x - mx) ** 2;
    syy += (s.y - my) ** 2;
    sxy += (s.x - mx) * (s.y - my);
  }
  const trace = sxx + syy;
  const det = sxx * syy - sxy * sxy;
  const disc = Math.sqrt(Math.max(0, (trace * trace) / 4 - det));
  const major = trace / 2 + disc;
  const minor = Math.max(0, trace / 2 - disc);
  return major > 0 ? Math.sqrt(minor / major) : 0;
}
