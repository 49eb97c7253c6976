import { X509Certificate } from 'node:crypto';
import { verifyCadesDetached } from '@inkproof/pki';
import { MEMBER } from '../container/member-names.js';
import { bytesEqual } from '../util/bytes.js';
import { readEvidenceDigestExtension } from './event-certificate-digest.js';
import { carriedCertificates, findUnverifiableCertificates } from './seal-certificates.js';
import { StepRecorder } from './step-result.js';
import type { VerificationContext, VerificationStep } from './verification-report.js';

/**
 * Step 5: seal/manifest.p7s is a CAdES detached signature over the exact manifest bytes by a key chaining to a trust
 * anchor, carrying a valid RFC 3161 signature timestamp (RFC 5126 §6.1.1); the chain is judged at the timestamp's time.
 */
export async function verifySealStep(ctx: VerificationContext): Promise<VerificationStep> {
  const r = new StepRecorder('seal');
  const seal = ctx.container!.member(MEMBER.seal);
  if (!seal) {
    r.fail({ code: 'SEAL_MISSING', message: `${MEMBER.seal} is missing`, member: MEMBER.seal });
    return r.result();
  }
  try {
    const { trustAnchors, revocation } = ctx.options;
    const first = await verifyCadesDetached(seal.bytes, ctx.container!.manifestBytes, {
      trustAnchors,
      ...(revocation ? { revocation } : {}),
    });
    const ts = first.signatureTimestamp;
    // Judge the chain at the time the timestamp proves the seal existed, not at today's date (certificates expire).
    const atTimestamp = ts?.valid && ts.genTime && first.validatedAt?.getTime() !== ts.genTime.getTime();
    const result =
      atTimestamp && ts.genTime
        ? await verifyCadesDetached(seal.bytes, ctx.container!.manifestBytes, {
            trustAnchors,
            at: ts.genTime,
            ...(revocation ? { revocation } : {}),
          })
        : first;
    // Everything the seal carries must verify, even certificates no path uses.
    if (result.valid && findUnverifiableCertificates(carriedCertificates(seal.bytes), trustAnchors) > 0) {
      r.fail({
        code: 'SEAL_INVALID',
        message: 'the seal carries a certificate that does not verify',
        member: MEMBER.seal,
      });
    }
    if (result.signerCertificate) {
      r.facts.sealSigner = new X509Certificate(result.signerCertificate).subject.replace(/\n/g, ', ');
      checkSealSigner(r, result.signerCertificate, ctx.options.sealCertificates);
    }
    if (!result.valid) {
      const codes = result.errors.map((e) => `${e.code}: ${e.message}`);
      r.fail({
        code: 'SEAL_INVALID',
        message: 'the seal does not verify over manifest.json',
        member: MEMBER.seal,
        details: codes,
      });
    }
    if (!ts) {
      r.fail({ code: 'SEAL_TIMESTAMP_MISSING', message: 'the seal has no signature timestamp', member: MEMBER.seal });
    } else if (!ts.valid) {
      r.fail({ code: 'SEAL_TIMESTAMP_INVALID', message: 'the seal timestamp does not verify', member: MEMBER.seal });
    } else {
      r.facts.sealedAt = ts.genTime?.toISOString() ?? '';
    }
  } catch (e) {
    r.fail({ code: 'SEAL_INVALID', message: `the seal cannot be read: ${(e as Error).message}`, member: MEMBER.seal });
  }
  return r.result();
}

/**
 * The seal is the hospital's statement, not a signer's: an event certificate (it carries the evidence-digest
 * extension) chains to the same root but must never seal; with pinned seal certificates, only those may.
 */
function checkSealSigner(r: StepRecorder, signer: Uint8Array, pinned: Uint8Array[] | undefined): void {
  let isEventCertificate = true;
  try {
    isEventCertificate = readEvidenceDigestExtension(signer) !== undefined;
  } catch {
    // unreadable extension: treat as not a seal certificate
  }
  if (isEventCertificate || (pinned && !pinned.some((c) => bytesEqual(c, signer)))) {
    r.fail({
      code: 'SEAL_SIGNER_UNTRUSTED',
      message: 'the seal was not made by an evidence-seal key',
      member: MEMBER.seal,
    });
  }
}
