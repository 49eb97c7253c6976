import { PatientPage } from '../../../../src/ui/patient-page';

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <PatientPage patientId={id} />;
}
