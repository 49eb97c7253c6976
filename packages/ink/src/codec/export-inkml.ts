import type { TInkDocument } from '../model/ink-document';
import { getVisibleStrokes } from '../model/visible-strokes';

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * W3C InkML 2011 export of the visible strokes: channels X, Y (document units), T (ms since the first
 * sample), F (0..1) and OTx/OTy (degrees) when every sample has tilt. Interchange only; not re-imported.
 */
export function exportInkML(doc: TInkDocument): string {
  const strokes = getVisibleStrokes(doc);
  const samples = strokes.flatMap((s) => s.samples);
  const t0 = samples[0]?.t ?? 0;
  const hasTilt = samples.length > 0 && samples.every((s) => s.tiltX !== undefined && s.tiltY !== undefined);
  const unit = escapeXml(doc.context.units.name);
  const channels = [
    `<channel name="X" type="decimal" units="${unit}"/>`,
    `<channel name="Y" type="decimal" units="${unit}"/>`,
    '<channel name="T" type="decimal" units="ms"/>',
    '<channel name="F" type="decimal" min="0" max="1"/>',
    ...(hasTilt
      ? ['<channel name="OTx" type="decimal" units="deg"/>', '<channel name="OTy" type="decimal" units="deg"/>']
      : []),
  ];
  const traces = strokes.map((stroke) => {
    const points = stroke.samples.map((s) => {
      const values = [s.x, s.y, s.t - t0, s.pressure, ...(hasTilt ? [s.tiltX!, s.tiltY!] : [])];
      return values.join(' ');
    });
    return `<trace id="s${stroke.id}" contextRef="#ctx">${points.join(', ')}</trace>`;
  });
  const source = escapeXml(doc.context.source.model ?? doc.context.source.kind);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<ink xmlns="http://www.w3.org/2003/InkML">',
    '<definitions>',
    `<context xml:id="ctx"><inkSource xml:id="src" description="${source}"><traceFormat>${channels.join('')}</traceFormat>`,
    `<channelProperties><channelProperty channel="X" name="resolution" value="${doc.context.units.perMm}" units="1/mm"/>`,
    `<channelProperty channel="Y" name="resolution" value="${doc.context.units.perMm}" units="1/mm"/></channelProperties>`,
    '</inkSource></context>',
    '</definitions>',
    `<timestamp xml:id="t0" time="${t0}"/>`,
    ...traces,
    '</ink>',
  ].join('\n');
}
