import type { Keystore } from '../keystore/keystore.js';
import type { EventCredential, KeyAlgorithm } from '../types.js';
import { createCertificationRequest } from './certification-request.js';
import type { EventCertificateClaims } from './event-certificate-profile.js';

/**
 * Contract for a certificate authority that issues event certificates (the built-in CA, or a
 * licensed CA behind an HTTP API). See CONTEXT.md "External CA adapter".
 */
export interface ExternalCaAdapter {
  /**
   * Issues a certificate for the key in `csr` (PKCS#10 DER, self-signed as proof of possession).
   * The subject and extensions come from `claims`, never from the CSR subject. Must reject a CSR
   * whose signature does not verify. Returns the leaf and its issuers up to and including the root.
   */
  issueFromCsr(
    csr: Uint8Array,
    claims: EventCertificateClaims,
  ): Promise<{ certificate: Uint8Array; chain: Uint8Array[] }>;
  /** Roots a verifier should trust for certificates from this CA. */
  trustAnchors(): Promise<Uint8Array[]>;
}

/** Fresh key in the keystore → CSR → CA → credential whose destroy() removes the key. */
export async function issueEventCredential(
  keystore: Keystore,
  ca: ExternalCaAdapter,
  claims: EventCertificateClaims,
  algorithm: KeyAlgorithm = 'ECDSA-P256',
): Promise<EventCredential> {
  const key = await keystore.generateEphemeralKey(algorithm);
  try {
    const csr = await createCertificationRequest(key, claims.name);
    const issued = await ca.issueFromCsr(csr, claims);
    return { certificate: issued.certificate, chain: issued.chain, signer: key.signer, destroy: () => key.destroy() };
  } catch (cause) {
    await key.destroy();
    throw cause;
  }
}
