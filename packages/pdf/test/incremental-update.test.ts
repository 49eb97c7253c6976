import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDict, PdfDict, PdfRef, PdfString } from '../src/core/objects.js';
import { PdfFile } from '../src/core/pdf-file.js';
import { appendIncrementalUpdate } from '../src/write/incremental-update.js';
import { UpdateBuilder } from '../src/write/update-builder.js';
import { readVector } from './support/vectors.js';

const qpdfCheck = (bytes: Uint8Array): string => {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-inc-'));
  const path = join(dir, 'x.pdf');
  writeFileSync(path, bytes);
  try {
    return execFileSync('qpdf', ['--check', path], { encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return `${err.stdout ?? ''}${err.stderr ?? ''}`;
  }
};

const inputs = [
  'signer-input/minimal-two-fields.pdf',
  'signer-input/minimal-hybrid-xref.pdf',
  'signer-input/CompactedPDFSyntaxTest.pdf',
  'signer-input/minimal-startxref-obo2.pdf',
  'signed/minimal-two-fields-signed-twice.pdf',
];

describe('appendIncrementalUpdate', () => {
  it.each(inputs)('appends a revision to %s without touching earlier bytes', (path) => {
    const src = readVector(path);
    const file = PdfFile.parse(src);
    const b = new UpdateBuilder(file);
    const info = b.add(new PdfDict([['Producer', PdfString.fromText('inkproof 测试')]]));
    const out = appendIncrementalUpdate(file, b.objects());
    expect(Buffer.from(out.bytes.subarray(0, src.length)).equals(Buffer.from(src))).toBe(true);
    const again = PdfFile.parse(out.bytes);
    expect(again.revisions).toHaveLength(file.revisions.length + 1);
    expect(again.latest.kind).toBe(file.latest.kind === 'stream' ? 'stream' : 'table');
    expect(again.latest.xrefOffset).toBe(out.xrefOffset);
    expect(again.getObject(info.num)).toBeInstanceOf(PdfDict);
    const report = qpdfCheck(out.bytes);
    // The compacted-syntax input already draws qpdf's "empty object treated as null" warning; nothing may be added.
    const warnings = report
      .split('\n')
      .filter((l) => /WARNING|ERROR/.test(l) && !/empty object treated as null/.test(l));
    expect(warnings).toEqual([]);
    expect(report).toMatch(/No syntax or stream encoding errors found|empty object treated as null/);
  });

  it('keeps the hybrid file /XRefStm objects reachable after an update', () => {
    const file = PdfFile.parse(readVector('signer-input/minimal-hybrid-xref.pdf'));
    const b = new UpdateBuilder(file);
    const root = b.rootRef;
    b.edit(root).set('Lang', PdfString.fromText('zh-CN'));
    const out = PdfFile.parse(appendIncrementalUpdate(file, b.objects()).bytes);
    const infoRef = out.trailer().get('Info');
    expect(infoRef).toBeInstanceOf(PdfRef);
    const info = out.resolveDict(infoRef);
    expect(isDict(info)).toBe(true);
    expect((out.resolve(info!.get('Title')) as PdfString).toText()).toBe('TestTest');
    expect((out.catalog().get('Lang') as PdfString).toText()).toBe('zh-CN');
  });
});
