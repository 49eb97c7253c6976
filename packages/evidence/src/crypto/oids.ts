/** Object identifiers used by the item envelopes (RFC 5652, RFC 3560, RFC 5753, RFC 3565, RFC 5083, RFC 5084). */
export const OID = {
  data: '1.2.840.113549.1.7.1',
  envelopedData: '1.2.840.113549.1.7.3',
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsaesOaep: '1.2.840.113549.1.1.7',
  ecPublicKey: '1.2.840.10045.2.1',
  prime256v1: '1.2.840.10045.3.1.7',
  aes256Cbc: '2.16.840.1.101.3.4.1.42',
  aes256Gcm: '2.16.840.1.101.3.4.1.46',
  authEnvelopedData: '1.2.840.113549.1.9.16.1.23',
  aes256Wrap: '2.16.840.1.101.3.4.1.45',
  /** dhSinglePass-stdDH-sha256kdf-scheme (RFC 5753 §7.1.4 / SEC 1). */
  ecdhStdSha256Kdf: '1.3.132.1.11.1',
} as const;
