import { z } from 'zod';
import { listAuditTrail as listAuditTrailService } from '../../../services/records/list-audit-trail';
import { roleProcedure } from '../init';

export const listAuditTrail = roleProcedure('records')
  .input(z.union([z.object({ envelopeId: z.uuid() }), z.object({ patientId: z.uuid() })]))
  .query(({ ctx, input }) => listAuditTrailService(ctx.app.db, ctx.actor, input));
