import { PkiError } from '../errors.js';
import { digest } from '../hash.js';
import { verifyTimestampToken } from '../tsp/verify-timestamp-token.js';
import type { CmsVerification, RevocationData, VerificationIssue } from '../types.js';
import { buildChain } from '../validation/build-chain.js';
import { checkRevocation } from '../validation/check-revocation.js';
import { parseSignedData } from './parse-signed-data.js';
import { issue, verifySignerInfo } from './verify-signer-info.js';

export interface VerifyCadesOptions {
  trustAnchors: Uint8Array[];
  /** Validation time; default: the signature-timestamp genTime when a valid one is present, else now. */
  at?: Date;
  /** When given, every non-anchor chain certificate needs a status from it. */
  revocation?: RevocationData;
  /** Extra certificates for chain building (e.g. DSS /Certs). */
  certificates?: Uint8Array[];
}

/**
 * Verifies a detached CAdES signature: signer info (digest, signature, ESSCertIDv2), the optional
 * signature-time-stamp, the chain to a trust anchor at the validation time, and revocation.
 */
export async function verifyCadesDetached(
  cms: Uint8Array,
  content: Uint8Array | { digest: Uint8Array },
  opts: VerifyCadesOptions,
): Promise<CmsVerification> {
  let parsed: ReturnType<typeof parseSignedData>;
  try {
    parsed = parseSignedData(cms);
  } catch (cause) {
    const code = cause instanceof PkiError ? cause.code : 'CMS_INVALID';
    return { valid: false, chain: [], validatedAt: opts.at ?? new Date(), errors: [issue(code, 'unreadable CMS')] };
  }
  const signer = verifySignerInfo(parsed, (hash) =>
    content instanceof Uint8Array ? digest(hash, content) : content.digest,
  );
  const errors: VerificationIssue[] = [...signer.errors];
  let signatureTimestamp: CmsVerification['signatureTimestamp'];
  const token = parsed.signatureTimestampToken;
  if (token && signer.hashAlgorithm) {
    const tv = await verifyTimestampToken(token, digest(signer.hashAlgorithm, signer.signature), {
      trustAnchors: opts.trustAnchors,
      ...(opts.certificates ? { certificates: opts.certificates } : {}),
    });
    signatureTimestamp = { ...(tv.genTime ? { genTime: tv.genTime } : {}), valid: tv.valid, token, errors: tv.errors };
    if (!tv.valid) errors.push(issue('TIMESTAMP_INVALID', 'signature timestamp does not verify'));
  }
  const validatedAt = opts.at ?? (signatureTimestamp?.valid ? signatureTimestamp.genTime : undefined) ?? new Date();
  const leaf = parsed.signerCertificate;
  let chain: Uint8Array[] = [];
  if (leaf) {
    const built = buildChain(
      leaf,
      [...parsed.certificates, ...(opts.certificates ?? [])],
      opts.trustAnchors,
      validatedAt,
    );
    chain = built.chain;
    errors.push(...built.errors);
    if (opts.revocation && built.errors.every((e) => e.code !== 'CHAIN_INVALID')) {
      errors.push(...checkRevocation(chain, opts.revocation, validatedAt));
    }
  }
  return {
    valid: errors.length === 0,
    ...(leaf ? { signerCertificate: leaf } : {}),
    chain,
    validatedAt,
    ...(signer.signingTime ? { signingTime: signer.signingTime } : {}),
    ...(signatureTimestamp ? { signatureTimestamp } : {}),
    errors,
  };
}
