import { eq } from 'drizzle-orm';
import { beds, patients, wards } from '../../../db/schema';
import { AppError } from '../../../errors';
import { staffProcedure } from '../init';
import { ZGetPatientInputSchema } from './get-patient.schema';

/** The patient page header. The ID number is never sent to the console; only whether one is on file. */
export const getPatient = staffProcedure.input(ZGetPatientInputSchema).query(async ({ ctx, input }) => {
  const [row] = await ctx.app.db
    .select({
      id: patients.id,
      mrn: patients.mrn,
      name: patients.name,
      sex: patients.sex,
      birthDate: patients.birthDate,
      wardId: patients.wardId,
      wardName: wards.name,
      bedId: patients.bedId,
      bedLabel: beds.label,
      hasIdNumber: patients.idNumberHash,
    })
    .from(patients)
    .leftJoin(wards, eq(wards.id, patients.wardId))
    .leftJoin(beds, eq(beds.id, patients.bedId))
    .where(eq(patients.id, input.patientId));
  if (!row) throw new AppError('NOT_FOUND', '患者不存在 / Patient not found');
  return { ...row, hasIdNumber: !!row.hasIdNumber };
});
