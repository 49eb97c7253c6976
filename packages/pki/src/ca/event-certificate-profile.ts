import { OID } from '../der/oids.js';
import { PkiError } from '../errors.js';
import type { PkiUrls } from './ca-profiles.js';
import { buildName } from './distinguished-name.js';
import { evidenceDigestExtension } from './evidence-digest-extension.js';
import {
  authorityInfoAccess,
  basicConstraints,
  certificatePolicies,
  crlDistributionPoint,
  extendedKeyUsage,
  keyUsage,
} from './extensions.js';
import type { CertificateTemplate } from './issue-certificate.js';

/** What an event certificate asserts about the signer (never the raw ID number). */
export interface EventCertificateClaims {
  name: string;
  role: string;
  relationship?: string;
  idNumberHash?: string;
  evidenceDigest?: Uint8Array;
  validityMinutes?: number;
}

export const DEFAULT_EVENT_VALIDITY_MINUTES = 60;
/** Tolerates clock skew between the CA and the signature-timestamp TSA. */
const BACKDATE_MS = 60_000;

export function eventSubjectTitle(claims: EventCertificateClaims): string {
  return claims.relationship ? `${claims.role} (${claims.relationship})` : claims.role;
}

/**
 * Event (leaf) certificate: CN "name (role)", title = role (+ relationship), serialNumber = salted ID hash;
 * KU digitalSignature + nonRepudiation; EKU emailProtection + documentSigning (documentSigning alone makes
 * pdfsig and `openssl cms` refuse the certificate — STANDARDS.md).
 */
export function eventCertificateTemplate(
  spki: Uint8Array,
  claims: EventCertificateClaims,
  now: Date,
  org: string,
  urls: PkiUrls,
  opts: { aiaOcsp?: boolean } = {},
): CertificateTemplate {
  if (!claims.name.trim() || !claims.role.trim()) throw new PkiError('INVALID_ARGUMENT', 'name and role are required');
  if (claims.idNumberHash !== undefined && !/^(?:[0-9a-fA-F]{2}){16,64}$/.test(claims.idNumberHash)) {
    // Guard against a raw ID number slipping through (18 digits are valid hex): only a hex digest of
    // at least 128 bits is accepted.
    throw new PkiError('INVALID_ARGUMENT', 'idNumberHash must be a hex digest of 16-64 bytes');
  }
  const minutes = claims.validityMinutes ?? DEFAULT_EVENT_VALIDITY_MINUTES;
  if (!(minutes > 0 && minutes <= 60 * 24 * 366))
    throw new PkiError('INVALID_ARGUMENT', 'validityMinutes out of range');
  const extensions = [
    basicConstraints(false),
    keyUsage(['digitalSignature', 'nonRepudiation']),
    extendedKeyUsage([OID.ekuEmailProtection, OID.ekuDocumentSigning], false),
    certificatePolicies(OID.eventCertificatePolicy),
    crlDistributionPoint(urls.eventCaCrl),
    authorityInfoAccess({ ...(opts.aiaOcsp === false ? {} : { ocsp: urls.ocsp }), caIssuers: urls.eventCaCert }),
  ];
  if (claims.evidenceDigest) extensions.push(evidenceDigestExtension(claims.evidenceDigest));
  return {
    subject: buildName({
      commonName: `${claims.name} (${claims.role})`,
      title: eventSubjectTitle(claims),
      organization: org,
      country: 'CN',
      ...(claims.idNumberHash ? { serialNumber: claims.idNumberHash.toLowerCase() } : {}),
    }),
    publicKeyInfo: spki,
    notBefore: new Date(now.getTime() - BACKDATE_MS),
    notAfter: new Date(now.getTime() + minutes * 60_000),
    extensions,
  };
}
