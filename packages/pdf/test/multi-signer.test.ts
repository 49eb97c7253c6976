import { beforeAll, describe, expect, it, vi } from 'vitest';
import { listFields } from '../src/core/form-fields.js';
import { PdfStream, type PdfValue } from '../src/core/objects.js';
import { addArchiveTimestamp, addDocumentTimestamp, isPdfError, PdfFile, verifyPdf } from '../src/index.js';
import { decodeStream } from '../src/parse/filters.js';
import { createPkiFixture, type PkiFixture } from './support/pki-fixture.js';
import { SAMPLE_INK } from './support/sample-ink.js';
import { createNssDb, pdfsig, qpdfCheck } from './support/tools.js';
import { readVector } from './support/vectors.js';

// Signing with real keys and spawning openssl/pdfsig takes seconds on a shared 2-core machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

describe('several signers on one PDF', () => {
  let fx: PkiFixture;
  let three: Uint8Array;
  const look = (name: string, meaning: string) => ({ name, meaning, signedAt: new Date(), strokes: SAMPLE_INK });
  beforeAll(async () => {
    fx = await createPkiFixture();
    const input = readVector('signer-input/minimal-two-fields.pdf');
    const a = await fx.sign(input, 'B-LTA', { placement: { field: 'Sig1' }, appearance: look('张三', '患者本人签名') });
    const b = await fx.sign(a, 'B-LTA', {
      role: 'guardian',
      placement: { field: 'Sig2' },
      appearance: look('张小红', '监护人签名（关系：女儿）'),
    });
    three = await fx.sign(b, 'B-LTA', {
      role: 'doctor',
      placement: { page: 1, rect: [150, 10, 140, 50] },
      appearance: look('李医生', '医生签名'),
    });
  }, 120_000);

  it('patient, guardian and doctor: each its own revisions, all VALID and B-LTA', async () => {
    const r = await verifyPdf(three, { trustAnchors: [fx.pki.rootCertificate] });
    expect(r.verdict).toBe('VALID');
    const sigs = r.signatures.filter((s) => s.kind === 'signature');
    expect(sigs.map((s) => s.level)).toEqual(['B-LTA', 'B-LTA', 'B-LTA']);
    expect(sigs.map((s) => s.signerSubject)).toEqual(['张三 (patient)', '张三 (guardian)', '张三 (doctor)']);
    expect(sigs[0]!.modifications).toBe('FORM_FILLING');
    expect(r.signatures.filter((s) => s.kind === 'doc-timestamp')).toHaveLength(3);
    expect(PdfFile.parse(three).revisions).toHaveLength(2 + 6);
  });

  it('pdfsig reports every signature valid; qpdf finds no errors', () => {
    const entries = pdfsig(three, createNssDb(fx.rootPemPath));
    const sigs = entries.filter((e) => e.type === 'ETSI.CAdES.detached');
    expect(sigs.map((e) => e.signature)).toEqual(Array(3).fill('Signature is Valid.'));
    expect(sigs.map((e) => e.certificate)).toEqual(Array(3).fill('Certificate is Trusted.'));
    expect(qpdfCheck(three)).toMatch(/No syntax or stream encoding errors found/);
  });

  it('the visible appearances carry the printed name and meaning in an embedded CJK font', () => {
    const file = PdfFile.parse(three);
    const texts: string[] = [];
    for (const sig of listFields(file).filter((f) => f.type === 'Sig')) {
      const ap = file.resolveDict(file.resolveDict(sig.dict.get('AP'))?.get('N'));
      const font = file.resolveDict(file.resolveDict(file.resolveDict(ap?.get('Resources'))?.get('Font'))?.get('F1'));
      if (!font) continue;
      const cid = file.resolveDict((file.resolve(font.get('DescendantFonts')) as PdfValue[])[0]);
      expect(file.resolveDict(cid?.get('FontDescriptor'))?.has('FontFile2')).toBe(true);
      const toUnicode = file.resolve(font.get('ToUnicode'));
      if (toUnicode instanceof PdfStream) texts.push(Buffer.from(decodeStream(toUnicode)).toString('latin1'));
    }
    expect(texts).toHaveLength(3);
    const hex = (s: string): string => [...s].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
    expect(texts.join('\n').toLowerCase()).toContain(hex('患'));
    expect(texts.join('\n').toLowerCase()).toContain(hex('监'));
  });

  it('addArchiveTimestamp appends one more document time-stamp and keeps everything VALID', async () => {
    const more = await addArchiveTimestamp(three, { tsa: fx.pki.tsa, revocation: (c) => fx.pki.revocationData(c) });
    expect(Buffer.from(more.subarray(0, three.length)).equals(Buffer.from(three))).toBe(true);
    const r = await verifyPdf(more, { trustAnchors: [fx.pki.rootCertificate] });
    expect(r.verdict).toBe('VALID');
    expect(r.signatures.filter((s) => s.kind === 'doc-timestamp')).toHaveLength(4);
  });

  it('addArchiveTimestamp refuses a file without a document time-stamp (NOT_LTA)', async () => {
    const bt = await fx.sign(readVector('signer-input/minimal-two-fields.pdf'), 'B-T', {
      placement: { field: 'Sig1' },
    });
    const err = await addArchiveTimestamp(bt, { tsa: fx.pki.tsa, revocation: (c) => fx.pki.revocationData(c) }).catch(
      (e: unknown) => e,
    );
    expect(isPdfError(err, 'NOT_LTA')).toBe(true);
  });

  it('a certification signature with P=1 is violated by a second signer, but not by a document time-stamp', async () => {
    const input = readVector('signer-input/minimal-two-fields.pdf');
    const certified = await fx.sign(input, 'B-T', { placement: { field: 'Sig1' }, certify: 1 });
    const stamped = await addDocumentTimestamp(certified, { tsa: fx.pki.tsa });
    expect((await verifyPdf(stamped, { trustAnchors: [fx.pki.rootCertificate] })).verdict).toBe('VALID');
    const second = await fx.sign(certified, 'B-T', { placement: { field: 'Sig2' } });
    const r = await verifyPdf(second, { trustAnchors: [fx.pki.rootCertificate] });
    expect(r.verdict).toBe('INVALID');
    expect(r.signatures[0]!.issues.map((i) => i.code)).toContain('DOCMDP_VIOLATION');
  });

  it('FieldMDP: locking Sig2 makes signing Sig2 later a FIELDMDP_VIOLATION; locking another field does not', async () => {
    const input = readVector('signer-input/minimal-two-fields.pdf');
    const trust = { trustAnchors: [fx.pki.rootCertificate] };
    const locked = await fx.sign(input, 'B-T', { placement: { field: 'Sig1' }, lockFields: ['Sig2'] });
    const violated = await verifyPdf(await fx.sign(locked, 'B-T', { placement: { field: 'Sig2' } }), trust);
    expect(violated.verdict).toBe('INVALID');
    expect(violated.signatures[0]!.issues.map((i) => i.code)).toContain('FIELDMDP_VIOLATION');
    const other = await fx.sign(input, 'B-T', { placement: { field: 'Sig1' }, lockFields: ['Comments'] });
    expect((await verifyPdf(await fx.sign(other, 'B-T', { placement: { field: 'Sig2' } }), trust)).verdict).toBe(
      'VALID',
    );
  });
});
