import type { FlowState } from './flow-types';

/**
 * The decline body (kiosk contract, `POST /api/device/envelopes/{envelopeId}/decline`): the envelope's signer slot,
 * the reason and the sitting's timeline up to the decline. Stored in the outbox before it is sent; retries resend it
 * unchanged under the same idempotency key.
 */
export function buildDecline(state: FlowState, idempotencyKey: string, reason: string, at: string) {
  const trimmed = reason.trim();
  return {
    idempotencyKey,
    envelopeId: state.envelope.id,
    signerId: state.slot.id,
    reason: trimmed,
    timeline: [...state.timeline, { at, type: 'flow.declined', detail: { reason: trimmed } }],
  };
}

export type Decline = ReturnType<typeof buildDecline>;
