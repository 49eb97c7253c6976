import { z } from 'zod';
import { compareWithEarlier } from '../../../services/records/compare-with-earlier';
import { roleProcedure } from '../init';

export const compareSignatures = roleProcedure('records')
  .input(z.object({ envelopeId: z.uuid() }))
  .query(({ ctx, input }) => compareWithEarlier(ctx.app, input.envelopeId));
