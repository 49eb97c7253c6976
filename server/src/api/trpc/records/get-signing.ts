import { z } from 'zod';
import { getSigning as getSigningService } from '../../../services/records/get-signing';
import { roleProcedure } from '../init';

export const getSigning = roleProcedure('records')
  .input(z.object({ envelopeId: z.uuid() }))
  .query(({ ctx, input }) => getSigningService(ctx.app, ctx.actor, input.envelopeId));
