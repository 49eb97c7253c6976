import type { TInkDocument, TInkStroke } from './ink-document';

/** Strokes still on screen after replaying clear/undo events. Hidden strokes remain in the document as evidence. */
export function getVisibleStrokes(doc: TInkDocument): TInkStroke[] {
  const hidden = new Set<number>();
  for (const event of doc.events) for (const id of event.strokeIds) hidden.add(id);
  return doc.strokes.filter((stroke) => !hidden.has(stroke.id) && stroke.samples.length > 0);
}

/** All samples of the visible strokes, in stroke order. */
export function getVisibleSamples(doc: TInkDocument) {
  return getVisibleStrokes(doc).flatMap((stroke) => stroke.samples);
}
