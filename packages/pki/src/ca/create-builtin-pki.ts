import { join } from 'node:path';
import { toPem } from '../der/der-codec.js';
import { bytesToHex } from '../der/der-integer.js';
import { PkiError } from '../errors.js';
import { hashLength } from '../hash.js';
import { createFileKeystore } from '../keystore/file-keystore.js';
import type { Keystore } from '../keystore/keystore.js';
import { randomNonce } from '../tsp/timestamp-request.js';
import { issueTimestampToken, respondToTimestampRequest, type TsaIdentity } from '../tsp/tsa-responder.js';
import type { BuiltinPki } from '../types.js';
import { developmentPassphrase, loadBuiltinCaKeys } from './builtin-ca-keys.js';
import { certificatesFromState, issueBuiltinCertificates, newPkiState } from './builtin-certificates.js';
import { createBuiltinEventCa } from './builtin-event-ca.js';
import { createBuiltinRevocation } from './builtin-revocation.js';
import { pkiUrls } from './ca-profiles.js';
import { issueEventCredential } from './external-ca-adapter.js';
import { withInitLock } from './init-lock.js';
import { parseCertificate } from './issue-certificate.js';
import { readPkiState, type TPkiState, writePkiState } from './pki-state.js';

export const DEFAULT_PUBLIC_BASE_URL = 'http://127.0.0.1:3000';

export interface BuiltinPkiOptions {
  /** Data dir: `pki-state.json` (certificates, revocations) and `keys/` (encrypted PKCS#8). */
  dir: string;
  /** Keystore passphrase; without one a development passphrase is generated under `dir/keys`. */
  passphrase?: string;
  /** Base of the CRLDP/AIA URLs written into certificates (`${publicBaseUrl}/pki/...`). */
  publicBaseUrl?: string;
  clock?: () => Date;
  /** Organisation name in CA subjects. */
  organization?: string;
  /**
   * Put the OCSP URL into event certificates' AIA (default true). pdfsig fetches it live and reports
   * "Unknown issue with Certificate" when the responder is down; the DSS carries OCSP answers either way.
   */
  aiaOcsp?: boolean;
  /** Use this keystore (e.g. PKCS#11) instead of encrypted files under `dir/keys`. */
  keystore?: Keystore;
}

/** Opens (or creates on first use) the built-in CA, TSA, OCSP responder and evidence seal in `dir`. */
export async function createBuiltinPki(opts: BuiltinPkiOptions): Promise<BuiltinPki & BuiltinPkiExtras> {
  const clock = opts.clock ?? (() => new Date());
  const publicBaseUrl = (opts.publicBaseUrl ?? DEFAULT_PUBLIC_BASE_URL).replace(/\/+$/, '');
  const urls = pkiUrls(publicBaseUrl);
  const org = opts.organization ?? 'inkproof';
  const keystore =
    opts.keystore ??
    createFileKeystore({
      dir: join(opts.dir, 'keys'),
      passphrase: opts.passphrase ?? (await developmentPassphrase(opts.dir)),
    });
  const open = async () => {
    const keys = await loadBuiltinCaKeys(keystore);
    const existing = await readPkiState(opts.dir);
    if (existing) return { keys, state: existing, certs: certificatesFromState(existing, keys) };
    const certs = await issueBuiltinCertificates(keys, clock(), org, urls);
    const state = newPkiState(certs);
    await writePkiState(opts.dir, state);
    return { keys, state, certs };
  };
  const { keys, state, certs } = (await readPkiState(opts.dir)) ? await open() : await withInitLock(opts.dir, open);
  const latestState = async (): Promise<TPkiState> => (await readPkiState(opts.dir)) ?? state;
  const revocation = createBuiltinRevocation({ certs, keys, state: latestState, clock });
  const eventCa = createBuiltinEventCa({
    certs,
    keys,
    clock,
    org,
    urls,
    ...(opts.aiaOcsp === undefined ? {} : { aiaOcsp: opts.aiaOcsp }),
  });
  const tsaIdentity: TsaIdentity = {
    signer: keys.tsa.signer,
    certificate: certs.tsa,
    chain: [certs.root],
    clock,
  };

  return {
    publicBaseUrl,
    rootCertificate: certs.root,
    rootPem: toPem(certs.root),
    eventCaCertificate: certs.eventCa,
    tsaCertificate: certs.tsa,
    ocspCertificate: certs.ocsp,
    evidenceSeal: { certificate: certs.evidenceSeal, chain: [certs.root], signer: keys.evidenceSeal.signer },
    tsa: {
      async timestamp(imprint, hashAlgorithm = 'SHA-256') {
        if (imprint.length !== hashLength(hashAlgorithm)) throw new PkiError('INVALID_ARGUMENT', 'imprint length');
        return issueTimestampToken(tsaIdentity, { imprint, hashAlgorithm, nonce: randomNonce(), certReq: true });
      },
    },
    eventCa,
    keystore,
    issueEventCertificate: (req) => issueEventCredential(keystore, eventCa, req, req.algorithm ?? 'ECDSA-P256'),
    revocationData: revocation.revocationData,
    crl: revocation.crl,
    ocspRespond: revocation.ocspRespond,
    tsaRespond: (requestDer) => respondToTimestampRequest(tsaIdentity, requestDer),
    async revoke(certificate, at) {
      const cert = parseCertificate(certificate);
      const issuer = revocation.issuerOf(cert);
      if (!issuer) throw new PkiError('INVALID_ARGUMENT', 'certificate was not issued by this PKI');
      const serialHex = bytesToHex(new Uint8Array(cert.serialNumber.valueBlock.valueHexView));
      const entry = { issuer, serialHex, revokedAt: (at ?? clock()).toISOString() };
      const current = await latestState();
      await writePkiState(opts.dir, {
        ...current,
        revoked: [...current.revoked.filter((r) => r.serialHex !== serialHex), entry],
      });
    },
    close: () => keystore.close(),
  };
}

/** Members beyond the shared contract, for the server and the CLI. */
export interface BuiltinPkiExtras {
  /** The built-in Event CA behind the external-CA interface. */
  eventCa: import('./external-ca-adapter.js').ExternalCaAdapter;
  keystore: Keystore;
}
