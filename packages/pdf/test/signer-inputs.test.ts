import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromPem } from '@inkproof/pki';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { PdfString } from '../src/core/objects.js';
import { addDocumentTimestamp, isPdfError, PdfFile, verifyPdf } from '../src/index.js';
import { createPkiFixture, type PkiFixture } from './support/pki-fixture.js';
import { qpdfCheck } from './support/tools.js';
import { readVector } from './support/vectors.js';

// Signing with real keys and spawning openssl/pdfsig takes seconds on a shared 2-core machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const errorCode = async (p: Promise<unknown>): Promise<string | undefined> => {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  return isPdfError(e) ? e.code : e === undefined ? undefined : String(e);
};

describe('signing unusual inputs (../shared/vectors/pdf/signer-input)', () => {
  let fx: PkiFixture;
  const trust = (): Uint8Array[] => [fx.pki.rootCertificate];
  beforeAll(async () => {
    fx = await createPkiFixture();
  }, 120_000);

  it('hybrid-reference file: signs, and the /XRefStm-only Info title stays readable', async () => {
    const out = await fx.sign(readVector('signer-input/minimal-hybrid-xref.pdf'), 'B-LTA');
    const file = PdfFile.parse(out);
    const info = file.resolveDict(file.trailer().get('Info'));
    expect((file.resolve(info?.get('Title')) as PdfString).toText()).toBe('TestTest');
    expect((await verifyPdf(out, { trustAnchors: trust() })).verdict).toBe('VALID');
  });

  it('compacted syntax with a JavaScript action: signs and keeps the action', async () => {
    const out = await fx.sign(readVector('signer-input/CompactedPDFSyntaxTest.pdf'), 'B-T');
    expect(PdfFile.parse(out).catalog().has('AA')).toBe(true);
    expect((await verifyPdf(out, { trustAnchors: trust() })).verdict).toBe('VALID');
  });

  it('off-by-one startxref: signs with /Prev at the real xref offset', async () => {
    const src = readVector('signer-input/minimal-startxref-obo2.pdf');
    const out = await fx.sign(src, 'B-T');
    const file = PdfFile.parse(out);
    expect(file.revisions[1]!.trailer.get('Prev')).toBe(PdfFile.parse(src).latest.xrefOffset);
    expect((await verifyPdf(out, { trustAnchors: trust() })).verdict).toBe('VALID');
    expect(qpdfCheck(out)).not.toMatch(/WARNING/);
  });

  it('hopeless startxref: refused with XREF_NOT_FOUND', async () => {
    expect(await errorCode(fx.sign(readVector('signer-input/minimal-startxref-hopeless.pdf'), 'B-B'))).toBe(
      'XREF_NOT_FOUND',
    );
  });

  it('direct page in /Kids: a widget on page 1 works, page 2 is refused with INVALID_PAGE_TREE', async () => {
    const src = readVector('signer-input/page-tree-direct-kid.pdf');
    const ok = await fx.sign(src, 'B-T', { placement: { page: 1, rect: [10, 10, 100, 40] } });
    expect((await verifyPdf(ok, { trustAnchors: trust() })).verdict).toBe('VALID');
    expect(await errorCode(fx.sign(src, 'B-T', { placement: { page: 2, rect: [10, 10, 100, 40] } }))).toBe(
      'INVALID_PAGE_TREE',
    );
  });

  it('unknown field names and already signed fields are refused', async () => {
    const src = readVector('signer-input/minimal-two-fields.pdf');
    expect(await errorCode(fx.sign(src, 'B-B', { placement: { field: 'Nope' } }))).toBe('FIELD_NOT_FOUND');
    const once = await fx.sign(src, 'B-B', { placement: { field: 'Sig1' } });
    expect(await errorCode(fx.sign(once, 'B-B', { placement: { field: 'Sig1' } }))).toBe('FIELD_ALREADY_SIGNED');
  });

  it('encrypted input is refused with ENCRYPTED_PDF', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pdf-enc-'));
    writeFileSync(join(dir, 'in.pdf'), readVector('signer-input/minimal-two-fields.pdf'));
    execFileSync('qpdf', ['--encrypt', '', 'owner', '256', '--', join(dir, 'in.pdf'), join(dir, 'enc.pdf')]);
    expect(await errorCode(fx.sign(readFileSync(join(dir, 'enc.pdf')), 'B-B'))).toBe('ENCRYPTED_PDF');
  });

  it('xref-stream, linearized Adobe file: our update is an xref stream and earlier signatures stay intact', async () => {
    const out = await fx.sign(readVector('signed/minimal-two-fields-signed-twice.pdf'), 'B-LTA');
    const file = PdfFile.parse(out);
    expect(file.latest.kind).toBe('stream');
    const r = await verifyPdf(out, { trustAnchors: trust() });
    expect(r.signatures.every((s) => s.intact && s.modifications !== 'OTHER')).toBe(true);
    expect(r.signatures.filter((s) => s.verdict === 'VALID').length).toBeGreaterThanOrEqual(2);
    expect(qpdfCheck(out)).toMatch(/No syntax or stream encoding errors found/);
  });

  it('pyHanko B-LTA with indirect DSS arrays: signing again keeps the earlier signature VALID', async () => {
    const out = await fx.sign(readVector('signed/pades-lta-dss-indirect-arrs-test.pdf'), 'B-LTA');
    const pyhanko = fromPem(Buffer.from(readVector('trust/pyhanko-testing-ca-root.pem')).toString('utf8'));
    const r = await verifyPdf(out, { trustAnchors: [...trust(), pyhanko] });
    const sigs = r.signatures.filter((s) => s.kind === 'signature');
    expect(sigs).toHaveLength(2);
    expect(sigs.map((s) => s.verdict)).toEqual(['VALID', 'VALID']);
    expect(sigs[1]!.level).toBe('B-LTA');
  });

  it('pyHanko certified (DocMDP) file: a document time-stamp afterwards keeps the certification VALID', async () => {
    const out = await addDocumentTimestamp(readVector('signed/certified-with-indirect-refs-in-dir.pdf'), {
      tsa: fx.pki.tsa,
    });
    const pyhanko = fromPem(Buffer.from(readVector('trust/pyhanko-testing-ca-root.pem')).toString('utf8'));
    const r = await verifyPdf(out, { trustAnchors: [...trust(), pyhanko], at: new Date('2020-11-01T00:00:00Z') });
    expect(r.signatures[0]).toMatchObject({ verdict: 'VALID', modifications: 'LTA_UPDATES' });
    expect(r.signatures[1]).toMatchObject({ kind: 'doc-timestamp', intact: true });
  });

  it('a /Contents placeholder that turns out too small is enlarged once instead of failing', async () => {
    const out = await fx.sign(readVector('signer-input/minimal-two-fields.pdf'), 'B-T', { contentsCapacity: 512 });
    const r = await verifyPdf(out, { trustAnchors: trust() });
    expect(r.verdict).toBe('VALID');
    expect(PdfFile.parse(out).revisions).toHaveLength(3);
  });
});
