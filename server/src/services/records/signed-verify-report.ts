import { loadCjkFont, signPdf } from '@inkproof/pdf';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, rgb } from 'pdf-lib';
import type { TrustServices } from '../../trust/trust-services';
import type { PublicVerifyReport } from './verify-upload';

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 50;

/** Minimal line layout: wraps per character (CJK) at the content width and starts new pages as needed. */
class Lines {
  private page;
  private y = A4.height - MARGIN;
  constructor(
    private readonly doc: PDFDocument,
    private readonly font: PDFFont,
  ) {
    this.page = doc.addPage([A4.width, A4.height]);
  }
  write(text: string, size = 10, color = rgb(0, 0, 0)) {
    const width = A4.width - 2 * MARGIN;
    let line = '';
    const flush = () => {
      if (this.y < MARGIN + size) {
        this.page = this.doc.addPage([A4.width, A4.height]);
        this.y = A4.height - MARGIN;
      }
      this.page.drawText(line, { x: MARGIN, y: this.y - size, size, font: this.font, color });
      this.y -= size * 1.5;
      line = '';
    };
    for (const ch of text) {
      if (this.font.widthOfTextAtSize(line + ch, size) > width) flush();
      line += ch;
    }
    flush();
  }
  gap(points = 6) {
    this.y -= points;
  }
}

const VERDICT = {
  VALID: '有效 / VALID',
  INDETERMINATE: '无法确定 / INDETERMINATE',
  INVALID: '无效 / INVALID',
} as const;

/**
 * The public verification report as a PDF signed (PAdES B-LTA) by the hospital's evidence-seal key, so a printed or
 * forwarded report can itself be checked. It states only what the uploaded file contains and what was verified.
 */
export async function renderSignedVerifyReport(
  report: PublicVerifyReport,
  deps: { trust: TrustServices; hospitalName: string; fontPath?: string | undefined; clock: () => Date },
): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(await loadCjkFont(deps.fontPath), { subset: true });
  const out = new Lines(doc, font);
  out.write(`${deps.hospitalName} · 文件验证报告 / Verification report`, 15);
  out.gap();
  out.write(
    `结论 Verdict: ${VERDICT[report.verdict]}`,
    13,
    report.verdict === 'VALID' ? rgb(0, 0.45, 0.2) : rgb(0.7, 0.1, 0.1),
  );
  out.write(`类型 Kind: ${report.kind}    大小 Size: ${report.size} bytes`);
  out.write(`SHA-256: ${report.sha256}`, 9);
  out.write(`验证时间 Verified at: ${report.verifiedAt}`);
  out.gap();
  if (report.reasons.length) {
    out.write('原因 Reasons', 12);
    for (const r of report.reasons) out.write(`• [${r.code}] ${r.zh} / ${r.en}`, 9.5);
    out.gap();
  }
  for (const s of report.pdf?.signatures ?? []) {
    out.write(`签名 ${s.fieldName} (${s.kind}) — ${s.verdict}`, 11);
    out.write(
      `完整 intact: ${s.intact}  签名有效 valid: ${s.signatureValid}  受信任 trusted: ${s.trusted}  级别 level: ${s.level ?? '—'}  覆盖 coverage: ${s.coverage}`,
      9,
    );
    if (s.timestampTime) out.write(`时间戳 Timestamp: ${s.timestampTime}`, 9);
    for (const i of s.issues) out.write(`  - ${i.code}: ${i.message}`, 8.5);
    out.gap(4);
  }
  for (const step of report.bundle ?? [])
    out.write(`${step.step}: ${step.status}${step.errors.length ? ` (${step.errors.join(', ')})` : ''}`, 9.5);
  out.gap();
  out.write('本报告由验证服务签名（PAdES B-LTA），可用 pdfsig 或 inkproof verify 核验。', 9, rgb(0.35, 0.35, 0.35));
  out.write(
    'This report is signed (PAdES B-LTA) by the verification service; check it with pdfsig or inkproof verify.',
    9,
    rgb(0.35, 0.35, 0.35),
  );
  doc.setTitle('验证报告 / Verification report');
  doc.setCreationDate(deps.clock());
  const pdf = await doc.save({ useObjectStreams: false });
  const { pki, tsa } = deps.trust;
  return signPdf(pdf, {
    signer: pki.evidenceSeal.signer,
    certificate: pki.evidenceSeal.certificate,
    chain: pki.evidenceSeal.chain,
    level: 'B-LTA',
    tsa,
    revocation: (certs) => pki.revocationData(certs),
    signerName: deps.hospitalName,
    reason: '验证报告 / Verification report',
  });
}
