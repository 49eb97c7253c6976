import { FingerprintError } from './fingerprint-error';

/** IPv4 loopback and `localhost` only: CSP host sources (which the kiosk page must allow) cannot name [::1]. */
const LOOPBACK = new Set(['127.0.0.1', 'localhost']);

/**
 * Validates the address of a local capture bridge: http(s) on this computer only (127.0.0.1, localhost), no
 * credentials, query or fragment. Fingerprint images then never cross the network before they reach the server
 * inside the signed submission. Returns the base without a trailing slash.
 */
export function parseBridgeUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch (cause) {
    throw new FingerprintError('INVALID_URL', { cause, detail: input.trim().slice(0, 80) });
  }
  if (!['http:', 'https:'].includes(url.protocol)) throw new FingerprintError('INVALID_URL', { detail: url.protocol });
  if (!LOOPBACK.has(url.hostname)) throw new FingerprintError('INVALID_URL', { detail: url.hostname });
  if (url.username || url.password || url.search || url.hash) throw new FingerprintError('INVALID_URL');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
