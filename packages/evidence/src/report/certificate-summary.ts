import { X509Certificate } from 'node:crypto';
import { sha256, toHex } from '../util/bytes.js';
import { carriedCertificates } from '../verify/seal-certificates.js';

export interface CertificateSummary {
  /** What the certificate is used for in this bundle (zh / en). */
  role: string;
  subject: string;
  issuer: string;
  serialNumber: string;
  validFrom: string;
  validTo: string;
  sha256: string;
}

const oneLine = (dn: string) => dn.split('\n').reverse().join(', ');

export function summarizeCertificate(der: Uint8Array, role: string): CertificateSummary | undefined {
  try {
    const c = new X509Certificate(der);
    return {
      role,
      subject: oneLine(c.subject),
      issuer: oneLine(c.issuer),
      serialNumber: c.serialNumber,
      validFrom: new Date(c.validFrom).toISOString(),
      validTo: new Date(c.validTo).toISOString(),
      sha256: toHex(sha256(der)),
    };
  } catch {
    return undefined;
  }
}

/** Role of a certificate carried in the seal: seal signer, time-stamping unit, or a CA above them. */
function roleOf(c: X509Certificate): string {
  if (c.ca) return c.subject === c.issuer ? '根 CA / root CA' : '中间 CA / intermediate CA';
  if (c.keyUsage?.includes('1.3.6.1.5.5.7.3.8')) return '时间戳服务 / time-stamping unit';
  return '证据封印 / evidence seal';
}

/** The event certificate first, then each distinct certificate the seal and its time-stamp carry. */
export function bundleCertificates(eventCertificate: Uint8Array | undefined, seal: Uint8Array | undefined) {
  const out: CertificateSummary[] = [];
  const seen = new Set<string>();
  const add = (der: Uint8Array, role: string | ((c: X509Certificate) => string)) => {
    const key = toHex(sha256(der));
    if (seen.has(key)) return;
    seen.add(key);
    let label = typeof role === 'string' ? role : '';
    if (typeof role !== 'string') {
      try {
        label = role(new X509Certificate(der));
      } catch {
        return;
      }
    }
    const s = summarizeCertificate(der, label);
    if (s) out.push(s);
  };
  if (eventCertificate) add(eventCertificate, '签署人事件证书 / signer event certificate');
  let carried: Uint8Array[] = [];
  try {
    carried = seal ? carriedCertificates(seal) : [];
  } catch {
    carried = [];
  }
  for (const der of carried) add(der, roleOf);
  return out;
}
