import { DataError } from '../data-error';

/**
 * Audit rows are kept forever and copied into evidence exports, so they must never carry personal data, secrets or
 * tokens (PIPL art. 28/51). Keys that name such data are rejected outright, at any depth.
 */
const FORBIDDEN_KEY =
  /(id_?number|idcard|id_?card|phone|mobile|password|passwd|secret|token|biometric|signature_?image|fingerprint|photo|address|birth)/i;

export function assertAuditDetails(details: unknown, path = 'details'): void {
  if (details === null || typeof details !== 'object') return;
  if (Array.isArray(details)) {
    details.forEach((item, index) => {
      assertAuditDetails(item, `${path}[${index}]`);
    });
    return;
  }
  for (const [key, value] of Object.entries(details)) {
    if (FORBIDDEN_KEY.test(key)) {
      throw new DataError('AUDIT_DETAILS_FORBIDDEN', `Audit detail key not allowed: ${path}.${key}`);
    }
    assertAuditDetails(value, `${path}.${key}`);
  }
}
