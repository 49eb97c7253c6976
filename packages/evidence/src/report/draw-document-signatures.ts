import { verifyPdf } from '@inkproof/pdf';
import { type CourtReportContext, formatInstant } from './court-report-context.js';
import { FAIL, MUTED, PASS } from './report-writer.js';

/**
 * Each signature and document time-stamp in each signed document, as the PDF verifier sees it with the given trust
 * anchors: signer, PAdES level, the time its RFC 3161 token proves, and the verdict. Without trust anchors the
 * time-stamp times cannot be established, so the section says so instead of printing unverified claims.
 */
export async function drawDocumentSignatures(ctx: CourtReportContext): Promise<void> {
  const { w, manifest, container, input } = ctx;
  if (!manifest) return;
  w.gap(4);
  w.text('文件签名与时间戳 / signatures and time-stamps in the signed documents', { color: MUTED });
  if (!input.trustAnchors?.length) {
    w.text(
      '未提供信任根，签名时间戳未在报告中列出（见第八节文件验证步骤）/ no trust anchors given; see step "documents"',
      {
        color: MUTED,
      },
    );
    return;
  }
  for (const d of manifest.documents) {
    const bytes = container?.member(d.path)?.bytes;
    if (!bytes) continue;
    const report = await verifyPdf(bytes, { trustAnchors: input.trustAnchors });
    for (const s of report.signatures) {
      const what = s.kind === 'doc-timestamp' ? '文档时间戳 / document time-stamp' : `签名 / signature ${s.fieldName}`;
      w.field(`${d.id}: ${what}`, `${s.signerSubject ?? '-'} (${s.level})`);
      w.field('  时间戳时间 / time-stamp', formatInstant(s.timestampTime));
      if (s.claimedSigningTime) w.field('  声称签署时间 / claimed /M', formatInstant(s.claimedSigningTime));
      w.field('  结论 / verdict', s.verdict, { color: s.verdict === 'VALID' ? PASS : FAIL });
    }
  }
}
