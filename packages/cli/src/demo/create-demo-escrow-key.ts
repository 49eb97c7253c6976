import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

export interface DemoEscrowKey {
  certificate: Uint8Array;
  certificatePem: string;
  keyPem: string;
}

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };

/**
 * A fresh records-escrow key pair for one demo run (EC P-256: items get ECDH recipients that `openssl cms -decrypt`
 * opens). Labelled DEMO in the subject and the PEM header so it is never mistaken for a hospital's escrow key,
 * which lives offline with the records department.
 */
export async function createDemoEscrowKey(now: Date): Promise<DemoEscrowKey> {
  x509.cryptoProvider.set(webcrypto as unknown as Crypto);
  const keys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: Buffer.from(webcrypto.getRandomValues(new Uint8Array(8)))
      .toString('hex')
      .replace(/^[89a-f]/, '1'),
    name: 'CN=inkproof DEMO records escrow - demo only not for patient data,O=inkproof demo',
    notBefore: new Date(now.getTime() - 60_000),
    notAfter: new Date(now.getTime() + 365 * 24 * 3_600_000),
    keys,
    signingAlgorithm: ALG,
    extensions: [new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyAgreement, true)],
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)).toString('base64');
  const keyPem = [
    '# DEMO ONLY - inkproof demo escrow key generated for one run; never use for patient data.',
    '-----BEGIN PRIVATE KEY-----',
    ...pkcs8.match(/.{1,64}/g)!,
    '-----END PRIVATE KEY-----',
    '',
  ].join('\n');
  return { certificate: new Uint8Array(cert.rawData), certificatePem: cert.toString('pem'), keyPem };
}
