import { decryptItem } from '../crypto/decrypt-item.js';
import type { TManifestItem } from '../manifest/manifest-schema.js';
import { sha256, toHex } from '../util/bytes.js';
import type { CourtReportContext } from './court-report-context.js';

export type OpenedItem =
  | { status: 'open'; bytes: Uint8Array }
  | { status: 'escrowed' | 'missing' | 'undecryptable' | 'digest-mismatch' };

/**
 * The plaintext of one item, decrypted with the escrow key when it is encrypted, shown only when it hashes to the
 * manifest's plaintext digest (a report must never display content the seal does not cover).
 */
export function openEscrowedItem(ctx: CourtReportContext, item: TManifestItem): OpenedItem {
  const stored = ctx.container?.member(item.path)?.bytes;
  if (!stored) return { status: 'missing' };
  let bytes = stored;
  if (item.encrypted) {
    if (!ctx.input.escrowKey) return { status: 'escrowed' };
    try {
      bytes = decryptItem(stored, ctx.input.escrowKey);
    } catch {
      return { status: 'undecryptable' };
    }
  }
  return toHex(sha256(bytes)) === item.sha256 ? { status: 'open', bytes } : { status: 'digest-mismatch' };
}

export const NOT_SHOWN: Record<Exclude<OpenedItem['status'], 'open'>, string> = {
  escrowed:
    '已加密托管，需托管密钥方可显示 / escrowed (encrypted to the records-escrow key); shown only with the escrow key',
  missing: '证据包中缺少该项 / missing from the bundle',
  undecryptable: '托管密钥无法解密 / the escrow key does not open it',
  'digest-mismatch': '解密内容与清单摘要不符，不予显示 / plaintext does not match the manifest digest; not shown',
};
