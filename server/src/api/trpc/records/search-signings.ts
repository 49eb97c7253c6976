import { recordAudit } from '../../../services/records/record-audit';
import { searchSignings as searchSigningsService } from '../../../services/records/search-signings';
import { ZSearchSigningsInputSchema } from '../../../services/records/search-signings.schema';
import { roleProcedure } from '../init';

/**
 * Records search. The audit row names which filters were used and how many rows came back — never their values
 * (a name, MRN or ID number typed into the search is itself personal data).
 */
export const searchSignings = roleProcedure('records')
  .input(ZSearchSigningsInputSchema)
  .query(async ({ ctx, input }) => {
    const page = await searchSigningsService(ctx.app, input);
    const filters = Object.entries(input)
      .filter(([k, v]) => v !== undefined && k !== 'limit' && k !== 'cursor')
      .map(([k]) => k);
    await recordAudit(ctx.app.db, ctx.actor, 'records.searched', null, {
      filters,
      rows: page.rows.length,
      paged: !!input.cursor,
    });
    return page;
  });
