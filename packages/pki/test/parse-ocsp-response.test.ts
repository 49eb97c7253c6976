import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ocspErrorResponse } from '../src/ca/ocsp-response.js';
import { checkRevocation } from '../src/index.js';
import { parseOcspBasic } from '../src/validation/parse-ocsp-response.js';
import { createTestPki } from './helpers/test-pki.js';

/** The strict-DER OCSP reader must give PKI.js's reading, with responder certificates from the cache. */
let ctx: Awaited<ReturnType<typeof createTestPki>>;
beforeAll(async () => {
  ctx = await createTestPki();
});
afterAll(async () => {
  await ctx.pki.close();
  ctx.dir.remove();
});

function viaPkijs(der: Uint8Array): pkijs.BasicOCSPResponse {
  const resp = new pkijs.OCSPResponse({ schema: asn1js.fromBER(der.slice()).result });
  const inner = new Uint8Array(resp.responseBytes?.response.valueBlock.valueHexView ?? new Uint8Array(0));
  return new pkijs.BasicOCSPResponse({ schema: asn1js.fromBER(inner).result });
}

const bytes = (v: { valueBlock: { valueHexView: Uint8Array } }) => new Uint8Array(v.valueBlock.valueHexView);

describe('parseOcspBasic', () => {
  it('reads built-in responses (delegated responder with certs, and root-signed) as PKI.js does', async () => {
    const cred = await ctx.pki.issueEventCertificate({ name: 'OCSP', role: 'patient' });
    await ctx.pki.revoke(cred.certificate, new Date(Date.now() - 60_000));
    const data = await ctx.pki.revocationData([cred.certificate, ...cred.chain]);
    expect(data.ocsps.length).toBeGreaterThan(0);
    let withCerts = 0;
    for (const der of data.ocsps) {
      const fast = parseOcspBasic(der) as pkijs.BasicOCSPResponse;
      const slow = viaPkijs(der);
      expect(new Uint8Array(fast.tbsResponseData.tbsView)).toEqual(new Uint8Array(slow.tbsResponseData.tbsView));
      expect(bytes(fast.signature)).toEqual(bytes(slow.signature));
      expect(fast.signatureAlgorithm.algorithmId).toBe(slow.signatureAlgorithm.algorithmId);
      const certs = (b: pkijs.BasicOCSPResponse) => (b.certs ?? []).map((c) => new Uint8Array(c.toSchema().toBER()));
      expect(certs(fast)).toEqual(certs(slow));
      if ((slow.certs ?? []).length > 0) withCerts++;
    }
    expect(withCerts).toBeGreaterThan(0);
    const issues = checkRevocation([cred.certificate, ...cred.chain], data, new Date());
    expect(issues.map((i) => i.code)).toEqual(['CERT_REVOKED']);
  });

  it('gives undefined for unsuccessful, truncated or garbage responses', async () => {
    expect(parseOcspBasic(ocspErrorResponse(1))).toBeUndefined();
    expect(parseOcspBasic(ocspErrorResponse(6))).toBeUndefined();
    const cred = await ctx.pki.issueEventCertificate({ name: 'OCSP', role: 'patient' });
    const [der] = (await ctx.pki.revocationData([cred.certificate, ...cred.chain])).ocsps;
    expect(parseOcspBasic((der as Uint8Array).subarray(0, 40))).toBeUndefined();
    expect(parseOcspBasic(new Uint8Array([1, 2, 3]))).toBeUndefined();
  });
});
