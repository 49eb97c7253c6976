import type { FlowState } from './flow-types';

export const SUBMISSION_FORMAT = 'application/vnd.inkproof.submission.v1+json';

export interface DeviceFacts {
  userAgent: string;
  screen: { width: number; height: number; dpr: number };
  pad?: { model: string; capabilities: Record<string, unknown> };
  clockOffsetMs?: number;
}

/** Assembles the submission body (kiosk contract, `POST /api/device/submissions`) from a finished flow. */
export function buildSubmission(state: FlowState, idempotencyKey: string, device: DeviceFacts) {
  const signer = state.signer;
  if (!signer) throw new Error('flow has no signer');
  const consent = state.biometricConsent ?? { accepted: false, at: state.timeline[0]?.at ?? new Date(0).toISOString() };
  return {
    format: SUBMISSION_FORMAT,
    idempotencyKey,
    envelopeId: state.envelope.id,
    signerId: state.slot.id,
    signer: {
      role: signer.role,
      name: signer.name.trim(),
      ...(signer.relationship?.trim() ? { relationship: signer.relationship.trim() } : {}),
      ...(signer.role !== 'patient' && signer.reasonPatientNotSigning?.trim()
        ? { reasonPatientNotSigning: signer.reasonPatientNotSigning.trim() }
        : {}),
    },
    biometricConsent: consent,
    identity: {
      ...(state.idCard ? { idCard: state.idCard } : {}),
      ...(state.facePhoto ? { facePhoto: state.facePhoto } : {}),
      skipped: state.skipped,
    },
    reading: state.reading,
    signatures: state.signatures,
    ...(state.phrase ? { phrase: state.phrase } : {}),
    ...(state.fingerprint
      ? { fingerprint: { imagePngBase64: state.fingerprint.imagePngBase64, device: state.fingerprint.device } }
      : {}),
    timeline: state.timeline,
    device,
  };
}

export type Submission = ReturnType<typeof buildSubmission>;
