import { decodeInkJson, getKinematicSeries, getVisibleStrokes, renderInkPdfSvgPath } from '@inkproof/ink';
import { rgb } from 'pdf-lib';
import { drawTimePlot } from './draw-time-plot.js';
import { CONTENT_WIDTH, MARGIN, MUTED, type ReportWriter } from './report-writer.js';

/**
 * One decrypted ink item: the handwriting as vector outlines (what the signer drew, fitted to a box) and the
 * speed and pressure over time computed from the raw samples (the behavioural part a handwriting expert compares).
 */
export function drawInkSection(w: ReportWriter, id: string, plaintext: Uint8Array): void {
  let doc: ReturnType<typeof decodeInkJson>;
  try {
    doc = decodeInkJson(new TextDecoder().decode(plaintext));
  } catch {
    w.text(`${id}：不是可绘制的笔迹文档 / not a drawable ink document (digest verified, content shown as stored)`, {
      color: MUTED,
    });
    return;
  }
  const strokes = getVisibleStrokes(doc);
  const samples = strokes.reduce((n, s) => n + s.samples.length, 0);
  const series = getKinematicSeries(strokes);
  const durationMs = series.at(-1)?.t ?? 0;
  const ctx = doc.context;
  w.text(
    `${id}：${strokes.length} 笔 / strokes，${samples} 个采样点 / samples，时长 / duration ${(durationMs / 1000).toFixed(2)} s，` +
      `设备 / device ${ctx.source.kind}${ctx.source.model ? ` ${ctx.source.model}` : ''}，压力 / pressure ${ctx.pressure.kind}`,
  );
  const inkHeight = 120;
  w.ensure(inkHeight + 150);
  const top = w.y - 4;
  w.page.drawRectangle({
    x: MARGIN,
    y: top - inkHeight,
    width: CONTENT_WIDTH,
    height: inkHeight,
    borderColor: MUTED,
    borderWidth: 0.4,
    color: rgb(1, 1, 1),
  });
  const path = renderInkPdfSvgPath(doc, { width: CONTENT_WIDTH, height: inkHeight, padding: 10 });
  if (path) w.page.drawSvgPath(path, { x: MARGIN, y: top, color: rgb(0.05, 0.05, 0.2) });
  w.y = top - inkHeight - 26;
  const plotWidth = (CONTENT_WIDTH - 30) / 2;
  const plotHeight = 90;
  const perMm = ctx.units.perMm;
  drawTimePlot(
    w.page,
    w.font,
    { x: MARGIN + 8, y: w.y - plotHeight, width: plotWidth, height: plotHeight },
    series.map((p) => ({ t: p.t, value: p.speed / perMm, strokeId: p.strokeId })),
    { title: '书写速度 / pen speed', unit: 'mm/s' },
  );
  drawTimePlot(
    w.page,
    w.font,
    { x: MARGIN + plotWidth + 30, y: w.y - plotHeight, width: plotWidth, height: plotHeight },
    series.map((p) => ({ t: p.t, value: p.pressure, strokeId: p.strokeId })),
    { title: '笔压 / pen pressure', unit: '(0-1)' },
  );
  w.y -= plotHeight + 20;
}
