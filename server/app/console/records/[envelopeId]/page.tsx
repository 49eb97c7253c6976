import { SigningDetail } from '../../../../src/ui/records/signing-detail';

export default async function Page({ params }: { params: Promise<{ envelopeId: string }> }) {
  const { envelopeId } = await params;
  return <SigningDetail envelopeId={envelopeId} />;
}
