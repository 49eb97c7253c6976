/** Keys filled from the patient record; the launch form does not ask for them. */
export const PREFILLED_KEYS = ['patientName', 'sex', 'age', 'mrn', 'ward', 'bed'] as const;

/** Form values the console never asks for: they come from the patient record (and cannot drift from it). */
export function patientFormData(
  patient: { name: string; sex: string; birthDate: string | null; mrn: string },
  ward: string | null,
  bed: string | null,
  today: Date,
): Record<string, string> {
  const data: Record<string, string> = { patientName: patient.name, mrn: patient.mrn };
  if (patient.sex === 'male' || patient.sex === 'female') data.sex = patient.sex;
  if (patient.birthDate) data.age = `${ageOn(patient.birthDate, today)}岁`;
  if (ward) data.ward = ward;
  if (bed) data.bed = bed;
  return data;
}

export function ageOn(birthDate: string, today: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  let age = today.getUTCFullYear() - y;
  if (today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d)) age -= 1;
  return Math.max(0, age);
}
