import canonicalize from 'canonicalize';
import { EvidenceError } from '../errors.js';

/** RFC 8785 (JCS) bytes of a JSON value; canonicalize@5.1.0 passes the RFC's reference cases (STANDARDS.md). */
export function canonicalJsonBytes(value: unknown): Uint8Array {
  const text = canonicalize(value);
  if (text === undefined) throw new EvidenceError('INTERNAL', 'value has no JSON form');
  return new TextEncoder().encode(text);
}
