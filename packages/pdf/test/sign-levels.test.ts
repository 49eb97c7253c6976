import type { KeyAlgorithm } from '@inkproof/pki';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { trimDer } from '../src/cms/der-length.js';
import { type PadesLevel, verifyPdf } from '../src/index.js';
import { createPkiFixture, type PkiFixture } from './support/pki-fixture.js';
import { SAMPLE_INK } from './support/sample-ink.js';
import {
  createNssDb,
  docTimestampImprint,
  opensslCmsVerify,
  opensslTsVerify,
  pdfsig,
  qpdfCheck,
  signaturesOf,
  signatureTimestampOf,
} from './support/tools.js';
import { readVector } from './support/vectors.js';

// Signing with real keys and spawning openssl/pdfsig takes seconds on a shared 2-core machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const LEVELS: PadesLevel[] = ['B-B', 'B-T', 'B-LT', 'B-LTA'];
const ALGORITHMS: KeyAlgorithm[] = ['ECDSA-P256', 'RSA-2048'];

describe.each(ALGORITHMS)('PAdES levels with %s, checked by openssl, pdfsig and qpdf', (algorithm) => {
  let fx: PkiFixture;
  let nss: string;
  const signed = new Map<PadesLevel, Uint8Array>();
  beforeAll(async () => {
    fx = await createPkiFixture();
    nss = createNssDb(fx.rootPemPath);
    const input = readVector('signer-input/minimal-two-fields.pdf');
    for (const level of LEVELS) {
      signed.set(
        level,
        await fx.sign(input, level, {
          algorithm,
          placement: { field: 'Sig1' },
          appearance: { name: '张三', meaning: '患者本人签名', signedAt: new Date(), strokes: SAMPLE_INK },
        }),
      );
    }
  }, 120_000);

  it.each(LEVELS)('%s: our verifier reaches exactly that level', async (level) => {
    const report = await verifyPdf(signed.get(level)!, { trustAnchors: [fx.pki.rootCertificate] });
    expect(report.verdict).toBe('VALID');
    const sig = report.signatures.find((s) => s.kind === 'signature')!;
    expect(sig).toMatchObject({ level, intact: true, signatureValid: true, trusted: true });
    expect(report.signatures.filter((s) => s.kind === 'doc-timestamp')).toHaveLength(level === 'B-LTA' ? 1 : 0);
  });

  it.each(LEVELS)('%s: openssl cms -verify accepts the signed byte ranges', (level) => {
    const { file, sigs } = signaturesOf(signed.get(level)!);
    const sig = sigs.find((s) => s.kind === 'signature')!;
    expect(opensslCmsVerify(file, sig, fx.rootPemPath)).toMatch(/Verification successful/);
  });

  it.each(LEVELS)('%s: openssl ts -verify accepts the signature and document time-stamps', (level) => {
    const { file, sigs } = signaturesOf(signed.get(level)!);
    const ts = signatureTimestampOf(sigs.find((s) => s.kind === 'signature')!);
    expect(ts === undefined).toBe(level === 'B-B');
    if (ts) expect(opensslTsVerify(ts.token, ts.imprint, fx.rootPemPath)).toMatch(/Verification: OK/);
    const doc = sigs.find((s) => s.kind === 'doc-timestamp');
    expect(doc === undefined).toBe(level !== 'B-LTA');
    if (doc) {
      expect(opensslTsVerify(trimDer(doc.contents), docTimestampImprint(file, doc), fx.rootPemPath)).toMatch(
        /Verification: OK/,
      );
    }
  });

  it.each(LEVELS)(
    '%s: pdfsig reports the signature valid and the certificate trusted; qpdf finds no errors',
    (level) => {
      const bytes = signed.get(level)!;
      const entries = pdfsig(bytes, nss).filter((e) => e.field === 'Sig1');
      expect(entries).toEqual([
        {
          field: 'Sig1',
          type: 'ETSI.CAdES.detached',
          signature: 'Signature is Valid.',
          certificate: 'Certificate is Trusted.',
        },
      ]);
      expect(qpdfCheck(bytes)).toMatch(/No syntax or stream encoding errors found/);
    },
  );
});
