import type { TDocument, TEnvelopeDetail, TSignatureField } from '../api/device-schemas';
import { pickSignerSlot, STAFF_ROLES } from './consenter-slot';
import type { FlowAction, FlowState, IdentityStep, SignerRole, Step, TimelineEntry } from './flow-types';

/**
 * The signature fields this signer fills in a document: fields for the chosen role, else the slot's role,
 * else every non-staff field (a guardian signs where the patient would when the template has no guardian box).
 */
export function fieldsFor(doc: TDocument, role: SignerRole | undefined, slotRole: string): TSignatureField[] {
  const byRole = (r: string | undefined) => doc.signatureFields.filter((f) => f.role === r);
  const chosen = byRole(role);
  if (chosen.length) return chosen;
  const slot = byRole(slotRole);
  if (slot.length) return slot;
  return doc.signatureFields.filter((f) => !STAFF_ROLES.has(f.role)).slice(0, 1);
}

/** Roles for which 病历书写基本规范 Art. 10 requires the reason the patient is not signing. */
export const needsReason = (role: SignerRole) => role !== 'patient';

/**
 * A new sitting for the envelope, or undefined when no consenter slot is left to fill at the bedside.
 * `fingerprintReader`: this kiosk has a fingerprint reader configured.
 */
export function startFlow(
  envelope: TEnvelopeDetail,
  at: string,
  elderly = false,
  devices: { fingerprintReader?: boolean } = {},
): FlowState | undefined {
  const slot = pickSignerSlot(envelope);
  if (!slot) return undefined;
  return {
    step: 'signer',
    envelope,
    slot,
    elderly,
    hasFingerprintReader: devices.fingerprintReader === true,
    skipped: [],
    docIndex: 0,
    fieldIndex: 0,
    reading: [],
    signatures: [],
    timeline: [
      {
        at,
        type: 'flow.started',
        detail: { envelopeId: envelope.id, documents: envelope.documents.map((d) => d.id), elderly },
      },
    ],
  };
}

const log = (state: FlowState, entry: TimelineEntry): FlowState => ({
  ...state,
  timeline: [...state.timeline, entry],
});

function identityLevel(state: FlowState, step: IdentityStep) {
  const e = state.slot.evidence;
  return step === 'idCard' ? e.idCard : step === 'facePhoto' ? e.photo : e.fingerprint;
}

/** Biometric steps need the separate PIPL Art. 29 consent; the ID-card photo is a document, not a biometric. */
const isBiometric = (step: IdentityStep) => step !== 'idCard';

/**
 * Skips steps that do not apply, recording why: not requested by the template (silently), biometric consent
 * refused, elderly mode (optional steps only), no fingerprint reader on this device.
 */
function advance(state: FlowState, from: Step, at: string): FlowState {
  const order: Step[] = [
    'signer',
    'consent',
    'idCard',
    'facePhoto',
    'read',
    'sign',
    'phrase',
    'fingerprint',
    'confirm',
  ];
  let s = state;
  let i = order.indexOf(from) + 1;
  while (i < order.length) {
    const step = order[i]!;
    if (step === 'idCard' || step === 'facePhoto' || step === 'fingerprint') {
      const level = identityLevel(s, step);
      const already = s.skipped.some((k) => k.step === step);
      let reason: string | undefined;
      if (level === 'none') reason = undefined;
      else if (isBiometric(step) && s.biometricConsent?.accepted === false) reason = 'biometric-consent-refused';
      else if (step === 'fingerprint' && !s.hasFingerprintReader) reason = 'no-fingerprint-device';
      else if (level === 'optional' && s.elderly) reason = 'elderly-mode';
      else return { ...s, step };
      if (level !== 'none' && reason && !already) {
        s = log(
          { ...s, skipped: [...s.skipped, { step, reason }] },
          { at, type: 'identity.skipped', detail: { step, reason } },
        );
      }
      i++;
      continue;
    }
    if (step === 'phrase' && s.elderly) {
      i++;
      continue;
    }
    return { ...s, step };
  }
  return { ...s, step: 'confirm' };
}

function afterSignature(state: FlowState, at: string): FlowState {
  const doc = state.envelope.documents[state.docIndex];
  const fields = doc ? fieldsFor(doc, state.signer?.role, state.slot.role) : [];
  if (state.fieldIndex + 1 < fields.length) return { ...state, fieldIndex: state.fieldIndex + 1 };
  if (state.docIndex + 1 < state.envelope.documents.length)
    return { ...state, docIndex: state.docIndex + 1, fieldIndex: 0, step: 'read' };
  return advance({ ...state, fieldIndex: 0 }, 'sign', at);
}

/** The bedside flow as a pure reducer: every transition is testable without a browser. */
export function flowReducer(state: FlowState, action: FlowAction): FlowState {
  if (state.step === 'done' || state.step === 'declined') return state;
  switch (action.type) {
    case 'chooseSigner': {
      const { signer } = action;
      if (!signer.name.trim()) return state;
      if (needsReason(signer.role) && (!signer.relationship?.trim() || !signer.reasonPatientNotSigning?.trim()))
        return state;
      const next = log({ ...state, signer }, { at: action.at, type: 'signer.chosen', detail: { role: signer.role } });
      return advance(next, 'signer', action.at);
    }
    case 'biometricConsent': {
      const next = log(
        { ...state, biometricConsent: { accepted: action.accepted, at: action.at } },
        { at: action.at, type: 'biometric.consent', detail: { accepted: action.accepted, notice: 'PIPL-29' } },
      );
      return advance(next, 'consent', action.at);
    }
    case 'idCardConfirmed': {
      const { ocr } = action;
      const next = log(
        { ...state, idCard: { imageJpegBase64: action.imageJpegBase64, ocr, confirmed: true, at: action.at } },
        {
          at: action.at,
          type: 'identity.idcard',
          detail: {
            idNumberValid: ocr.idNumberValid,
            matchesPatient: ocr.matchesPatient,
            recognition: (ocr as { recognition?: unknown }).recognition ?? 'ok',
            // 'device': confirmed from the on-device reading (server unreachable); the server re-reads the photo.
            source: (ocr as { source?: unknown }).source ?? 'server',
          },
        },
      );
      return advance(next, 'idCard', action.at);
    }
    case 'facePhotoTaken': {
      const next = log(
        { ...state, facePhoto: { imageJpegBase64: action.imageJpegBase64, at: action.at } },
        { at: action.at, type: 'identity.photo' },
      );
      return advance(next, 'facePhoto', action.at);
    }
    case 'fingerprintTaken': {
      // Never without the separate biometric consent (PIPL Art. 29), and only while the step is shown.
      if (state.step !== 'fingerprint' || state.biometricConsent?.accepted !== true) return state;
      const { fingerprint } = action;
      const next = log(
        { ...state, fingerprint, skipped: state.skipped.filter((k) => k.step !== 'fingerprint') },
        {
          at: fingerprint.at,
          type: 'identity.fingerprint',
          detail: {
            device: fingerprint.device,
            width: fingerprint.width,
            height: fingerprint.height,
            source: fingerprint.sourceMediaType,
            ...(fingerprint.quality === undefined ? {} : { quality: fingerprint.quality }),
          },
        },
      );
      return advance(next, 'fingerprint', fingerprint.at);
    }
    case 'skipStep': {
      if (
        identityLevel(state, action.step) === 'required' &&
        !(isBiometric(action.step) && state.biometricConsent?.accepted === false)
      )
        return state;
      if (!action.reason.trim()) return state;
      const next = log(
        {
          ...state,
          skipped: [
            ...state.skipped.filter((k) => k.step !== action.step),
            { step: action.step, reason: action.reason },
          ],
        },
        { at: action.at, type: 'identity.skipped', detail: { step: action.step, reason: action.reason } },
      );
      return advance(next, action.step, action.at);
    }
    case 'timeline':
      return log(state, action.entry);
    case 'documentRead': {
      const reading = [...state.reading.filter((r) => r.documentId !== action.record.documentId), action.record];
      const next = log(
        { ...state, reading, step: 'sign', fieldIndex: 0 },
        { at: action.at, type: 'reading.done', detail: { documentId: action.record.documentId } },
      );
      // A document without a box for this signer is read but not signed.
      return currentField(next)
        ? next
        : afterSignature({ ...next, fieldIndex: Number.MAX_SAFE_INTEGER - 1 }, action.at);
    }
    case 'signed': {
      const doc = state.envelope.documents[state.docIndex];
      if (!doc || state.step !== 'sign') return state;
      const signature = { documentId: doc.id, fieldName: action.fieldName, signedAt: action.at, ink: action.ink };
      const signatures = [
        ...state.signatures.filter((s) => !(s.documentId === doc.id && s.fieldName === action.fieldName)),
        signature,
      ];
      const next = log(
        { ...state, signatures },
        {
          at: action.at,
          type: 'signature.captured',
          detail: { documentId: doc.id, fieldName: action.fieldName, source: action.ink.context.source.kind },
        },
      );
      return afterSignature(next, action.at);
    }
    case 'phraseDone': {
      const { ink, text } = action;
      const base = ink ? { ...state, phrase: { text, ink } } : state;
      const next = log(base, { at: action.at, type: ink ? 'phrase.captured' : 'phrase.skipped' });
      return advance(next, 'phrase', action.at);
    }
    case 'confirm':
      if (state.step !== 'confirm') return state;
      return log({ ...state, step: 'submitting' }, { at: action.at, type: 'flow.confirmed' });
    case 'submitted':
      return log({ ...state, step: 'done' }, { at: action.at, type: 'flow.submitted' });
    case 'decline':
      if (!action.reason.trim()) return state;
      return log(
        { ...state, step: 'declined', declineReason: action.reason },
        { at: action.at, type: 'flow.declined', detail: { reason: action.reason } },
      );
    case 'setElderly':
      return log(
        { ...state, elderly: action.elderly },
        { at: action.at, type: 'ui.elderly', detail: { on: action.elderly } },
      );
  }
}

/** The signature field the signing step currently asks for. */
export function currentField(state: FlowState): { doc: TDocument; field: TSignatureField; total: number } | undefined {
  const doc = state.envelope.documents[state.docIndex];
  if (!doc) return undefined;
  const fields = fieldsFor(doc, state.signer?.role, state.slot.role);
  const field = fields[state.fieldIndex];
  return field ? { doc, field, total: fields.length } : undefined;
}
