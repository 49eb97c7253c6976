import { listEnvelopes as listEnvelopesService } from '../../../services/envelopes/list-envelopes';
import { staffProcedure } from '../init';
import { ZListEnvelopesInputSchema } from './list-envelopes.schema';

export const listEnvelopes = staffProcedure
  .input(ZListEnvelopesInputSchema)
  .query(({ ctx, input }) => listEnvelopesService(ctx.app.db, input));
