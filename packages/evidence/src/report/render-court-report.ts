import { loadCjkFont } from '@inkproof/pdf';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { MEMBER } from '../container/member-names.js';
import { openContainer } from '../container/open-container.js';
import { parseManifest } from '../manifest/parse-manifest.js';
import { parseLogEntryBytes } from '../merkle/log-entry.js';
import { type CourtReportContext, type CourtReportInput, formatInstant } from './court-report-context.js';
import { drawDocumentSignatures } from './draw-document-signatures.js';
import { drawHandwritingSection, drawPhotosSection } from './draw-evidence-sections.js';
import { drawIdentitySection, drawSignerSection, drawTimelineSection } from './draw-signer-sections.js';
import {
  drawCertificatesSection,
  drawCommandsSection,
  drawDigestsSection,
  drawLogSection,
  drawStepsSection,
  drawTimesSection,
} from './draw-trust-sections.js';
import { FAIL, MARGIN, MUTED, PASS, ReportWriter } from './report-writer.js';

/** Parses what it can: a broken bundle still gets a report that shows which steps failed. */
function readBundle(zip: Uint8Array): Pick<CourtReportContext, 'container' | 'manifest' | 'logEntry'> {
  const out: Pick<CourtReportContext, 'container' | 'manifest' | 'logEntry'> = {};
  try {
    out.container = openContainer(zip);
  } catch {
    return out;
  }
  try {
    out.manifest = parseManifest(out.container.manifestBytes);
  } catch {
    // reported by the manifest step
  }
  const log = out.container.member(MEMBER.log);
  try {
    if (log) out.logEntry = parseLogEntryBytes(log.bytes);
  } catch {
    // reported by the log step
  }
  return out;
}

function drawTitle(ctx: CourtReportContext, generatedAt: Date): void {
  const { w, input, manifest } = ctx;
  w.text('电子签署出证报告', { size: 20 });
  w.text('Evidence Report for Court and Dispute Resolution', { size: 12, color: MUTED });
  w.gap(6);
  if (input.hospitalName) w.field('出具单位 / issued by', input.hospitalName);
  w.field('生成时间 / generated', formatInstant(generatedAt));
  w.field('证据包 / bundle id', manifest?.bundleId ?? input.report.bundleId ?? '-');
  w.field('清单 SHA-256 / manifest', input.report.manifestSha256 ?? '-');
  w.field(
    '结论 / verdict',
    input.report.valid ? '证据包有效，所有步骤通过 / VALID: every step passed' : '证据包无效 / NOT VALID',
    {
      color: input.report.valid ? PASS : FAIL,
    },
  );
  w.text(
    '本报告由证据包自动生成并经医院证据封印（PAdES B-LTA）签署；报告内容均可用第十节的公开工具独立复核。' +
      ' / Generated from the evidence bundle and sealed (PAdES B-LTA) with the hospital evidence-seal key; every fact can be re-checked with the public tools in section 10.',
    { size: 8, color: MUTED },
  );
}

function drawPageNumbers(doc: PDFDocument, w: ReportWriter, bundleId: string): void {
  const pages = doc.getPages();
  pages.forEach((page, i) => {
    const text = `第 ${i + 1} 页 / 共 ${pages.length} 页 - page ${i + 1} of ${pages.length} - ${bundleId}`;
    page.drawText(text, { x: MARGIN, y: 24, size: 7, font: w.font, color: MUTED });
  });
}

/**
 * The court report (出证报告) of one evidence bundle as an A4 PDF, zh-CN first with English: signer, identity
 * evidence (ID numbers masked), timeline, handwriting with speed/pressure plots and photo thumbnails (with the escrow
 * key), certificates, time-stamps, digests, every verification step, the log proof and the commands to re-check it.
 * Unsigned: seal it with `sealCourtReport`. Classic xref table so the seal is a clean incremental update.
 */
export async function renderCourtReport(input: CourtReportInput): Promise<Uint8Array> {
  const generatedAt = input.generatedAt ?? new Date();
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(await loadCjkFont(input.fontPath), { subset: true, customName: 'CJK' });
  const w = new ReportWriter(doc, font);
  const ctx: CourtReportContext = { w, input, ...readBundle(input.zip) };
  drawTitle(ctx, generatedAt);
  drawSignerSection(ctx);
  drawIdentitySection(ctx);
  drawTimelineSection(ctx);
  drawHandwritingSection(ctx);
  await drawPhotosSection(ctx);
  drawCertificatesSection(ctx);
  drawTimesSection(ctx);
  await drawDocumentSignatures(ctx);
  drawDigestsSection(ctx);
  drawStepsSection(ctx);
  drawLogSection(ctx);
  drawCommandsSection(ctx);
  drawPageNumbers(doc, w, ctx.manifest?.bundleId ?? '');
  doc.setTitle(`出证报告 / Evidence report ${ctx.manifest?.bundleId ?? ''}`.trim());
  doc.setProducer('inkproof');
  doc.setCreationDate(generatedAt);
  doc.setModificationDate(generatedAt);
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false });
}
