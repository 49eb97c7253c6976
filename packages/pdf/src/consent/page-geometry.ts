import { rgb } from 'pdf-lib';

/** ISO 216 A4 in PDF points (1/72 in). */
export const A4 = { width: 595.28, height: 841.89 } as const;
export const MARGIN = { left: 56, right: 56, top: 50, bottom: 56 } as const;
export const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
/** Baseline of the 第 N 页 / 共 M 页 footer. */
export const FOOTER_BASELINE = 28;

export const SIZE = {
  hospital: 15,
  title: 19,
  titleEn: 10,
  meta: 8,
  heading: 12,
  body: 10.5,
  table: 9.5,
  label: 8.5,
  footer: 8.5,
} as const;
/** Line pitch as a multiple of the font size; 1.6 reads well for Chinese body text. */
export const LEADING = 1.6;

export const COLOR = {
  text: rgb(0, 0, 0),
  muted: rgb(0.35, 0.35, 0.35),
  rule: rgb(0.55, 0.55, 0.55),
  box: rgb(0.25, 0.25, 0.25),
} as const;

/** Space kept between flowing text and the label above the highest signature box. */
export const SIGNATURE_ZONE_GAP = 22;
