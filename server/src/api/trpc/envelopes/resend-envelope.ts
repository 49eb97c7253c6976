import { resendEnvelope as resendEnvelopeService } from '../../../services/envelopes/resend-envelope';
import { roleProcedure } from '../init';
import { ZResendEnvelopeInputSchema } from './resend-envelope.schema';

export const resendEnvelope = roleProcedure('nurse', 'doctor')
  .input(ZResendEnvelopeInputSchema)
  .mutation(({ ctx, input }) => resendEnvelopeService(ctx.app, ctx.actor, input.envelopeId));
