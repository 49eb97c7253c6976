import { X509Certificate } from 'node:crypto';
import { EvidenceError } from '../errors.js';
import { computeEvidenceDigest } from '../manifest/evidence-digest.js';
import { fromBase64, toHex } from '../util/bytes.js';
import { readEvidenceDigestExtension } from './event-certificate-digest.js';
import { StepRecorder } from './step-result.js';
import type { VerificationContext, VerificationStep } from './verification-report.js';

/**
 * Step 6: the event certificate binds this evidence — its evidence-digest extension equals the manifest's
 * evidenceDigest, and that value is recomputed from the manifest's own claims, timeline, device and item digests.
 */
export function verifyEventCertificateStep(ctx: VerificationContext): VerificationStep {
  const r = new StepRecorder('event-certificate');
  const m = ctx.manifest!;
  const recomputed = computeEvidenceDigest({
    signer: m.signer,
    timeline: m.timeline,
    device: m.device,
    items: m.items,
    documents: m.documents,
  });
  if (recomputed !== m.evidenceDigest) {
    r.fail({ code: 'EVENT_DIGEST_MISMATCH', message: 'manifest evidenceDigest does not match its own content' });
  }
  try {
    const der = fromBase64(m.eventCertificate);
    const x = new X509Certificate(der);
    r.facts.subject = x.subject.replace(/\n/g, ', ');
    // A fact, not a rule: external CAs format subjects their own way.
    r.facts.subjectNamesSigner = x.subject.includes(m.signer.name);
    r.facts.serialNumber = x.serialNumber;
    r.facts.validFrom = new Date(x.validFrom).toISOString();
    r.facts.validTo = new Date(x.validTo).toISOString();
  } catch (cause) {
    r.failWith(new EvidenceError('EVENT_CERTIFICATE_INVALID', 'event certificate is not X.509 DER', { cause }));
    return r.result();
  }
  try {
    const bound = readEvidenceDigestExtension(fromBase64(m.eventCertificate));
    if (!bound) {
      r.fail({ code: 'EVENT_DIGEST_MISSING', message: 'event certificate has no evidence-digest extension' });
    } else if (toHex(bound) !== m.evidenceDigest) {
      r.fail({ code: 'EVENT_DIGEST_MISMATCH', message: 'event certificate is bound to different evidence' });
    } else {
      r.facts.evidenceDigest = toHex(bound);
    }
  } catch (e) {
    r.failWith(e);
  }
  return r.result();
}
