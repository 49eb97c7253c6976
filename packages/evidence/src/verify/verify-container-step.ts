import { openContainer } from '../container/open-container.js';
import { StepRecorder } from './step-result.js';
import type { VerificationContext, VerificationStep } from './verification-report.js';

/** Step 1: the zip parses within limits, `mimetype` first and stored, `manifest.json` second. */
export function verifyContainerStep(ctx: VerificationContext): VerificationStep {
  const r = new StepRecorder('container');
  try {
    ctx.container = openContainer(ctx.zip, ctx.options.limits);
    r.facts.members = ctx.container.entries.length;
    r.facts.bytes = ctx.zip.byteLength;
  } catch (e) {
    r.failWith(e);
  }
  return r.result();
}
