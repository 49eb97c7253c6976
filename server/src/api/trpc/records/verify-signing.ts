import { z } from 'zod';
import { verifySigning as verifySigningService } from '../../../services/records/verify-signing';
import { roleProcedure } from '../init';

export const verifySigning = roleProcedure('records')
  .input(z.object({ envelopeId: z.uuid() }))
  .query(async ({ ctx, input }) =>
    verifySigningService({ ...ctx.app, trust: await ctx.app.trust() }, input.envelopeId),
  );
