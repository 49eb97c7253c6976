import { decryptItem } from '../crypto/decrypt-item.js';
import { digestHex } from '../util/digests.js';
import { StepRecorder, skipped } from './step-result.js';
import type { VerificationContext, VerificationStep } from './verification-report.js';

/** Step 9 (with the escrow key): every encrypted item opens, and its plaintext matches the sealed size and digests. */
export function verifyEscrowStep(ctx: VerificationContext): VerificationStep {
  const key = ctx.options.escrowKey;
  if (key === undefined) return skipped('escrow', 'no escrow key supplied');
  const r = new StepRecorder('escrow');
  let opened = 0;
  for (const item of ctx.manifest!.items.filter((i) => i.encrypted)) {
    const entry = ctx.container!.member(item.path);
    if (!entry) continue; // reported by the items step
    let plain: Uint8Array;
    try {
      plain = decryptItem(entry.bytes, key);
    } catch (e) {
      r.fail({ code: 'ESCROW_DECRYPT_FAILED', message: `${item.path}: ${(e as Error).message}`, member: item.path });
      continue;
    }
    const ok =
      plain.byteLength === item.size &&
      digestHex(plain, 'SHA-256') === item.sha256 &&
      (item.sm3 === undefined || digestHex(plain, 'SM3') === item.sm3);
    if (!ok)
      r.fail({ code: 'ESCROW_PLAINTEXT_MISMATCH', message: `${item.path}: plaintext differs`, member: item.path });
    else opened++;
  }
  r.facts.opened = opened;
  return r.result();
}
