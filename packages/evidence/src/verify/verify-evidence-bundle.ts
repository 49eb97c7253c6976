import { skipped } from './step-result.js';
import type {
  EvidenceVerificationReport,
  VerificationContext,
  VerificationStep,
  VerifyEvidenceOptions,
} from './verification-report.js';
import { verifyContainerStep } from './verify-container-step.js';
import { verifyDocumentsStep } from './verify-documents-step.js';
import { verifyEscrowStep } from './verify-escrow-step.js';
import { verifyEventCertificateStep } from './verify-event-certificate-step.js';
import { verifyItemsStep } from './verify-items-step.js';
import { verifyLogStep } from './verify-log-step.js';
import { verifyManifestStep } from './verify-manifest-step.js';
import { verifyMembersStep } from './verify-members-step.js';
import { verifySealStep } from './verify-seal-step.js';

/**
 * Verifies an evidence bundle as a pipeline of small steps. Steps after the manifest run independently, so one
 * tampered member shows up under its own step and code while the rest of the report stays informative.
 * Never throws for bad input: every problem becomes a coded issue in the report.
 */
export async function verifyEvidenceBundle(
  zip: Uint8Array,
  options: VerifyEvidenceOptions,
): Promise<EvidenceVerificationReport> {
  const ctx: VerificationContext = { zip, options };
  const steps: VerificationStep[] = [verifyContainerStep(ctx)];
  if (ctx.container) steps.push(verifyManifestStep(ctx));
  if (!ctx.manifest) {
    const done = new Set(steps.map((s) => s.step));
    for (const name of [
      'manifest',
      'members',
      'items',
      'seal',
      'event-certificate',
      'documents',
      'log',
      'escrow',
    ] as const) {
      if (!done.has(name)) steps.push(skipped(name, 'container or manifest unreadable'));
    }
    return { valid: false, steps };
  }
  steps.push(verifyMembersStep(ctx), verifyItemsStep(ctx));
  steps.push(await verifySealStep(ctx));
  steps.push(verifyEventCertificateStep(ctx));
  steps.push(await verifyDocumentsStep(ctx));
  steps.push(await verifyLogStep(ctx));
  steps.push(verifyEscrowStep(ctx));
  const manifestStep = steps.find((s) => s.step === 'manifest');
  return {
    valid: steps.every((s) => s.status !== 'fail'),
    bundleId: ctx.manifest.bundleId,
    manifestSha256: String(manifestStep?.facts.sha256 ?? ''),
    steps,
  };
}

/** Every error code in a report, in step order — convenient for CLIs and tests. */
export function reportErrorCodes(report: EvidenceVerificationReport): string[] {
  return report.steps.flatMap((s) => s.errors.map((e) => e.code));
}
