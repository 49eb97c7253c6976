import type { LocalIdCardReading } from '@inkproof/idcard/browser';
import type { TIdCardOcr } from '../api/device-schemas';

/** Where the fields shown for confirmation came from; recorded with the confirmation (`ocr.source`). */
export type OcrSource = 'server' | 'device';

export type ServerReading =
  | { state: 'pending' }
  | { state: 'done'; ocr: TIdCardOcr }
  | { state: 'failed'; message: string };

export type LocalReading = { state: 'off' | 'pending' | 'failed' } | { state: 'done'; ocr: TIdCardOcr };

/** The device's reading in the shape of the server's answer: name and masked number only, never a patient match. */
export function localReadingToOcr(reading: LocalIdCardReading): TIdCardOcr {
  return {
    name: reading.name,
    idNumberMasked: reading.idNumberMasked,
    idNumberValid: reading.idNumberValid,
    confidence: { ...reading.confidence },
    matchesPatient: null,
    warnings: [...reading.warnings],
    source: 'device',
  };
}

export interface IdCardView {
  /** The fields on screen, or none yet. */
  shown?: { ocr: TIdCardOcr; source: OcrSource; isPreliminary: boolean };
  /** Something is still being read (the server, or the device while the server has failed). */
  isReading: boolean;
  /** The server could not read the card (offline, server error); its message. */
  serverError?: string;
  /** The card's number does not match the patient record (decided by the server only). */
  isMismatch: boolean;
  canConfirm: boolean;
  /** Keep the photo for the staff to check instead (nothing claimed as read). */
  canContinueManually: boolean;
}

/**
 * What the ID-card step shows. The server's reading is the authoritative one and replaces the device's as soon as it
 * arrives; while it runs, the device's reading is shown as preliminary and cannot be confirmed. When the server
 * fails (offline, error) a checksum-valid device reading can be confirmed; the server re-reads the stored photo when
 * it seals the signature.
 */
export function viewIdCardReading(server: ServerReading, local: LocalReading, isPatient: boolean): IdCardView {
  if (server.state === 'done') {
    const isMismatch = isPatient && server.ocr.matchesPatient === false;
    const canConfirm = server.ocr.idNumberValid && !isMismatch;
    return {
      shown: { ocr: { ...server.ocr, source: 'server' }, source: 'server', isPreliminary: false },
      isReading: false,
      isMismatch,
      canConfirm,
      canContinueManually: !canConfirm,
    };
  }
  const shown = local.state === 'done' ? local.ocr : undefined;
  if (server.state === 'pending') {
    return {
      ...(shown ? { shown: { ocr: shown, source: 'device' as const, isPreliminary: true } } : {}),
      isReading: true,
      isMismatch: false,
      canConfirm: false,
      canContinueManually: false,
    };
  }
  const canConfirm = shown?.idNumberValid === true;
  return {
    ...(shown ? { shown: { ocr: shown, source: 'device' as const, isPreliminary: false } } : {}),
    isReading: local.state === 'pending',
    serverError: server.message,
    isMismatch: false,
    canConfirm,
    canContinueManually: !canConfirm,
  };
}
