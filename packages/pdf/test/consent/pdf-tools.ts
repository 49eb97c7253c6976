import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'inkproof-consent-'));
let counter = 0;

/** Writes the PDF to a temp file for the command-line tools. */
export function writeTempPdf(pdf: Uint8Array): string {
  const path = join(dir, `form-${counter++}.pdf`);
  writeFileSync(path, pdf);
  return path;
}

export interface TPdfFontRow {
  name: string;
  type: string;
  encoding: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

/**
 * Parses `pdffonts` output. Columns are fixed-width, sized by the dashed rule under the header; the type column
 * itself contains spaces ("CID TrueType"), so split by the rule, not by whitespace.
 */
export function pdffonts(path: string): TPdfFontRow[] {
  const lines = execFileSync('pdffonts', [path], { encoding: 'utf8' }).split('\n');
  const rule = lines[1] ?? '';
  const spans: [number, number][] = [];
  for (const m of rule.matchAll(/-+/g)) spans.push([m.index, m.index + m[0].length]);
  return lines
    .slice(2)
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const col = (i: number) => line.slice(spans[i]![0], spans[i]![1]).trim();
      return {
        name: col(0),
        type: col(1),
        encoding: col(2),
        embedded: col(3) === 'yes',
        subset: col(4) === 'yes',
        unicode: col(5) === 'yes',
      };
    });
}

/** Text per page via `pdftotext`, split on form feeds; whitespace removed so layout spacing does not matter. */
export function pdftotextPages(path: string): string[] {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  return text
    .split('\f')
    .slice(0, -1)
    .map((p) => p.replace(/\s+/g, ''));
}

/** `qpdf --check`: exit status 0/3 plus the "no errors" line. */
export function qpdfCheck(path: string): { ok: boolean; output: string } {
  const r = spawnSync('qpdf', ['--check', path], { encoding: 'utf8' });
  const output = `${r.stdout}${r.stderr}`;
  return { ok: r.status === 0 && output.includes('No syntax or stream encoding errors found'), output };
}

export interface TWordBox {
  page: number;
  text: string;
  /** PDF user space (origin bottom-left), converted from pdftotext's top-left boxes. */
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** Word boxes from `pdftotext -bbox`. */
export function pdfWordBoxes(path: string): TWordBox[] {
  const xhtml = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  const words: TWordBox[] = [];
  let page = -1;
  let height = 0;
  for (const m of xhtml.matchAll(/<page width="[\d.]+" height="([\d.]+)">|<word ([^>]*)>([^<]*)<\/word>/g)) {
    if (m[1]) {
      page++;
      height = Number(m[1]);
      continue;
    }
    const attr = (name: string) => Number(new RegExp(`${name}="([\\d.]+)"`).exec(m[2]!)![1]);
    words.push({
      page,
      text: m[3]!,
      xMin: attr('xMin'),
      xMax: attr('xMax'),
      yMin: height - attr('yMax'),
      yMax: height - attr('yMin'),
    });
  }
  return words;
}
