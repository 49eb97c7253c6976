/** Object identifiers used across the package, with their defining documents. */
export const OID = {
  // RFC 5652 / RFC 5911
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  // RFC 2634 / RFC 5035
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  // RFC 3161 Appendix A / ETSI EN 319 122-1
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  // digests
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  sm3: '1.2.156.10197.1.401',
  // signatures
  ecPublicKey: '1.2.840.10045.2.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  ecdsaWithSha384: '1.2.840.10045.4.3.3',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  rsassaPss: '1.2.840.113549.1.1.10',
  mgf1: '1.2.840.113549.1.1.8',
  sm2WithSm3: '1.2.156.10197.1.501',
  // curves
  p256: '1.2.840.10045.3.1.7',
  p384: '1.3.132.0.34',
  sm2Curve: '1.2.156.10197.1.301',
  // RFC 5280 extensions
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  crlDistributionPoints: '2.5.29.31',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  crlNumber: '2.5.29.20',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
  adOcsp: '1.3.6.1.5.5.7.48.1',
  adCaIssuers: '1.3.6.1.5.5.7.48.2',
  // EKUs
  ekuEmailProtection: '1.3.6.1.5.5.7.3.4',
  ekuTimeStamping: '1.3.6.1.5.5.7.3.8',
  ekuOcspSigning: '1.3.6.1.5.5.7.3.9',
  ekuDocumentSigning: '1.3.6.1.5.5.7.3.36',
  // RFC 6960
  ocspBasic: '1.3.6.1.5.5.7.48.1.1',
  ocspNonce: '1.3.6.1.5.5.7.48.1.2',
  ocspNoCheck: '1.3.6.1.5.5.7.48.1.5',
  // X.520 attribute types
  commonName: '2.5.4.3',
  serialNumber: '2.5.4.5',
  countryName: '2.5.4.6',
  organizationName: '2.5.4.10',
  organizationalUnitName: '2.5.4.11',
  title: '2.5.4.12',
  /**
   * Private arc for inkproof objects. 1.3.6.1.4.1.55555 is not registered with IANA for this
   * product; a deployment with its own PEN replaces it (see CONTEXT.md). Everything below stays
   * relative to this arc.
   */
  inkproofArc: '1.3.6.1.4.1.55555.7',
  /** EvidenceDigest extension, ASN.1 in ca/evidence-digest-extension.ts. */
  evidenceDigestExtension: '1.3.6.1.4.1.55555.7.1.1',
  /** Built-in TSA policy. */
  tsaPolicy: '1.3.6.1.4.1.55555.7.2.1',
  /** Event-certificate policy. */
  eventCertificatePolicy: '1.3.6.1.4.1.55555.7.3.1',
} as const;
