import { and, inArray, lte } from 'drizzle-orm';
import type { Db } from '../../db/db';
import { envelopes } from '../../db/schema';
import type { PushPublisher } from '../push-events/push-events';
import { transitionEnvelope } from './transition-envelope';

/** Marks every open envelope past its expiry as expired (run periodically by the server). */
export async function expireOverdueEnvelopes(deps: {
  db: Db;
  clock: () => Date;
  push: PushPublisher;
}): Promise<number> {
  const overdue = await deps.db
    .select({ id: envelopes.id })
    .from(envelopes)
    .where(and(inArray(envelopes.status, ['sent', 'opened', 'signing']), lte(envelopes.expiresAt, deps.clock())))
    .limit(500);
  let expired = 0;
  for (const { id } of overdue) {
    try {
      await transitionEnvelope(deps, { type: 'system', id: null }, id, 'expired');
      expired++;
    } catch {
      // Another instance or a signer got there first; the next sweep sees the new state.
    }
  }
  return expired;
}
