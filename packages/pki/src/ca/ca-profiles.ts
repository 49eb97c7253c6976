import type * as pkijs from 'pkijs';
import { OID } from '../der/oids.js';
import { buildName } from './distinguished-name.js';
import {
  authorityInfoAccess,
  basicConstraints,
  certificatePolicies,
  crlDistributionPoint,
  extendedKeyUsage,
  keyUsage,
  ocspNoCheck,
} from './extensions.js';
import type { CertificateTemplate } from './issue-certificate.js';

/** Where the built-in PKI publishes its objects (served by the server under /pki/...). */
export interface PkiUrls {
  rootCrl: string;
  rootCert: string;
  eventCaCrl: string;
  eventCaCert: string;
  ocsp: string;
  tsa: string;
}

export function pkiUrls(publicBaseUrl: string): PkiUrls {
  const base = `${publicBaseUrl.replace(/\/+$/, '')}/pki`;
  return {
    rootCrl: `${base}/root.crl`,
    rootCert: `${base}/root.cer`,
    eventCaCrl: `${base}/event-ca.crl`,
    eventCaCert: `${base}/event-ca.cer`,
    ocsp: `${base}/ocsp`,
    tsa: `${base}/tsa`,
  };
}

const YEAR_MS = 365 * 24 * 3600 * 1000;

function span(now: Date, years: number): { notBefore: Date; notAfter: Date } {
  return { notBefore: new Date(now.getTime() - 60_000), notAfter: new Date(now.getTime() + years * YEAR_MS) };
}

type Profile = (spki: Uint8Array, now: Date, org: string, urls: PkiUrls) => CertificateTemplate;

function template(
  spki: Uint8Array,
  subject: pkijs.RelativeDistinguishedNames,
  times: { notBefore: Date; notAfter: Date },
  extensions: pkijs.Extension[],
): CertificateTemplate {
  return { subject, publicKeyInfo: spki, ...times, extensions };
}

/** Root: P-384, 20 years, pathLen 1 (root → Event CA → leaf). */
export const rootProfile: Profile = (spki, now, org) =>
  template(spki, buildName({ commonName: `${org} Root CA`, organization: org, country: 'CN' }), span(now, 20), [
    basicConstraints(true, 1),
    keyUsage(['keyCertSign', 'cRLSign']),
  ]);

export const eventCaProfile: Profile = (spki, now, org, urls) =>
  template(spki, buildName({ commonName: `${org} Event CA`, organization: org, country: 'CN' }), span(now, 10), [
    basicConstraints(true, 0),
    keyUsage(['keyCertSign', 'cRLSign']),
    crlDistributionPoint(urls.rootCrl),
    authorityInfoAccess({ caIssuers: urls.rootCert }),
  ]);

/** RFC 3161 §2.3: exactly one EKU, id-kp-timeStamping, marked critical. */
export const tsaProfile: Profile = (spki, now, org, urls) =>
  template(
    spki,
    buildName({ commonName: `${org} Time-Stamping Authority`, organization: org, country: 'CN' }),
    span(now, 10),
    [
      basicConstraints(false),
      keyUsage(['digitalSignature', 'nonRepudiation']),
      extendedKeyUsage([OID.ekuTimeStamping], true),
      crlDistributionPoint(urls.rootCrl),
      authorityInfoAccess({ caIssuers: urls.rootCert }),
    ],
  );

/** RFC 6960 §4.2.2.2: delegated responder issued by the Event CA, with id-pkix-ocsp-nocheck. */
export const ocspProfile: Profile = (spki, now, org, urls) =>
  template(spki, buildName({ commonName: `${org} OCSP Responder`, organization: org, country: 'CN' }), span(now, 2), [
    basicConstraints(false),
    keyUsage(['digitalSignature']),
    extendedKeyUsage([OID.ekuOcspSigning], false),
    ocspNoCheck(),
    authorityInfoAccess({ caIssuers: urls.eventCaCert }),
  ]);

/** The hospital's evidence-seal key: signs evidence bundles (CMS), no EKU so every validator accepts it. */
export const evidenceSealProfile: Profile = (spki, now, org, urls) =>
  template(spki, buildName({ commonName: `${org} Evidence Seal`, organization: org, country: 'CN' }), span(now, 10), [
    basicConstraints(false),
    keyUsage(['digitalSignature', 'nonRepudiation']),
    crlDistributionPoint(urls.rootCrl),
    authorityInfoAccess({ caIssuers: urls.rootCert }),
  ]);

export { certificatePolicies };
