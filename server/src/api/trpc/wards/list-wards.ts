import { asc } from 'drizzle-orm';
import { beds, devices, patients, wards } from '../../../db/schema';
import { staffProcedure } from '../init';

/** Wards with their beds, the patient in each bed and the bedside devices — the console's ward view. */
export const listWards = staffProcedure.query(async ({ ctx }) => {
  const { db } = ctx.app;
  const [wardRows, bedRows, patientRows, deviceRows] = await Promise.all([
    db.select().from(wards).orderBy(asc(wards.code)),
    db.select().from(beds).orderBy(asc(beds.label)),
    db
      .select({
        id: patients.id,
        mrn: patients.mrn,
        name: patients.name,
        sex: patients.sex,
        birthDate: patients.birthDate,
        wardId: patients.wardId,
        bedId: patients.bedId,
      })
      .from(patients),
    db
      .select({
        id: devices.id,
        name: devices.name,
        wardId: devices.wardId,
        bedId: devices.bedId,
        status: devices.status,
        lastSeenAt: devices.lastSeenAt,
      })
      .from(devices),
  ]);
  return wardRows.map((w) => ({
    id: w.id,
    code: w.code,
    name: w.name,
    beds: bedRows
      .filter((b) => b.wardId === w.id)
      .map((b) => ({ id: b.id, label: b.label, patient: patientRows.find((p) => p.bedId === b.id) ?? null })),
    devices: deviceRows.filter((d) => d.wardId === w.id),
  }));
});
