import { searchSignings as searchSigningsService } from '../../../services/records/search-signings';
import { ZSearchSigningsInputSchema } from '../../../services/records/search-signings.schema';
import { roleProcedure } from '../init';

/** Records search; the ID number (if given) is turned into its lookup hash and never leaves the procedure. */
export const searchSignings = roleProcedure('records')
  .input(ZSearchSigningsInputSchema)
  .query(({ ctx, input }) => searchSigningsService(ctx.app, input));
