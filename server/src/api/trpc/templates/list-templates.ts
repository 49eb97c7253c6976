import type { TConsentTemplate } from '@inkproof/pdf';
import { and, asc, eq } from 'drizzle-orm';
import { templates } from '../../../db/schema';
import { PREFILLED_KEYS } from '../../../services/envelopes/patient-form-data';
import { staffProcedure } from '../init';

/** Active templates with what the launch form needs: the fields staff fill in and the signer roles. */
export const listTemplates = staffProcedure.query(async ({ ctx }) => {
  const rows = await ctx.app.db
    .select()
    .from(templates)
    .where(and(eq(templates.active, true)))
    .orderBy(asc(templates.key), asc(templates.version));
  return rows.map((r) => {
    const def = r.definition as unknown as TConsentTemplate;
    return {
      key: r.key,
      version: r.version,
      title: def.title,
      kind: def.kind,
      fields: def.fields.filter((f) => !(PREFILLED_KEYS as readonly string[]).includes(f.key)),
      signers: def.signers.map((s) => ({
        role: s.role,
        required: s.required,
        alternativeGroup: s.alternativeGroup ?? null,
      })),
    };
  });
});
