import { beforeAll, describe, expect, it, vi } from 'vitest';
import { isDict, isRef, PdfDict, PdfRef, PdfStream, PdfString } from '../src/core/objects.js';
import {
  listPages,
  listSignatures,
  PdfFile,
  type PdfVerificationReport,
  signPdf,
  UpdateBuilder,
  verifyPdf,
} from '../src/index.js';
import { appendIncrementalUpdate } from '../src/write/incremental-update.js';
import { createPkiFixture, type PkiFixture } from './support/pki-fixture.js';
import { createNssDb, pdfsig } from './support/tools.js';
import { readVector } from './support/vectors.js';

// Signing with real keys and spawning openssl/pdfsig takes seconds on a shared 2-core machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const all = (r: PdfVerificationReport): string[] => [
  ...r.issues.map((i) => i.code),
  ...r.signatures.flatMap((s) => s.issues.map((i) => i.code)),
];

describe('tampering is detected with a specific code', () => {
  let fx: PkiFixture;
  let signed: Uint8Array;
  const verify = (bytes: Uint8Array): Promise<PdfVerificationReport> =>
    verifyPdf(bytes, { trustAnchors: [fx.pki.rootCertificate] });
  const flip = (at: number): Uint8Array => {
    const copy = Uint8Array.from(signed);
    copy[at] = copy[at]! ^ 0x01;
    return copy;
  };
  beforeAll(async () => {
    fx = await createPkiFixture();
    signed = await fx.sign(readVector('signer-input/minimal-two-fields.pdf'), 'B-LTA', {
      placement: { field: 'Sig1' },
    });
  }, 120_000);

  it('the untouched file is VALID', async () => {
    expect((await verify(signed)).verdict).toBe('VALID');
  });

  it('a flipped byte in the first signed range (page content) → DIGEST_MISMATCH', async () => {
    const at = Buffer.from(signed).indexOf('Hello World');
    expect(at).toBeGreaterThan(0);
    const r = await verify(flip(at + 1));
    expect(r.verdict).toBe('INVALID');
    expect(r.signatures.find((s) => s.fieldName === 'Sig1')!.issues.map((i) => i.code)).toContain('DIGEST_MISMATCH');
  });

  it('a flipped byte in the second signed range (/M after /Contents) → DIGEST_MISMATCH', async () => {
    const file = PdfFile.parse(signed);
    const sigs = listSignatures(file);
    const sig = sigs.find((s) => s.fieldName === 'Sig1')!;
    const secondStart = sig.byteRange![2]!;
    const m = Buffer.from(file.bytes).indexOf('/M (D:', secondStart);
    expect(m).toBeGreaterThanOrEqual(secondStart);
    const r = await verify(flip(m + 8));
    expect(r.verdict).toBe('INVALID');
    expect(r.signatures.find((s) => s.fieldName === 'Sig1')!.issues.map((i) => i.code)).toContain('DIGEST_MISMATCH');
  });

  it('a flipped byte in a DSS certificate → DSS_CORRUPT (and the document time-stamp no longer matches)', async () => {
    const file = PdfFile.parse(signed);
    const dss = file.resolveDict(file.catalog().get('DSS'))!;
    const certs = file.resolve(dss.get('Certs')) as PdfRef[];
    const off = file.offsetOf(certs[0]!.num)!;
    const data = Buffer.from(signed).indexOf('stream\n', off) + 'stream\n'.length;
    expect(signed[data]).toBe(0x30);
    const r = await verify(flip(data));
    expect(r.verdict).toBe('INVALID');
    expect(r.issues.map((i) => i.code)).toContain('DSS_CORRUPT');
    expect(r.signatures.find((s) => s.kind === 'doc-timestamp')!.issues.map((i) => i.code)).toContain(
      'DIGEST_MISMATCH',
    );
  });

  it('a shadow update replacing the page content → REVISION_PAGE_CONTENT_CHANGED (pdfsig still says valid)', async () => {
    const file = PdfFile.parse(signed);
    const page = listPages(file)[0]!;
    const contents = page.dict.get('Contents');
    expect(isRef(contents)).toBe(true);
    const b = new UpdateBuilder(file);
    const fake = new TextEncoder().encode('BT /F1 18 Tf 0 0 Td (I refuse the operation) Tj ET');
    b.put(contents as PdfRef, new PdfStream(new PdfDict(), fake));
    const shadowed = appendIncrementalUpdate(file, b.objects()).bytes;
    const r = await verify(shadowed);
    expect(r.verdict).toBe('INVALID');
    expect(r.issues.map((i) => i.code)).toContain('REVISION_PAGE_CONTENT_CHANGED');
    expect(r.signatures.every((s) => s.modifications === 'OTHER')).toBe(true);
    // The attack pdfsig misses (STANDARDS.md): every cryptographic check still passes there.
    const nss = createNssDb(fx.rootPemPath);
    expect(pdfsig(shadowed, nss).find((e) => e.field === 'Sig1')?.signature).toBe('Signature is Valid.');
  });

  it('a later revision dropping the signature value → SIGNATURE_REMOVED', async () => {
    const file = PdfFile.parse(signed);
    const sig = listSignatures(file).find((s) => s.fieldName === 'Sig1')!;
    const fieldRef = [...file.revisions.flatMap((r) => [...r.entries.keys()])].find((n) => {
      const o = file.getObject(n);
      return isDict(o) && o.get('V') instanceof PdfRef && (o.get('V') as PdfRef).num === sig.sigNum;
    })!;
    const b = new UpdateBuilder(file);
    const field = b.edit(new PdfRef(fieldRef));
    field.delete('V');
    field.set('T', PdfString.fromText('Sig1'));
    const removed = appendIncrementalUpdate(file, b.objects()).bytes;
    const r = await verify(removed);
    expect(r.verdict).toBe('INVALID');
    expect(all(r)).toContain('SIGNATURE_REMOVED');
    expect(r.signatures.find((s) => s.fieldName === 'Sig1')!.removed).toBe(true);
  });

  it('bytes appended after the last %%EOF → TRAILING_BYTES', async () => {
    const r = await verify(Buffer.concat([signed, Buffer.from('garbage that no signature covers\n')]));
    expect(r.verdict).toBe('INVALID');
    expect(r.issues.map((i) => i.code)).toContain('TRAILING_BYTES');
  });

  it('never throws on garbage', async () => {
    const r = await verify(new TextEncoder().encode('%PDF-1.7\nnot really'));
    expect(r.verdict).toBe('INVALID');
    expect(r.issues.map((i) => i.code)).toEqual(['UNREADABLE']);
  });
});

describe('revocation data from the DSS', () => {
  it('a certificate revoked before signing → CERT_REVOKED from the embedded OCSP/CRL', async () => {
    const fx = await createPkiFixture();
    const cred = await fx.pki.issueEventCertificate({ name: '张三', role: 'patient' });
    await fx.pki.revoke(cred.certificate, new Date(Date.now() - 60_000));
    const signed = await signPdf(readVector('signer-input/minimal-two-fields.pdf'), {
      signer: cred.signer,
      certificate: cred.certificate,
      chain: cred.chain,
      level: 'B-LT',
      tsa: fx.pki.tsa,
      revocation: (c) => fx.pki.revocationData(c),
    });
    const r = await verifyPdf(signed, { trustAnchors: [fx.pki.rootCertificate] });
    expect(r.verdict).toBe('INVALID');
    expect(r.signatures[0]!.issues.map((i) => i.code)).toContain('CERT_REVOKED');
  });
});

describe('verifyPdf on randomly damaged signed files', () => {
  it('always returns a report, never throws', async () => {
    const fx = await createPkiFixture();
    const signed = await fx.sign(readVector('signer-input/minimal-two-fields.pdf'), 'B-LTA', {
      placement: { field: 'Sig1' },
    });
    let seed = 7;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const verdicts = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const copy = Uint8Array.from(signed);
      for (let k = 0; k < 1 + rand(4); k++) copy[rand(copy.length)] = rand(256);
      const r = await verifyPdf(copy.subarray(0, copy.length - rand(64)), { trustAnchors: [fx.pki.rootCertificate] });
      verdicts.add(r.verdict);
    }
    expect([...verdicts].every((v) => ['VALID', 'INDETERMINATE', 'INVALID'].includes(v))).toBe(true);
  });
});
