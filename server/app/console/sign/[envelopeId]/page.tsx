import { StaffSignView } from '../../../../src/ui/staff-sign/staff-sign-view';

export default async function Page({ params }: { params: Promise<{ envelopeId: string }> }) {
  const { envelopeId } = await params;
  return <StaffSignView envelopeId={envelopeId} />;
}
