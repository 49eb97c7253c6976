import type { KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BuiltinPki, createBuiltinPki, createTimestampClient, type TimestampClient } from '@inkproof/pki';
import { type EscrowMaterial, loadEscrow } from './escrow-keys';
import { loadLogKey } from './log-key';

/** Keys, CA and TSA the sealing pipeline uses. Built once per process, lazily (key generation on first start). */
export interface TrustServices {
  pki: BuiltinPki;
  /** External RFC 3161 TSAs when configured (failover in order), otherwise the built-in TSA. */
  tsa: TimestampClient;
  escrow: EscrowMaterial;
  logKey: { privateKey: KeyObject; publicKey: KeyObject };
  close(): Promise<void>;
}

export async function createTrustServices(opts: {
  dataDir: string;
  passphrase: string;
  publicUrl: string;
  tsaUrls: string[];
  /** PEM file with the root certificate(s) external TSAs must chain to. */
  tsaTrustPath?: string | undefined;
  escrowCertPath?: string | undefined;
  escrowKeyPath?: string | undefined;
  clock?: () => Date;
}): Promise<TrustServices> {
  const pki = await createBuiltinPki({
    dir: join(opts.dataDir, 'pki'),
    passphrase: opts.passphrase,
    publicBaseUrl: opts.publicUrl,
    ...(opts.clock ? { clock: opts.clock } : {}),
  });
  const tsa = opts.tsaUrls.length
    ? createTimestampClient({
        urls: opts.tsaUrls,
        trustAnchors: opts.tsaTrustPath ? readPemCertificates(opts.tsaTrustPath) : [pki.rootCertificate],
      })
    : pki.tsa;
  return {
    pki,
    tsa,
    escrow: await loadEscrow(join(opts.dataDir, 'escrow'), {
      certPath: opts.escrowCertPath,
      keyPath: opts.escrowKeyPath,
    }),
    logKey: loadLogKey(join(opts.dataDir, 'tlog')),
    close: () => pki.close(),
  };
}

function readPemCertificates(path: string): Uint8Array[] {
  const pem = readFileSync(path, 'utf8');
  return [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/g)].map(
    (m) => new Uint8Array(Buffer.from(m[1]!.replace(/\s/g, ''), 'base64')),
  );
}
