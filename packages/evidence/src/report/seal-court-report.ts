import { signPdf } from '@inkproof/pdf';
import type { CmsSigner, RevocationData, TimestampClient } from '@inkproof/pki';

export interface SealCourtReportOptions {
  /** The evidence-seal key (the same key that seals bundles). */
  signer: CmsSigner;
  certificate: Uint8Array;
  chain: Uint8Array[];
  tsa: TimestampClient;
  revocation: (certificates: Uint8Array[]) => Promise<RevocationData>;
  signingTime?: Date;
}

/**
 * Seals a rendered court report with PAdES B-LTA (ETSI EN 319 142-1): an invisible signature by the evidence-seal
 * key with a signature time-stamp, validation data in a DSS and a document time-stamp, so the report stays
 * verifiable after the seal certificate expires.
 */
export function sealCourtReport(pdf: Uint8Array, options: SealCourtReportOptions): Promise<Uint8Array> {
  return signPdf(pdf, {
    signer: options.signer,
    certificate: options.certificate,
    chain: options.chain,
    level: 'B-LTA',
    tsa: options.tsa,
    revocation: options.revocation,
    placement: { invisible: true },
    signerName: '证据封印 / evidence seal',
    reason: '出证报告 / evidence report',
    ...(options.signingTime ? { signingTime: options.signingTime } : {}),
  });
}
