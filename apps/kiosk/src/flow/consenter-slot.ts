import type { TEnvelopeSummary } from '../api/device-schemas';

/** Roles that sign from the console, never at the bedside. */
export const STAFF_ROLES: ReadonlySet<string> = new Set(['doctor', 'witness', 'nurse']);
const OPEN_STATUSES: ReadonlySet<string> = new Set(['sent', 'opened', 'signing']);

/** A signer slot the bedside can still fill: a consenter (not staff) who has neither signed nor declined. */
export function isOpenConsenterSlot(signer: { role: string; status?: string | null | undefined }): boolean {
  return !STAFF_ROLES.has(signer.role) && signer.status !== 'signed' && signer.status !== 'declined';
}

/** The envelope signer slot a bedside sitting fills: the first open consenter slot. */
export function pickSignerSlot<T extends { role: string; status?: string | null | undefined }>(envelope: {
  signers: T[];
}): T | undefined {
  return envelope.signers.find(isOpenConsenterSlot);
}

/**
 * The envelope the idle screen offers: the first open one with a consenter slot left (an envelope where only staff
 * still have to sign — the doctor signs from the console — is not offered) and no finished sitting for it still
 * waiting in the outbox.
 */
export function pickOfferedEnvelope(
  pending: readonly TEnvelopeSummary[],
  queuedEnvelopeIds: readonly string[],
): TEnvelopeSummary | undefined {
  return pending.find(
    (p) => OPEN_STATUSES.has(p.status) && !queuedEnvelopeIds.includes(p.id) && p.signers.some(isOpenConsenterSlot),
  );
}
