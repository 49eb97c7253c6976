import { type IdCardReader, maskIdNumber } from '@inkproof/idcard';
import { eq } from 'drizzle-orm';
import { FIELD_CONTEXTS, type FieldCipher } from '../../crypto';
import type { Db } from '../../db/db';
import { patients } from '../../db/schema';
import { checkImage } from './check-image';
import { findOpenDeviceEnvelope } from './get-device-envelope';

/**
 * Server-side OCR of an ID-card photo for the bedside flow. The full number never leaves the server: the device gets
 * the masked number, whether it is valid, and — for the envelope's patient — whether it matches the patient record
 * (compared by the salted lookup hash, so the stored number is never decrypted).
 */
export async function readIdCard(
  deps: { db: Db; cipher: FieldCipher; clock: () => Date; idcard: () => Promise<IdCardReader> },
  deviceId: string,
  envelopeId: string | null,
  image: Uint8Array,
  mediaType: 'image/jpeg' | 'image/png',
) {
  const env = envelopeId ? await findOpenDeviceEnvelope(deps.db, deviceId, envelopeId, deps.clock()) : null;
  const bytes = checkImage(image, mediaType, 'body');
  const result = await (await deps.idcard()).recognize(bytes);
  const [patient] = env
    ? await deps.db.select({ idNumberHash: patients.idNumberHash }).from(patients).where(eq(patients.id, env.patientId))
    : [];
  const matchesPatient =
    result.idNumber && result.idNumberValid && patient?.idNumberHash
      ? deps.cipher.lookupHash(result.idNumber, FIELD_CONTEXTS.patientIdNumber) === patient.idNumberHash
      : null;
  return {
    name: result.name,
    sex: result.sex,
    ethnicity: result.ethnicity,
    birthDate: result.birthDate,
    address: result.address,
    idNumberMasked: result.idNumber ? maskIdNumber(result.idNumber) : null,
    idNumberValid: result.idNumberValid,
    confidence: result.confidence,
    warnings: result.warnings,
    matchesPatient,
  };
}
