import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFOperator, PDFOperatorNames, rgb } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  getInkOutlines,
  renderInkPdfOperators,
  renderInkPdfSvgPath,
  renderInkSvgDocument,
  renderInkSvgPath,
} from '../src/index';
import { makePadDocument, makePenDocument } from './sample-documents';

/** Counts dark pixels of page 1 rendered by poppler (independent of pdf-lib). */
function darkPixels(pdf: Uint8Array): number {
  const dir = mkdtempSync(join(tmpdir(), 'ink-render-'));
  writeFileSync(join(dir, 'a.pdf'), pdf);
  execFileSync('pdftoppm', ['-gray', '-r', '72', '-f', '1', '-l', '1', join(dir, 'a.pdf'), join(dir, 'p')]);
  const pgm = readFileSync(join(dir, 'p-1.pgm'));
  const header = pgm.toString('latin1', 0, 40).split(/\s+/);
  const [w, h] = [Number(header[1]), Number(header[2])];
  const pixels = pgm.subarray(pgm.length - w * h);
  return pixels.filter((v) => v < 128).length;
}

describe('rendering', () => {
  it('produces one closed quadratic subpath per visible stroke', () => {
    const path = renderInkSvgPath(makePadDocument());
    expect(path.match(/M/g)).toHaveLength(3);
    expect(path.match(/Z/g)).toHaveLength(3);
    expect(path).toMatch(/^[MQZ0-9 .-]+$/);
  });

  it('varies width with measured pressure and simulates it only for synthetic pressure', () => {
    const doc = makePadDocument();
    const flat = structuredClone(doc);
    for (const s of flat.strokes) for (const p of s.samples) p.pressure = 0.5;
    expect(getInkOutlines(doc)).not.toEqual(getInkOutlines(flat));
    const synthetic = structuredClone(flat);
    synthetic.context.pressure = { kind: 'synthetic' };
    expect(getInkOutlines(synthetic)).not.toEqual(getInkOutlines(flat));
  });

  it('writes a standalone SVG document', () => {
    const svg = renderInkSvgDocument(makePenDocument(), { width: 300, height: 120, padding: 4, color: '#1a237e' });
    expect(svg).toContain('viewBox="0 0 300 120"');
    expect(svg).toContain('fill-rule="nonzero"');
    expect(svg).toContain('fill="#1a237e"');
  });

  it('draws into a PDF with pdf-lib drawSvgPath and as raw operators; poppler sees ink in both', async () => {
    const doc = makePadDocument();
    const pdf = await PDFDocument.create();
    const page = pdf.addPage([300, 200]);
    page.drawSvgPath(renderInkPdfSvgPath(doc, { width: 200, height: 80, padding: 2 }), {
      x: 50,
      y: 150,
      color: rgb(0, 0, 0),
    });
    const viaSvg = await pdf.save();
    expect(darkPixels(viaSvg)).toBeGreaterThan(300);

    const ops = renderInkPdfOperators(doc, { x: 50, y: 70, width: 200, height: 80 });
    expect(ops.trim().endsWith('f')).toBe(true);
    const pdf2 = await PDFDocument.create();
    const page2 = pdf2.addPage([300, 200]);
    page2.pushOperators(PDFOperator.of(PDFOperatorNames.PushGraphicsState));
    for (const line of ops.split('\n')) {
      const parts = line.split(' ');
      page2.pushOperators(PDFOperator.of(parts.pop() as PDFOperatorNames, parts as never));
    }
    page2.pushOperators(PDFOperator.of(PDFOperatorNames.PopGraphicsState));
    expect(darkPixels(await pdf2.save())).toBeGreaterThan(300);
  });
});
