import { parseManifest } from '../manifest/parse-manifest.js';
import { sha256, toHex } from '../util/bytes.js';
import { StepRecorder } from './step-result.js';
import type { VerificationContext, VerificationStep } from './verification-report.js';

/** Step 2: manifest.json is canonical JSON of a known version and matches its schema. */
export function verifyManifestStep(ctx: VerificationContext): VerificationStep {
  const r = new StepRecorder('manifest');
  const bytes = ctx.container!.manifestBytes;
  r.facts.sha256 = toHex(sha256(bytes));
  try {
    ctx.manifest = parseManifest(bytes);
    r.facts.mediaType = ctx.manifest.mediaType;
    r.facts.bundleId = ctx.manifest.bundleId;
  } catch (e) {
    r.failWith(e, 'manifest.json');
  }
  return r.result();
}
