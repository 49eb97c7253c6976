import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BuiltinPki, createBuiltinPki, type EventCredential, type KeyAlgorithm } from '@inkproof/pki';
import { type PadesLevel, type SignPdfOptions, signPdf } from '../../src/index.js';

export interface PkiFixture {
  pki: BuiltinPki;
  dir: string;
  rootPemPath: string;
  sign(
    pdf: Uint8Array,
    level: PadesLevel,
    extra?: Partial<SignPdfOptions> & { algorithm?: KeyAlgorithm; role?: string },
  ): Promise<Uint8Array>;
}

/** A throw-away built-in CA + TSA in a temp dir, and a signing helper with a fresh event certificate per call. */
export async function createPkiFixture(): Promise<PkiFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-pki-'));
  const pki = await createBuiltinPki({ dir: join(dir, 'pki') });
  const rootPemPath = join(dir, 'root.pem');
  writeFileSync(rootPemPath, pki.rootPem);
  return {
    pki,
    dir,
    rootPemPath,
    async sign(pdf, level, extra = {}) {
      const { algorithm, role, ...rest } = extra;
      const cred: EventCredential = await pki.issueEventCertificate({
        name: '张三',
        role: role ?? 'patient',
        algorithm,
      });
      try {
        return await signPdf(pdf, {
          signer: cred.signer,
          certificate: cred.certificate,
          chain: cred.chain,
          level,
          tsa: pki.tsa,
          revocation: (certs) => pki.revocationData(certs),
          ...rest,
        });
      } finally {
        await cred.destroy();
      }
    },
  };
}
