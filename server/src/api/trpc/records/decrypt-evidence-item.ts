import {
  decryptEvidenceItem as decryptService,
  ZDecryptEvidenceItemInputSchema,
} from '../../../services/records/decrypt-evidence-item';
import { roleProcedure } from '../init';

/** A mutation (CSRF-checked) because every call writes an audit row with the stated reason. */
export const decryptEvidenceItem = roleProcedure('records')
  .input(ZDecryptEvidenceItemInputSchema)
  .mutation(async ({ ctx, input }) =>
    decryptService({ ...ctx.app, escrowKeyPem: (await ctx.app.trust()).escrow.keyPem }, ctx.actor, input),
  );
