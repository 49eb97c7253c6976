import * as pkijs from 'pkijs';
import { parseDer, toDer } from '../der/der-codec.js';
import { bytesToHex } from '../der/der-integer.js';
import { equalBytes } from '../der/der-set.js';
import { OID } from '../der/oids.js';
import type { RevocationData } from '../types.js';
import type { BuiltinCaKeys } from './builtin-ca-keys.js';
import type { BuiltinCertificates } from './builtin-certificates.js';
import { buildCrl } from './crl.js';
import { parseCertificate } from './issue-certificate.js';
import {
  buildOcspResponse,
  type CertStatus,
  certIdFor,
  certIdMatchesIssuer,
  type OcspResponder,
  ocspErrorResponse,
} from './ocsp-response.js';
import type { TPkiState } from './pki-state.js';

export type CaName = 'root' | 'event-ca';
const CRL_VALIDITY_MS = 7 * 24 * 3600 * 1000;
const OCSP_VALIDITY_MS = 24 * 3600 * 1000;
const CRL_REUSE_MS = 60_000;

export interface RevocationContext {
  certs: BuiltinCertificates;
  keys: BuiltinCaKeys;
  /** Current state; re-read so revocations made by another process (CLI vs server) are seen. */
  state: () => Promise<TPkiState>;
  clock: () => Date;
}

/** CRLs, OCSP answers and revocation for the two built-in CAs (RFC 5280 §5, RFC 6960). */
export function createBuiltinRevocation(ctx: RevocationContext) {
  const caCert = (ca: CaName) => (ca === 'root' ? ctx.certs.root : ctx.certs.eventCa);
  const caKey = (ca: CaName) => (ca === 'root' ? ctx.keys.root : ctx.keys.eventCa);
  /** Event-CA certificates are answered by the delegated responder; root-issued ones by the root itself. */
  const responderFor = (ca: CaName): OcspResponder =>
    ca === 'event-ca'
      ? { certificate: ctx.certs.ocsp, publicKeyInfo: ctx.keys.ocsp.publicKeyInfo, signer: ctx.keys.ocsp.signer }
      : { certificate: ctx.certs.root, publicKeyInfo: ctx.keys.root.publicKeyInfo, signer: ctx.keys.root.signer };

  function issuerOf(cert: pkijs.Certificate): CaName | undefined {
    const issuer = toDer(cert.issuer.toSchema());
    const subject = toDer(cert.subject.toSchema());
    const rootSubject = toDer(parseCertificate(ctx.certs.root).subject.toSchema());
    if (equalBytes(issuer, rootSubject)) return equalBytes(subject, rootSubject) ? undefined : 'root';
    const eventCaSubject = toDer(parseCertificate(ctx.certs.eventCa).subject.toSchema());
    return equalBytes(issuer, eventCaSubject) ? 'event-ca' : undefined;
  }

  async function statusOf(ca: CaName, serialHex: string): Promise<CertStatus> {
    const hit = (await ctx.state()).revoked.find((r) => r.issuer === ca && r.serialHex === serialHex);
    return hit ? { status: 'revoked', revokedAt: new Date(hit.revokedAt) } : { status: 'good' };
  }

  /** A CRL is reissued at most once a minute unless the revocation list changed (every B-LT signing asks). */
  const crlCache = new Map<CaName, { der: Uint8Array; at: number; revokedKey: string }>();

  async function crl(ca: CaName = 'event-ca'): Promise<Uint8Array> {
    const now = ctx.clock();
    const revoked = (await ctx.state()).revoked.filter((r) => r.issuer === ca);
    const revokedKey = JSON.stringify(revoked);
    const cached = crlCache.get(ca);
    const age = cached ? now.getTime() - cached.at : Number.POSITIVE_INFINITY;
    if (cached && cached.revokedKey === revokedKey && age >= 0 && age < CRL_REUSE_MS) return cached.der;
    const der = await buildCrl({
      issuerCertificate: caCert(ca),
      issuerPublicKeyInfo: caKey(ca).publicKeyInfo,
      signer: caKey(ca).signer,
      // Seconds since the epoch: monotonic without persisting a counter (RFC 5280 §5.2.3).
      crlNumber: Math.floor(now.getTime() / 1000),
      thisUpdate: now,
      nextUpdate: new Date(now.getTime() + CRL_VALIDITY_MS),
      revoked: revoked.map((r) => ({ serialHex: r.serialHex, revokedAt: new Date(r.revokedAt) })),
    });
    crlCache.set(ca, { der, at: now.getTime(), revokedKey });
    return der;
  }

  function times() {
    const now = ctx.clock();
    return { producedAt: now, nextUpdate: new Date(now.getTime() + OCSP_VALIDITY_MS) };
  }

  async function ocspRespond(requestDer: Uint8Array): Promise<Uint8Array> {
    let request: pkijs.OCSPRequest;
    try {
      request = new pkijs.OCSPRequest({ schema: parseDer(requestDer, 'OCSPRequest') });
    } catch {
      return ocspErrorResponse(1);
    }
    const list = request.tbsRequest.requestList;
    const cas = (['event-ca', 'root'] as const).filter((ca) =>
      list.every((r) => certIdMatchesIssuer(r.reqCert, parseCertificate(caCert(ca)))),
    );
    const ca = cas[0];
    if (!ca || list.length === 0) return ocspErrorResponse(6);
    const answers = await Promise.all(
      list.map(async (r) => ({
        certId: r.reqCert,
        status: await statusOf(ca, bytesToHex(new Uint8Array(r.reqCert.serialNumber.valueBlock.valueHexView))),
      })),
    );
    const nonce = request.tbsRequest.requestExtensions?.find((e) => e.extnID === OID.ocspNonce);
    return buildOcspResponse(responderFor(ca), answers, times(), nonce);
  }

  async function revocationData(certificates: Uint8Array[]): Promise<RevocationData> {
    const crlsNeeded = new Set<CaName>();
    const ocsps: Uint8Array[] = [];
    for (const der of certificates) {
      const cert = parseCertificate(der);
      const ca = issuerOf(cert);
      if (!ca) continue;
      crlsNeeded.add(ca);
      const serialHex = bytesToHex(new Uint8Array(cert.serialNumber.valueBlock.valueHexView));
      const certId = certIdFor(cert, parseCertificate(caCert(ca)));
      ocsps.push(
        await buildOcspResponse(responderFor(ca), [{ certId, status: await statusOf(ca, serialHex) }], times()),
      );
    }
    const crls: Uint8Array[] = [];
    for (const ca of crlsNeeded) crls.push(await crl(ca));
    return { crls, ocsps };
  }

  return { crl, ocspRespond, revocationData, issuerOf };
}
