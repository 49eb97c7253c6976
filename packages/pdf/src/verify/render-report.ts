import type { PdfVerificationReport, SignatureReport, Verdict } from './report.js';

const VERDICT: Record<Verdict, string> = {
  VALID: '有效 / VALID',
  INDETERMINATE: '无法确定 / INDETERMINATE',
  INVALID: '无效 / INVALID',
};

const iso = (d: Date | undefined): string => (d ? d.toISOString() : '-');

function renderSignature(s: SignatureReport, i: number): string[] {
  const what = s.kind === 'doc-timestamp' ? '文档时间戳 / document time-stamp' : '签名 / signature';
  const lines = [
    `#${i + 1} ${what} "${s.fieldName}": ${VERDICT[s.verdict]}${s.removed ? ' (已被移除 / removed)' : ''}`,
    `   签署者 / signer: ${s.signerSubject ?? '-'}`,
    `   完整性 / intact: ${s.intact ? 'yes' : 'NO'}  签名值 / signature: ${s.signatureValid ? 'ok' : 'BAD'}  信任 / trusted: ${s.trusted ? 'yes' : 'no'}`,
    `   覆盖 / coverage: ${s.coverage} (revision ${s.revision + 1})  之后修改 / later changes: ${s.modifications}`,
    `   时间戳 / time-stamp: ${iso(s.timestampTime)}  声称时间 / claimed: ${iso(s.claimedSigningTime)}  验证时间 / validated at: ${iso(s.validatedAt)}`,
  ];
  if (s.kind === 'signature') lines.push(`   级别 / PAdES level: ${s.level}`);
  for (const issue of s.issues) lines.push(`   ! ${issue.code}: ${issue.message}`);
  return lines;
}

/** A readable, bilingual rendering of a verification report (for the CLI and logs). */
export function renderReport(report: PdfVerificationReport): string {
  const lines = [`结论 / Verdict: ${VERDICT[report.verdict]}`, `签名数 / signatures: ${report.signatures.length}`];
  report.signatures.forEach((s, i) => {
    lines.push(...renderSignature(s, i));
  });
  lines.push(`修订 / revisions: ${report.revisions.length}`);
  for (const r of report.revisions) {
    const sigs = r.signatures.length ? ` signed: ${r.signatures.join(', ')}` : '';
    lines.push(`   ${r.index + 1}. [${r.start}, ${r.end}) ${r.kind} changes: ${r.modifications}${sigs}`);
  }
  if (report.issues.length) {
    lines.push('问题 / findings:');
    for (const i of report.issues)
      lines.push(`   ! ${i.code}${i.revision !== undefined ? ` (revision ${i.revision + 1})` : ''}: ${i.message}`);
  }
  return lines.join('\n');
}
