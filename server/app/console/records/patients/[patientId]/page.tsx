import { AuditTrail } from '../../../../../src/ui/records/audit-trail';

export default async function Page({ params }: { params: Promise<{ patientId: string }> }) {
  const { patientId } = await params;
  return <AuditTrail scope={{ patientId }} />;
}
