import 'reflect-metadata';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';

export interface EscrowMaterial {
  /** DER certificate the evidence items are encrypted to. */
  certificate: Uint8Array;
  certificatePem: string;
  /** PEM private key, present only where this server may decrypt (records review); production keeps it offline. */
  keyPem: string | null;
}

const ALG = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 3072,
};

/**
 * The records-escrow key pair biometric and ID items are encrypted to. Configured paths win; otherwise a
 * development key pair is generated once into `${dir}` (RSA-3072, recipients use RSA-OAEP-SHA-256).
 */
export async function loadEscrow(
  dir: string,
  configured: { certPath?: string | undefined; keyPath?: string | undefined },
): Promise<EscrowMaterial> {
  if (configured.certPath) {
    const certificatePem = readFileSync(configured.certPath, 'utf8');
    return {
      certificatePem,
      certificate: new Uint8Array(new x509.X509Certificate(certificatePem).rawData),
      keyPem: configured.keyPath ? readFileSync(configured.keyPath, 'utf8') : null,
    };
  }
  const certPath = join(dir, 'escrow-cert.pem');
  const keyPath = join(dir, 'escrow-key.pem');
  if (!existsSync(certPath)) {
    mkdirSync(dir, { recursive: true });
    const keys = (await crypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
    const now = new Date();
    const cert = await x509.X509CertificateGenerator.createSelfSigned({
      serialNumber: Buffer.from(crypto.getRandomValues(new Uint8Array(8)))
        .toString('hex')
        .replace(/^[89a-f]/, '1'),
      name: 'CN=inkproof records escrow (development),O=inkproof',
      notBefore: now,
      notAfter: new Date(now.getTime() + 30 * 365.25 * 24 * 3_600_000),
      keys,
      signingAlgorithm: ALG,
      extensions: [
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyEncipherment | x509.KeyUsageFlags.dataEncipherment, true),
      ],
    });
    const pkcs8 = Buffer.from(await crypto.subtle.exportKey('pkcs8', keys.privateKey)).toString('base64');
    writeFileSync(
      keyPath,
      `-----BEGIN PRIVATE KEY-----\n${pkcs8.match(/.{1,64}/g)!.join('\n')}\n-----END PRIVATE KEY-----\n`,
      { mode: 0o600 },
    );
    writeFileSync(certPath, cert.toString('pem'));
  }
  const certificatePem = readFileSync(certPath, 'utf8');
  return {
    certificatePem,
    certificate: new Uint8Array(new x509.X509Certificate(certificatePem).rawData),
    keyPem: readFileSync(keyPath, 'utf8'),
  };
}
