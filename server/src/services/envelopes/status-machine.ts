import type { TEnvelopeStatus } from '../../db/schema';

/**
 * Envelope status machine: draft → sent → opened → signing → sealing → completed | declined | expired | cancelled |
 * failed. `failed` may go back to `sealing` when sealing is retried. Terminal states never change again.
 */
export const ENVELOPE_TRANSITIONS: Record<TEnvelopeStatus, readonly TEnvelopeStatus[]> = {
  draft: ['sent', 'cancelled'],
  sent: ['opened', 'signing', 'declined', 'expired', 'cancelled'],
  opened: ['sent', 'signing', 'declined', 'expired', 'cancelled'],
  signing: ['opened', 'sealing', 'declined', 'expired', 'cancelled'],
  sealing: ['completed', 'failed'],
  failed: ['sealing'],
  completed: [],
  declined: [],
  expired: [],
  cancelled: [],
};

export const TERMINAL_STATUSES: readonly TEnvelopeStatus[] = ['completed', 'declined', 'expired', 'cancelled'];

export function canTransition(from: TEnvelopeStatus, to: TEnvelopeStatus): boolean {
  return ENVELOPE_TRANSITIONS[from].includes(to);
}

/** The states from which `to` is reachable in one step (used for compare-and-set updates). */
export function sourcesOf(to: TEnvelopeStatus): TEnvelopeStatus[] {
  return (Object.keys(ENVELOPE_TRANSITIONS) as TEnvelopeStatus[]).filter((s) => ENVELOPE_TRANSITIONS[s].includes(to));
}
