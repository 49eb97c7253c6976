import * as pkijs from 'pkijs';
import { parseDer, toArrayBuffer, toDer } from '../der/der-codec.js';
import { toMinimalUnsignedIntegerBytes } from '../der/der-integer.js';
import { equalBytes } from '../der/der-set.js';
import { PkiError } from '../errors.js';
import type { HashAlgorithm, TimestampClient } from '../types.js';
import { buildTimestampRequest } from './timestamp-request.js';
import { readTstInfo, verifyTimestampToken } from './verify-timestamp-token.js';

export interface TimestampClientOptions {
  /** TSA endpoints, tried in order (failover). */
  urls: string[];
  /** Per-URL timeout. */
  timeoutMs?: number;
  /** Roots the TSA certificate must chain to; without them only signature, imprint and nonce are checked. */
  trustAnchors?: Uint8Array[];
  /** Injectable for tests (the leading-0x00 nonce regression). */
  random?: (n: number) => Uint8Array;
  fetch?: typeof fetch;
}

/** RFC 3161 §2.4.2: PKIStatus granted(0) or grantedWithMods(1) carries the token. */
export function tokenFromResponse(responseDer: Uint8Array): Uint8Array {
  let resp: pkijs.TimeStampResp;
  try {
    resp = new pkijs.TimeStampResp({ schema: parseDer(responseDer, 'TimeStampResp') });
  } catch (cause) {
    throw new PkiError('TSA_BAD_RESPONSE', 'unreadable TimeStampResp', { cause });
  }
  if (resp.status.status > 1 || !resp.timeStampToken) {
    throw new PkiError('TSA_BAD_RESPONSE', `TSA refused the request (status ${resp.status.status})`);
  }
  return toDer(resp.timeStampToken.toSchema());
}

/** Checks the token answers our request: imprint, nonce echoed, signature and (with anchors) TSA chain. */
export async function checkTokenAnswers(
  token: Uint8Array,
  imprint: Uint8Array,
  nonce: Uint8Array,
  trustAnchors: Uint8Array[] | undefined,
): Promise<void> {
  const tst = readTstInfo(token);
  const echoed = tst.nonce
    ? toMinimalUnsignedIntegerBytes(new Uint8Array(tst.nonce.valueBlock.valueHexView))
    : undefined;
  if (!echoed || !equalBytes(echoed, nonce)) throw new PkiError('TSA_BAD_RESPONSE', 'nonce not echoed');
  const result = await verifyTimestampToken(token, imprint, { trustAnchors: trustAnchors ?? [] });
  const blocking = result.errors.filter(
    (e) => trustAnchors || (e.code !== 'CHAIN_INVALID' && !e.code.startsWith('CERT_')),
  );
  if (blocking.length > 0) {
    throw new PkiError('TSA_BAD_RESPONSE', blocking.map((e) => `${e.code}: ${e.message}`).join('; '));
  }
}

/**
 * RFC 3161 over HTTP (§3.4): POST application/timestamp-query, expect application/timestamp-reply.
 * Each URL is tried in turn; when none yields a verified token, TSA_UNAVAILABLE — the caller
 * retries later and never substitutes a local clock value.
 */
export function createTimestampClient(opts: TimestampClientOptions): TimestampClient {
  if (opts.urls.length === 0) throw new PkiError('INVALID_ARGUMENT', 'at least one TSA URL is required');
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  return {
    async timestamp(imprint: Uint8Array, hashAlgorithm: HashAlgorithm = 'SHA-256'): Promise<Uint8Array> {
      const failures: unknown[] = [];
      for (const url of opts.urls) {
        const request = buildTimestampRequest(imprint, hashAlgorithm, opts.random);
        try {
          const res = await doFetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/timestamp-query' },
            body: toArrayBuffer(request.der),
            signal: AbortSignal.timeout(timeoutMs),
          });
          if (!res.ok) throw new PkiError('TSA_BAD_RESPONSE', `HTTP ${res.status}`);
          const token = tokenFromResponse(new Uint8Array(await res.arrayBuffer()));
          await checkTokenAnswers(token, imprint, request.nonce, opts.trustAnchors);
          return token;
        } catch (cause) {
          failures.push(cause);
        }
      }
      throw new PkiError('TSA_UNAVAILABLE', undefined, { cause: new AggregateError(failures, 'all TSAs failed') });
    },
  };
}
