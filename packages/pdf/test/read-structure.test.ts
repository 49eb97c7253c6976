import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PdfString } from '../src/core/objects.js';
import { PdfFile } from '../src/core/pdf-file.js';
import { PdfError } from '../src/errors.js';
import { readVector } from './support/vectors.js';

const code = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(PdfError);
    return (e as PdfError).code;
  }
};

describe('PdfFile.parse', () => {
  it('reads the classic-table revisions of a B-LTA file', () => {
    const pdf = PdfFile.parse(readVector('signed/pades-lta-dss-indirect-arrs-test.pdf'));
    expect(pdf.revisions).toHaveLength(5);
    expect(pdf.revisions.every((r) => r.kind === 'table')).toBe(true);
    expect(pdf.latest.end).toBe(pdf.bytes.length);
    expect(pdf.catalog().has('DSS')).toBe(true);
  });

  it('reads a linearized base with xref streams and object streams as one revision', () => {
    const pdf = PdfFile.parse(readVector('signed/minimal-two-fields-signed-twice.pdf'));
    expect(pdf.revisions).toHaveLength(2);
    expect(pdf.revisions[0]!.isLinearized).toBe(true);
    expect(pdf.revisions[0]!.kind).toBe('stream');
    expect(pdf.catalog().has('AcroForm')).toBe(true);
  });

  it('reads objects hidden in the /XRefStm of a hybrid file', () => {
    const pdf = PdfFile.parse(readVector('signer-input/minimal-hybrid-xref.pdf'));
    expect(pdf.revisions.some((r) => r.kind === 'hybrid')).toBe(true);
    const info = pdf.resolveDict(pdf.trailer().get('Info'));
    const title = pdf.resolve(info?.get('Title'));
    expect(title).toBeInstanceOf(PdfString);
    expect((title as PdfString).toText()).toBe('TestTest');
  });

  it('parses compacted syntax', () => {
    const pdf = PdfFile.parse(readVector('signer-input/CompactedPDFSyntaxTest.pdf'));
    const info = pdf.resolveDict(pdf.trailer().get('Info'));
    expect((pdf.resolve(info?.get('Subject')) as PdfString).toText()).toBe('Compacted Syntax v3.0');
  });

  it('recovers an off-by-one startxref and remembers the real offset', () => {
    const pdf = PdfFile.parse(readVector('signer-input/minimal-startxref-obo2.pdf'));
    const text = Buffer.from(pdf.bytes).toString('latin1');
    expect(pdf.latest.xrefOffset).toBe(text.lastIndexOf('xref\n', text.lastIndexOf('startxref')));
  });

  it('rejects a file whose xref cannot be found', () => {
    expect(code(() => PdfFile.parse(readVector('signer-input/minimal-startxref-hopeless.pdf')))).toBe('XREF_NOT_FOUND');
  });

  it('rejects encrypted files with ENCRYPTED_PDF', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pdf-enc-'));
    const src = join(dir, 'in.pdf');
    writeFileSync(src, readVector('signer-input/minimal-two-fields.pdf'));
    execFileSync('qpdf', ['--encrypt', 'u', 'o', '256', '--', src, join(dir, 'enc.pdf')]);
    expect(code(() => PdfFile.parse(readFileSync(join(dir, 'enc.pdf'))))).toBe('ENCRYPTED_PDF');
  });

  it('never throws anything but PdfError on truncated or garbled input', () => {
    const src = readVector('signed/pades-lta-dss-indirect-arrs-test.pdf');
    const codes = new Set<string>();
    for (let cut = 0; cut < src.length; cut += 997) {
      const c = code(() => {
        const f = PdfFile.parse(src.subarray(0, cut));
        for (const r of f.revisions) for (const n of r.entries.keys()) f.getObject(n, r.index);
      });
      if (c) codes.add(c);
    }
    const garbled = Uint8Array.from(src);
    for (let i = 50; i < garbled.length; i += 131) garbled[i] = 0x28;
    code(() => {
      const f = PdfFile.parse(garbled);
      for (const r of f.revisions) for (const n of r.entries.keys()) f.getObject(n, r.index);
    });
    expect(code(() => PdfFile.parse(new Uint8Array(0)))).toBe('MALFORMED_PDF');
    expect([...codes].every((c) => ['MALFORMED_PDF', 'XREF_NOT_FOUND', 'OBJECT_NOT_FOUND'].includes(c))).toBe(true);
  });
});
