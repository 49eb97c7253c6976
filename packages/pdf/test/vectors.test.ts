import { fromPem } from '@inkproof/pki';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { type PdfVerificationReport, verifyPdf } from '../src/index.js';
import { readVector } from './support/vectors.js';

// Signing with real keys and spawning openssl/pdfsig takes seconds on a shared 2-core machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

// Verdicts from ../shared/vectors/pdf/README.md (pyHanko's own tests, frozen at their dates).
const FROZEN = new Date('2020-11-01T00:00:00Z');
const anchors = (): Uint8Array[] =>
  ['trust/pyhanko-testing-ca-root.pem', 'trust/selfsigned-lord-testerino.cert.pem'].map((p) =>
    fromPem(Buffer.from(readVector(p)).toString('utf8')),
  );
const verify = (path: string, at: Date = FROZEN): Promise<PdfVerificationReport> =>
  verifyPdf(readVector(`signed/${path}`), { trustAnchors: anchors(), at });
const codes = (r: { issues: { code: string }[] }): string[] => r.issues.map((i) => i.code);

describe('pyHanko vectors reach their documented verdicts', () => {
  let lta: PdfVerificationReport;
  beforeAll(async () => {
    lta = await verify('pades-lta-dss-indirect-arrs-test.pdf');
  }, 120_000);

  it('pades-lta-dss-indirect-arrs-test: VALID, B-LTA, trusted', () => {
    expect(lta.verdict).toBe('VALID');
    const sig = lta.signatures.find((s) => s.kind === 'signature')!;
    expect(sig).toMatchObject({ intact: true, trusted: true, level: 'B-LTA', coverage: 'ENTIRE_REVISION' });
    expect(lta.signatures.some((s) => s.kind === 'doc-timestamp' && s.verdict === 'VALID')).toBe(true);
  });

  it('pades-lta-dss-indirect-arrs-test-2: both signatures VALID, at most FORM_FILLING after each', async () => {
    const r = await verify('pades-lta-dss-indirect-arrs-test-2.pdf');
    expect(r.verdict).toBe('VALID');
    const sigs = r.signatures.filter((s) => s.kind === 'signature');
    expect(sigs).toHaveLength(2);
    for (const s of sigs) {
      expect(s).toMatchObject({ verdict: 'VALID', intact: true, trusted: true, coverage: 'ENTIRE_REVISION' });
      expect(['NONE', 'LTA_UPDATES', 'FORM_FILLING']).toContain(s.modifications);
    }
  });

  it('pades-with-old-style-signing-cert-attr: VALID, ENTIRE_FILE', async () => {
    const r = await verify('pades-with-old-style-signing-cert-attr.pdf');
    expect(r.verdict).toBe('VALID');
    expect(r.signatures[0]).toMatchObject({ trusted: true, coverage: 'ENTIRE_FILE', modifications: 'NONE' });
  });

  it('certified-with-indirect-refs-in-dir: VALID certification signature', async () => {
    const r = await verify('certified-with-indirect-refs-in-dir.pdf');
    expect(r.verdict).toBe('VALID');
    expect(r.signatures[0]).toMatchObject({ trusted: true, coverage: 'ENTIRE_FILE', modifications: 'NONE' });
  });

  it('pdf-sig-with-econtent: INVALID (detached signature encapsulating content)', async () => {
    const r = await verify('pdf-sig-with-econtent.pdf');
    expect(r.verdict).toBe('INVALID');
    expect(codes(r.signatures[0]!)).toContain('ENCAPSULATED_CONTENT');
  });

  it('sig-no-signed-attrs: rejected by the PAdES-only CMS check, without crashing', async () => {
    const r = await verify('sig-no-signed-attrs.pdf');
    expect(r.signatures).toHaveLength(1);
    expect(r.signatures[0]!.coverage).toBe('ENTIRE_FILE');
    expect(codes(r.signatures[0]!)).toContain('CMS_INVALID');
  });

  it('form-update-override-appearance-stream: filling Sig2 in place is FORM_FILLING for Sig1', async () => {
    const r = await verify('form-update-override-appearance-stream.pdf');
    expect(r.signatures[0]!.modifications).toBe('FORM_FILLING');
    expect(r.verdict).toBe('VALID');
  });

  it.each([
    ['form-update-override-appearance-stream-sneaky.pdf', 'REVISION_OBJECT_REPLACED'],
    ['form-update-no-override-appearance-stream-ap-indirect-sneaky.pdf', 'REVISION_SHARED_APPEARANCE'],
    ['form-update-ap-indirect-sneaky-trailer.pdf', 'REVISION_SHARED_APPEARANCE'],
  ])('%s: suspicious (OTHER) → INVALID with %s', async (path, code) => {
    const r = await verify(path);
    expect(r.verdict).toBe('INVALID');
    expect(r.signatures[0]!.modifications).toBe('OTHER');
    expect(codes(r)).toContain(code);
  });

  it.each([
    ['coverage-anomalies-tail-uncovered.pdf', 'CONTIGUOUS_BLOCK_FROM_START', 'COVERAGE_PARTIAL'],
    ['coverage-anomalies-signature-gap-too-big.pdf', 'UNCLEAR', 'COVERAGE_GAP'],
    ['coverage-anomalies-one-byterange.pdf', 'UNCLEAR', 'BYTE_RANGE_INVALID'],
    ['coverage-anomalies-weird-byterange.pdf', 'UNCLEAR', 'COVERAGE_GAP'],
  ])('%s: intact but coverage %s, not VALID (%s)', async (path, coverage, code) => {
    const r = await verify(path);
    const s = r.signatures[0]!;
    expect(s.intact).toBe(true);
    expect(s.coverage).toBe(coverage);
    expect(codes(s)).toContain(code);
    expect(r.verdict).not.toBe('VALID');
  });

  it('minimal-two-fields-signed-twice (Adobe Reader): both intact, first one FORM_FILLING', async () => {
    const r = await verify('minimal-two-fields-signed-twice.pdf', new Date('2021-01-05T00:00:00Z'));
    const [first, second] = r.signatures;
    expect(first).toMatchObject({
      intact: true,
      signatureValid: true,
      coverage: 'ENTIRE_REVISION',
      modifications: 'FORM_FILLING',
    });
    expect(second).toMatchObject({ intact: true, signatureValid: true, coverage: 'ENTIRE_FILE' });
    // The GlobalSign TSA root is not among the anchors: untrusted, never INVALID.
    expect(r.verdict).toBe('INDETERMINATE');
  });

  it('sig-with-ski-sid: the signer identified by SubjectKeyIdentifier is found; intact + valid, ENTIRE_FILE', async () => {
    const r = await verify('sig-with-ski-sid.pdf');
    expect(r.signatures).toHaveLength(1);
    expect(r.signatures[0]).toMatchObject({ intact: true, signatureValid: true, coverage: 'ENTIRE_FILE' });
    // Its root is not among the anchors: trust is not evaluated by pyHanko either — untrusted, never INVALID.
    expect(r.verdict).not.toBe('INVALID');
  });
});
