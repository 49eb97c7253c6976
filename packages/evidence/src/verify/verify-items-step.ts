import { digestHex } from '../util/digests.js';
import { StepRecorder } from './step-result.js';
import type { VerificationContext, VerificationStep } from './verification-report.js';

/**
 * Step 4: every item's stored bytes match the sealed manifest — the envelope digest for encrypted items (CBC has no
 * integrity of its own, so this is what protects ciphertext), the plaintext digests (SHA-256, SM3) otherwise.
 */
export function verifyItemsStep(ctx: VerificationContext): VerificationStep {
  const r = new StepRecorder('items');
  for (const item of ctx.manifest!.items) {
    const entry = ctx.container!.member(item.path);
    if (!entry) {
      r.fail({ code: 'ITEM_MEMBER_MISSING', message: `${item.path} is missing`, member: item.path });
      continue;
    }
    const expectedSize = item.encryption ? item.encryption.size : item.size;
    if (entry.bytes.byteLength !== expectedSize) {
      r.fail({ code: 'ITEM_SIZE_MISMATCH', message: `${item.path} has the wrong size`, member: item.path });
    }
    if (item.encryption) {
      if (digestHex(entry.bytes, 'SHA-256') !== item.encryption.sha256) {
        r.fail({
          code: 'ENCRYPTED_DIGEST_MISMATCH',
          message: `${item.path}: envelope digest differs`,
          member: item.path,
        });
      }
      continue;
    }
    const sha256Ok = digestHex(entry.bytes, 'SHA-256') === item.sha256;
    const sm3Ok = item.sm3 === undefined || digestHex(entry.bytes, 'SM3') === item.sm3;
    if (!sha256Ok || !sm3Ok) {
      r.fail({ code: 'ITEM_DIGEST_MISMATCH', message: `${item.path}: digest differs`, member: item.path });
    }
  }
  r.facts.items = ctx.manifest!.items.length;
  r.facts.encrypted = ctx.manifest!.items.filter((i) => i.encrypted).length;
  return r.result();
}
