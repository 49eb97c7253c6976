import { transitionEnvelope } from '../../../services/envelopes/transition-envelope';
import { roleProcedure } from '../init';
import { ZCancelEnvelopeInputSchema } from './cancel-envelope.schema';

export const cancelEnvelope = roleProcedure('nurse', 'doctor')
  .input(ZCancelEnvelopeInputSchema)
  .mutation(async ({ ctx, input }) => {
    const row = await transitionEnvelope(ctx.app, ctx.actor, input.envelopeId, 'cancelled', input.reason);
    return { id: row.id, status: row.status };
  });
