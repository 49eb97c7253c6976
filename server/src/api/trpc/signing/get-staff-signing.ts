import { getStaffSigningTask } from '../../../services/staff-signing/staff-signing-task';
import { roleProcedure } from '../init';
import { ZGetStaffSigningInputSchema } from './get-staff-signing.schema';

/** The doctor/witness signatures a signed-in clinician can make in one envelope. */
export const getStaffSigning = roleProcedure('nurse', 'doctor')
  .input(ZGetStaffSigningInputSchema)
  .query(({ ctx, input }) => getStaffSigningTask(ctx.app, ctx.session, input.envelopeId));
