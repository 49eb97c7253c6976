import { HOSPITAL_NAME } from '../../../app-context';
import { createEnvelope as createEnvelopeService } from '../../../services/envelopes/create-envelope';
import { roleProcedure } from '../init';
import { ZCreateEnvelopeInputSchema } from './create-envelope.schema';

/** Nurses and doctors launch forms; records staff may not (403). */
export const createEnvelope = roleProcedure('nurse', 'doctor')
  .input(ZCreateEnvelopeInputSchema)
  .mutation(async ({ ctx, input }) => {
    const { app } = ctx;
    const envelope = await createEnvelopeService(
      {
        db: app.db,
        clock: app.clock,
        push: app.push,
        blobs: app.blobs,
        log: app.log,
        hospitalName: HOSPITAL_NAME,
        fontPath: app.config.cjkFont,
      },
      ctx.actor,
      input,
    );
    return { id: envelope.id, status: envelope.status };
  });
