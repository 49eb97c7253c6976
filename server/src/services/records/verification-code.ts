import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/db';
import { verificationCodes } from './verification-codes-table';

/** Crockford base32 (no I, L, O, U): unambiguous when read off paper and typed back. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const VERIFICATION_CODE_LENGTH = 10;
export const VERIFICATION_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{10}$/;

/** 10 random symbols = 50 bits: guessing a live code among millions of documents stays impractical. */
export function generateVerificationCode(random: (max: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < VERIFICATION_CODE_LENGTH; i++) code += ALPHABET[random(ALPHABET.length)];
  return code;
}

/** Upper-cases and maps the look-alikes (O→0, I/L→1) a reader may type; null if it cannot be a code. */
export function normalizeVerificationCode(input: string): string | null {
  const code = input.trim().toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return VERIFICATION_CODE_PATTERN.test(code) ? code : null;
}

/**
 * The document's verification code, created on first call (idempotent: one code per document, unique index). To be
 * called when the document is created or rendered, before sealing, so the code printed on the page is signed.
 */
export async function issueVerificationCode(db: Db, documentId: string): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const [existing] = await db.select().from(verificationCodes).where(eq(verificationCodes.documentId, documentId));
    if (existing) return existing.code;
    const inserted = await db
      .insert(verificationCodes)
      .values({ code: generateVerificationCode(), documentId })
      .onConflictDoNothing()
      .returning({ code: verificationCodes.code });
    if (inserted[0]) return inserted[0].code;
  }
  throw new Error('could not allocate a verification code');
}

/** How a code is printed: three groups (XXXX-XXXX-XX), read aloud and typed back easily. */
export function formatVerificationCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** The public URL a QR code on the page encodes. */
export function verificationUrl(publicBaseUrl: string, code: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/verify/${code}`;
}
