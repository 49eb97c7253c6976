import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { DataError } from '../db/data-error';

/** Version tag of the stored ciphertext format: `ef1.<key id>.<iv b64url>.<ciphertext‖tag b64url>`. */
export const FIELD_CIPHER_FORMAT = 'ef1';

/** AAD contexts: a ciphertext only decrypts under the column it was written for (no copy-paste between columns). */
export const FIELD_CONTEXTS = {
  patientIdNumber: 'patients.id_number',
  patientPhone: 'patients.phone',
  signerPhone: 'signers.phone',
  webhookSecret: 'webhooks.secret',
} as const;

export interface FieldCipherConfig {
  /** Key id → secret (≥ 32 characters/bytes of high-entropy material). Old ids stay listed for decryption. */
  keys: Record<string, string | Uint8Array>;
  /** Key id used for new ciphertexts. */
  currentKeyId: string;
  /** Separate secret for lookup hashes (≥ 32 characters/bytes); changing it invalidates every stored lookup hash. */
  pepper: string | Uint8Array;
}

export interface FieldCipher {
  /** AES-256-GCM (NIST SP 800-38D) with a fresh 96-bit IV per call. */
  encrypt(plaintext: string, context: string): string;
  decrypt(ciphertext: string, context: string): string;
  /** HMAC-SHA-256 (RFC 2104) of the value under the pepper, hex; deterministic for equality lookups. */
  lookupHash(value: string, context: string): string;
  keyIdOf(ciphertext: string): string;
  /** True when the ciphertext was written under a key other than the current one (re-encrypt it). */
  needsRotation(ciphertext: string): boolean;
  readonly currentKeyId: string;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const HKDF_SALT = 'inkproof field-encryption v1';

export function createFieldCipher(config: FieldCipherConfig): FieldCipher {
  const keys = new Map<string, Buffer>();
  for (const [id, secret] of Object.entries(config.keys)) {
    if (!KEY_ID.test(id)) throw new DataError('CIPHER_CONFIG_INVALID', `Invalid field key id: ${id}`);
    keys.set(id, deriveKey(secret, `aes-256-gcm:${id}`));
  }
  if (!keys.has(config.currentKeyId)) {
    throw new DataError('CIPHER_CONFIG_INVALID', `Current field key id not configured: ${config.currentKeyId}`);
  }
  const pepperKey = deriveKey(config.pepper, 'lookup-hmac-sha256');
  for (const secret of Object.values(config.keys)) {
    if (Buffer.from(secret).equals(Buffer.from(config.pepper))) {
      throw new DataError('CIPHER_CONFIG_INVALID', 'The lookup pepper must differ from every encryption key');
    }
  }
  const keyFor = (id: string) => {
    const key = keys.get(id);
    if (!key) throw new DataError('CIPHER_KEY_UNKNOWN', `Field key id not configured: ${id}`);
    return key;
  };
  const aad = (id: string, context: string) => Buffer.from(`${FIELD_CIPHER_FORMAT}|${id}|${context}`, 'utf8');

  return {
    currentKeyId: config.currentKeyId,
    encrypt(plaintext, context) {
      const id = config.currentKeyId;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keyFor(id), iv).setAAD(aad(id, context));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return [FIELD_CIPHER_FORMAT, id, iv.toString('base64url'), body.toString('base64url')].join('.');
    },
    decrypt(ciphertext, context) {
      const { id, iv, body } = parseCiphertext(ciphertext);
      const decipher = createDecipheriv('aes-256-gcm', keyFor(id), iv).setAAD(aad(id, context));
      decipher.setAuthTag(body.subarray(body.length - 16));
      try {
        return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString('utf8');
      } catch (error) {
        throw new DataError('CIPHERTEXT_INVALID', 'Field ciphertext failed authentication', { cause: error });
      }
    },
    lookupHash(value, context) {
      return createHmac('sha256', pepperKey).update(`${context}\u0000${value}`, 'utf8').digest('hex');
    },
    keyIdOf: (ciphertext) => parseCiphertext(ciphertext).id,
    needsRotation: (ciphertext) => parseCiphertext(ciphertext).id !== config.currentKeyId,
  };
}

function deriveKey(secret: string | Uint8Array, info: string): Buffer {
  const ikm = Buffer.from(secret);
  if (ikm.length < 32) throw new DataError('CIPHER_CONFIG_INVALID', 'Field secrets need at least 32 bytes');
  // HKDF (RFC 5869) turns an operator-supplied secret into independent keys per key id and purpose.
  return Buffer.from(hkdfSync('sha256', ikm, HKDF_SALT, info, 32));
}

function parseCiphertext(ciphertext: string): { id: string; iv: Buffer; body: Buffer } {
  const parts = ciphertext.split('.');
  const [format, id, ivText, bodyText] = parts;
  if (parts.length !== 4 || format !== FIELD_CIPHER_FORMAT || !id || !KEY_ID.test(id) || !ivText || !bodyText) {
    throw new DataError('CIPHERTEXT_INVALID', 'Not a field ciphertext');
  }
  const iv = Buffer.from(ivText, 'base64url');
  const body = Buffer.from(bodyText, 'base64url');
  if (iv.length !== 12 || body.length < 16) throw new DataError('CIPHERTEXT_INVALID', 'Truncated field ciphertext');
  return { id, iv, body };
}
