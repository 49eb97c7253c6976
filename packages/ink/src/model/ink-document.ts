import { z } from 'zod';

/** Media type of the stored ink format; bump `INK_FORMAT_VERSION` and add a migration when the shape changes. */
export const INK_MEDIA_TYPE = 'application/vnd.inkproof.ink+json';
export const INK_FORMAT_VERSION = 1 as const;

const finite = z.number().finite();

export const ZInkSampleSchema = z.object({
  /** Milliseconds since the Unix epoch (performance.timeOrigin + event.timeStamp, or pad clock mapped to it). */
  t: finite,
  x: finite,
  y: finite,
  /** Normalised 0..1; see `context.pressure.kind` for whether it was measured. */
  pressure: z.number().min(0).max(1),
  tiltX: finite.optional(),
  tiltY: finite.optional(),
  twist: finite.optional(),
  buttons: z.number().int().min(0).optional(),
});

export const ZPointerKindSchema = z.enum(['pen', 'touch', 'mouse', 'pad']);

export const ZInkStrokeSchema = z.object({
  id: z.number().int().min(0),
  pointerType: ZPointerKindSchema.optional(),
  samples: z.array(ZInkSampleSchema),
});

export const ZInkCaptureContextSchema = z.object({
  source: z.object({
    kind: ZPointerKindSchema,
    /** Device model, e.g. "Wacom STU-540" or the browser's user agent family. */
    model: z.string().max(200).optional(),
    vendorId: z.number().int().min(0).max(0xffff).optional(),
    productId: z.number().int().min(0).max(0xffff).optional(),
  }),
  units: z.object({
    /** e.g. "css-px", "device-px", "0.01mm". */
    name: z.string().min(1).max(40),
    /** Coordinate units per millimetre (CSS px: 96 / 25.4; STU pads: 100). */
    perMm: z.number().positive().finite(),
  }),
  surface: z.object({ width: z.number().positive().finite(), height: z.number().positive().finite() }),
  devicePixelRatio: z.number().positive().finite().optional(),
  sampleRate: z.object({
    declaredHz: z.number().positive().finite().optional(),
    measuredHz: z.number().positive().finite().optional(),
  }),
  pressure: z.object({
    kind: z.enum(['real', 'synthetic']),
    /** Raw levels of the device (e.g. 1024); normalised pressure is raw / (levels - 1). */
    levels: z.number().int().min(2).optional(),
  }),
  time: z.object({
    /** Where `t` comes from: browser event clock, the pad's own counter, or host receive time. */
    source: z.enum(['performance', 'device-counter', 'host']),
    /** performance.timeOrigin (epoch ms) of the capturing page, when known. */
    originMs: finite.optional(),
  }),
});

export const ZInkEventSchema = z.object({
  t: finite,
  kind: z.enum(['clear', 'undo']),
  /** Strokes hidden by this event; they stay in the document as evidence. */
  strokeIds: z.array(z.number().int().min(0)),
});

export const ZInkDocumentSchema = z.object({
  mediaType: z.literal(INK_MEDIA_TYPE),
  version: z.literal(INK_FORMAT_VERSION),
  context: ZInkCaptureContextSchema,
  strokes: z.array(ZInkStrokeSchema),
  events: z.array(ZInkEventSchema),
});

export type TInkSample = z.infer<typeof ZInkSampleSchema>;
export type TInkStroke = z.infer<typeof ZInkStrokeSchema>;
export type TPointerKind = z.infer<typeof ZPointerKindSchema>;
export type TInkCaptureContext = z.infer<typeof ZInkCaptureContextSchema>;
export type TInkEvent = z.infer<typeof ZInkEventSchema>;
export type TInkDocument = z.infer<typeof ZInkDocumentSchema>;

/** Builds a document from parts, stamping the media type and version. */
export function createInkDocument(
  context: TInkCaptureContext,
  strokes: TInkStroke[] = [],
  events: TInkEvent[] = [],
): TInkDocument {
  return { mediaType: INK_MEDIA_TYPE, version: INK_FORMAT_VERSION, context, strokes, events };
}
