import { equalBytes } from '../der/der-set.js';
import { PkiError } from '../errors.js';
import type { BuiltinCaKeys } from './builtin-ca-keys.js';
import {
  eventCaProfile,
  evidenceSealProfile,
  ocspProfile,
  type PkiUrls,
  rootProfile,
  tsaProfile,
} from './ca-profiles.js';
import { issueCertificate, parseCertificate, spkiOf } from './issue-certificate.js';
import { b64, PKI_STATE_MEDIA_TYPE, type TPkiState } from './pki-state.js';

export interface BuiltinCertificates {
  root: Uint8Array;
  eventCa: Uint8Array;
  tsa: Uint8Array;
  ocsp: Uint8Array;
  evidenceSeal: Uint8Array;
}

/** Issues the whole hierarchy once, on first use of a data dir. */
export async function issueBuiltinCertificates(
  keys: BuiltinCaKeys,
  now: Date,
  org: string,
  urls: PkiUrls,
): Promise<BuiltinCertificates> {
  const rootIssuer = { signer: keys.root.signer, publicKeyInfo: keys.root.publicKeyInfo };
  const root = await issueCertificate(rootProfile(keys.root.publicKeyInfo, now, org, urls), rootIssuer);
  const byRoot = { ...rootIssuer, certificate: root };
  const eventCa = await issueCertificate(eventCaProfile(keys.eventCa.publicKeyInfo, now, org, urls), byRoot);
  const byEventCa = { certificate: eventCa, signer: keys.eventCa.signer, publicKeyInfo: keys.eventCa.publicKeyInfo };
  return {
    root,
    eventCa,
    tsa: await issueCertificate(tsaProfile(keys.tsa.publicKeyInfo, now, org, urls), byRoot),
    ocsp: await issueCertificate(ocspProfile(keys.ocsp.publicKeyInfo, now, org, urls), byEventCa),
    evidenceSeal: await issueCertificate(evidenceSealProfile(keys.evidenceSeal.publicKeyInfo, now, org, urls), byRoot),
  };
}

export function certificatesFromState(state: TPkiState, keys: BuiltinCaKeys): BuiltinCertificates {
  const certs: BuiltinCertificates = {
    root: b64.decode(state.certificates.root),
    eventCa: b64.decode(state.certificates.eventCa),
    tsa: b64.decode(state.certificates.tsa),
    ocsp: b64.decode(state.certificates.ocsp),
    evidenceSeal: b64.decode(state.certificates.evidenceSeal),
  };
  for (const name of Object.keys(certs) as (keyof BuiltinCertificates)[]) {
    const spki = spkiOf(parseCertificate(certs[name]));
    if (!equalBytes(spki, keys[name].publicKeyInfo)) {
      throw new PkiError('KEYSTORE_CORRUPT', `certificate ${name} does not match its stored key`);
    }
  }
  return certs;
}

export function newPkiState(certs: BuiltinCertificates): TPkiState {
  return {
    mediaType: PKI_STATE_MEDIA_TYPE,
    certificates: {
      root: b64.encode(certs.root),
      eventCa: b64.encode(certs.eventCa),
      tsa: b64.encode(certs.tsa),
      ocsp: b64.encode(certs.ocsp),
      evidenceSeal: b64.encode(certs.evidenceSeal),
    },
    revoked: [],
  };
}
