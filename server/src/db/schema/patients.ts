import { check, date, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { checkIn } from './check-in';
import { createdAt, updatedAt } from './columns';
import { PATIENT_SEXES } from './enums';
import { beds, wards } from './org';

/**
 * The ID number and the phone are personal information (PIPL art. 28 treats the ID number as sensitive): both are
 * stored only as AES-256-GCM field ciphertext (`src/crypto/field-cipher.ts`). The ID number also gets a peppered
 * HMAC lookup hash so "find patient by ID number" works without decrypting; the phone has no lookup hash because
 * nothing searches by phone.
 */
export const patients = pgTable(
  'patients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mrn: text('mrn').notNull().unique(),
    name: text('name').notNull(),
    sex: text('sex', { enum: PATIENT_SEXES }).notNull().default('unknown'),
    birthDate: date('birth_date', { mode: 'string' }),
    wardId: uuid('ward_id').references(() => wards.id),
    bedId: uuid('bed_id').references(() => beds.id),
    idNumberEnc: text('id_number_enc'),
    idNumberHash: text('id_number_hash'),
    phoneEnc: text('phone_enc'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('patients_sex_ck', checkIn(t.sex, PATIENT_SEXES)),
    index('patients_id_number_hash_idx').on(t.idNumberHash),
    index('patients_ward_idx').on(t.wardId),
  ],
);
