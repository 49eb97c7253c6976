export {
  createFieldCipher,
  FIELD_CIPHER_FORMAT,
  FIELD_CONTEXTS,
  type FieldCipher,
  type FieldCipherConfig,
} from './field-cipher';
export { parseFieldKeys } from './parse-field-keys';
export { randomToken, sha256Hex } from './tokens';
