import type { TSignerClaims } from '@inkproof/evidence';
import type { IdCardReader } from '@inkproof/idcard';
import { eq } from 'drizzle-orm';
import { FIELD_CONTEXTS, type FieldCipher } from '../../crypto';
import type { Db } from '../../db/db';
import { patients } from '../../db/schema';
import type { TSubmission } from '../device-flow/submission-schema';

type Check = TSignerClaims['identityChecks'][number];

/**
 * Re-reads the stored ID-card photo on the server (the device only ever saw a masked number) and derives what the
 * evidence may carry: the salted hash of the number (for the event certificate and records search), identity checks,
 * and the OCR fields without the number or address (the full OCR result goes into the bundle only encrypted).
 * OCR trouble never blocks sealing: the checks then say `not-done` with the reason.
 */
export async function checkIdCard(
  deps: { db: Db; cipher: FieldCipher; idcard?: () => Promise<IdCardReader> },
  s: TSubmission,
  image: Uint8Array | undefined,
  patientId: string,
): Promise<{
  checks: Check[];
  idNumberHash?: string;
  ocrFields?: { name: string; value: string; confidence: number }[];
  ocrJson?: string;
}> {
  if (!image) return { checks: [] };
  if (!deps.idcard) return { checks: [{ check: 'id-number-valid', result: 'not-done', detail: 'OCR not available' }] };
  let result: Awaited<ReturnType<IdCardReader['recognize']>>;
  try {
    result = await (await deps.idcard()).recognize(image);
  } catch (error) {
    return {
      checks: [
        {
          check: 'id-number-valid',
          result: 'not-done',
          detail: `OCR failed: ${(error as { code?: string }).code ?? 'ERROR'}`,
        },
      ],
    };
  }
  const checks: Check[] = [{ check: 'id-number-valid', result: result.idNumberValid ? 'pass' : 'fail' }];
  const idNumberHash =
    result.idNumber && result.idNumberValid
      ? deps.cipher.lookupHash(result.idNumber, FIELD_CONTEXTS.patientIdNumber)
      : undefined;
  if (s.signer.role === 'patient') {
    const [patient] = await deps.db
      .select({ idNumberHash: patients.idNumberHash })
      .from(patients)
      .where(eq(patients.id, patientId));
    checks.push({
      check: 'id-number-matches-patient-record',
      result:
        !idNumberHash || !patient?.idNumberHash ? 'not-done' : idNumberHash === patient.idNumberHash ? 'pass' : 'fail',
    });
  }
  if (result.name)
    checks.push({ check: 'id-card-name-matches-signer', result: result.name === s.signer.name ? 'pass' : 'fail' });
  const ocrFields = (['name', 'sex', 'ethnicity', 'birthDate'] as const)
    .filter((k) => result[k])
    .map((k) => ({ name: k, value: String(result[k]), confidence: result.confidence[k] }));
  return { checks, ...(idNumberHash ? { idNumberHash } : {}), ocrFields, ocrJson: JSON.stringify(result) };
}
