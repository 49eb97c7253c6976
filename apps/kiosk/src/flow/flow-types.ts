import type { TInkDocument } from '@inkproof/ink';
import type { TEnvelopeDetail, TIdCardOcr, TSigner } from '../api/device-schemas';

export const SIGNER_ROLE_CHOICES = ['patient', 'guardian', 'agent', 'near_relative'] as const;
export type SignerRole = (typeof SIGNER_ROLE_CHOICES)[number];

export type Step =
  | 'signer'
  | 'consent'
  | 'idCard'
  | 'facePhoto'
  | 'read'
  | 'sign'
  | 'phrase'
  | 'fingerprint'
  | 'confirm'
  | 'submitting'
  | 'done'
  | 'declined';

export type IdentityStep = 'idCard' | 'facePhoto' | 'fingerprint';

export interface TimelineEntry {
  at: string;
  type: string;
  detail?: Record<string, unknown>;
}

export interface SignerChoice {
  role: SignerRole;
  name: string;
  relationship?: string;
  reasonPatientNotSigning?: string;
}

export interface ReadingRecord {
  documentId: string;
  pages: { page: number; firstShownAt: string; seconds: number }[];
  scrolledToEnd: boolean;
  scrolledToEndAt?: string;
  noticesAccepted: { id: string; at: string }[];
  quiz?: { answer: string; correct: boolean; at: string };
}

/** A captured fingerprint (PNG) and the reader that took it; only ever with the biometric consent given. */
export interface FingerprintRecord {
  imagePngBase64: string;
  /** Reader description for the submission (`fingerprint.device`, ≤ 100 chars). */
  device: string;
  width: number;
  height: number;
  sourceMediaType: string;
  quality?: number;
  at: string;
}

export interface SignatureRecord {
  documentId: string;
  fieldName: string;
  signedAt: string;
  ink: TInkDocument;
}

export interface FlowState {
  step: Step;
  envelope: TEnvelopeDetail;
  /** The envelope's signer slot this sitting fills (submission `signerId`). */
  slot: TSigner;
  elderly: boolean;
  signer?: SignerChoice;
  biometricConsent?: { accepted: boolean; at: string };
  idCard?: { imageJpegBase64: string; ocr: TIdCardOcr; confirmed: true; at: string };
  facePhoto?: { imageJpegBase64: string; at: string };
  /** Whether this kiosk has a fingerprint reader configured (else the step is skipped: `no-fingerprint-device`). */
  hasFingerprintReader: boolean;
  fingerprint?: FingerprintRecord;
  skipped: { step: IdentityStep; reason: string }[];
  docIndex: number;
  fieldIndex: number;
  reading: ReadingRecord[];
  signatures: SignatureRecord[];
  phrase?: { text: string; ink: TInkDocument };
  timeline: TimelineEntry[];
  declineReason?: string;
}

export type FlowAction =
  | { type: 'chooseSigner'; at: string; signer: SignerChoice }
  | { type: 'biometricConsent'; at: string; accepted: boolean }
  | { type: 'idCardConfirmed'; at: string; imageJpegBase64: string; ocr: TIdCardOcr }
  | { type: 'facePhotoTaken'; at: string; imageJpegBase64: string }
  | { type: 'fingerprintTaken'; fingerprint: FingerprintRecord }
  | { type: 'skipStep'; at: string; step: IdentityStep; reason: string }
  | { type: 'timeline'; entry: TimelineEntry }
  | { type: 'documentRead'; at: string; record: ReadingRecord }
  | { type: 'signed'; at: string; fieldName: string; ink: TInkDocument }
  | { type: 'phraseDone'; at: string; text: string; ink: TInkDocument | null }
  | { type: 'confirm'; at: string }
  | { type: 'submitted'; at: string }
  | { type: 'decline'; at: string; reason: string }
  | { type: 'setElderly'; at: string; elderly: boolean };
