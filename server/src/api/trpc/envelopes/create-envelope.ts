import { createEnvelope as createEnvelopeService } from '../../../services/envelopes/create-envelope';
import { envelopeDeps } from '../../../services/envelopes/envelope-deps';
import { roleProcedure } from '../init';
import { ZCreateEnvelopeInputSchema } from './create-envelope.schema';

/** Nurses and doctors launch forms; records staff may not (403). */
export const createEnvelope = roleProcedure('nurse', 'doctor')
  .input(ZCreateEnvelopeInputSchema)
  .mutation(async ({ ctx, input }) => {
    const { app } = ctx;
    const envelope = await createEnvelopeService(envelopeDeps(app), ctx.actor, input);
    return { id: envelope.id, status: envelope.status };
  });
