import type { listEnvelopes } from '../../services/envelopes/list-envelopes';

type EnvelopeView = Awaited<ReturnType<typeof listEnvelopes>>[number];

export function toRestEnvelope(e: EnvelopeView) {
  return {
    id: e.id,
    status: e.status,
    statusReason: e.statusReason,
    channel: e.channel,
    patientMrn: e.patientMrn,
    expiresAt: e.expiresAt.toISOString(),
    createdAt: e.createdAt.toISOString(),
    documents: e.documents.map((d) => ({
      id: d.id,
      title: d.title,
      templateKey: d.templateKey,
      templateVersion: d.templateVersion,
      status: d.status,
      sha256: d.signedSha256 ?? d.originalSha256,
      signed: !!d.signedSha256,
    })),
    signers: e.signers.map((s) => ({
      id: s.id,
      role: s.role,
      name: s.name,
      relationship: s.relationship,
      status: s.status,
    })),
    bundles: e.bundles.map((b) => ({ id: b.id, signerId: b.signerId })),
  };
}
