import type { BuiltinCaKeys } from './builtin-ca-keys.js';
import type { BuiltinCertificates } from './builtin-certificates.js';
import type { PkiUrls } from './ca-profiles.js';
import { verifyCertificationRequest } from './certification-request.js';
import { eventCertificateTemplate } from './event-certificate-profile.js';
import type { ExternalCaAdapter } from './external-ca-adapter.js';
import { issueCertificate } from './issue-certificate.js';

export interface BuiltinEventCaContext {
  certs: BuiltinCertificates;
  keys: BuiltinCaKeys;
  clock: () => Date;
  org: string;
  urls: PkiUrls;
  aiaOcsp?: boolean;
}

/** The built-in Event CA as one implementation of the external-CA contract. */
export function createBuiltinEventCa(ctx: BuiltinEventCaContext): ExternalCaAdapter {
  return {
    async issueFromCsr(csr, claims) {
      const spki = verifyCertificationRequest(csr);
      const certificate = await issueCertificate(
        eventCertificateTemplate(spki, claims, ctx.clock(), ctx.org, ctx.urls, {
          ...(ctx.aiaOcsp === undefined ? {} : { aiaOcsp: ctx.aiaOcsp }),
        }),
        {
          certificate: ctx.certs.eventCa,
          signer: ctx.keys.eventCa.signer,
          publicKeyInfo: ctx.keys.eventCa.publicKeyInfo,
        },
      );
      return { certificate, chain: [ctx.certs.eventCa, ctx.certs.root] };
    },
    async trustAnchors() {
      return [ctx.certs.root];
    },
  };
}
