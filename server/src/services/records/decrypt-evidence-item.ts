import { decryptItem, openContainer, parseManifest } from '@inkproof/evidence';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { BlobStore } from '../../blobs/blob-store';
import type { Db } from '../../db/db';
import { evidenceBundles } from '../../db/schema';
import { AppError } from '../../errors';
import type { Actor } from '../deps';
import { recordAudit } from './record-audit';

/** Items a records user may open; ink is shown without decryption (it comes from the raw submission). */
export const DECRYPTABLE_ITEMS = ['face-photo', 'id-card', 'fingerprint', 'id-card-ocr'] as const;

export const ZDecryptEvidenceItemInputSchema = z.object({
  envelopeId: z.uuid(),
  bundleId: z.uuid(),
  itemId: z.enum(DECRYPTABLE_ITEMS),
  /** Why the item is opened (dispute number, court request …); stored in the audit trail. */
  reason: z.string().trim().min(4).max(300),
});

export type TDecryptEvidenceItemInput = z.infer<typeof ZDecryptEvidenceItemInputSchema>;

/**
 * Opens one encrypted item of a sealed evidence bundle with the escrow key and audit-logs who opened what and why
 * (`records.item_decrypted`) before the plaintext is returned. The decrypted bytes are never stored.
 */
export async function decryptEvidenceItem(
  deps: { db: Db; blobs: BlobStore; escrowKeyPem: string | null },
  actor: Actor,
  input: TDecryptEvidenceItemInput,
): Promise<{ itemId: string; mediaType: string; base64: string; auditId: number }> {
  const { db, blobs } = deps;
  if (!deps.escrowKeyPem) {
    throw new AppError('INVALID_STATE', '本机未配置托管私钥，无法解密 / No escrow key on this server');
  }
  const [bundle] = await db
    .select()
    .from(evidenceBundles)
    .where(and(eq(evidenceBundles.id, input.bundleId), eq(evidenceBundles.envelopeId, input.envelopeId)));
  if (!bundle) throw new AppError('NOT_FOUND', '未找到证据包 / Evidence bundle not found');
  const container = openContainer(await blobs.get(bundle.bundleSha256));
  const manifest = parseManifest(container.manifestBytes);
  const item = manifest.items.find((i) => i.id === input.itemId);
  const member = item ? container.member(item.path) : undefined;
  if (!item || !member) throw new AppError('NOT_FOUND', '证据包中没有该项 / Item not in the bundle');
  const plain = item.encrypted ? decryptItem(member.bytes, deps.escrowKeyPem) : member.bytes;
  const audit = await recordAudit(
    db,
    actor,
    'records.item_decrypted',
    { type: 'envelope', id: input.envelopeId },
    {
      bundleId: bundle.id,
      itemId: item.id,
      itemKind: item.kind,
      reason: input.reason,
    },
  );
  return {
    itemId: item.id,
    mediaType: item.mediaType,
    base64: Buffer.from(plain).toString('base64'),
    auditId: audit.id,
  };
}
