import { MEMBER } from './container/member-names.js';
import { openContainer } from './container/open-container.js';
import { EvidenceError } from './errors.js';
import { parseManifest } from './manifest/parse-manifest.js';
import { parseLogEntryBytes } from './merkle/log-entry.js';
import { sha256, toHex } from './util/bytes.js';
import type { EvidenceVerificationReport } from './verify/verification-report.js';

const STATUS = { pass: '通过 pass', fail: '失败 FAIL', skipped: '跳过 skipped' } as const;

function kib(n: number): string {
  return n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} KiB`;
}

/**
 * A human-readable summary (zh-CN first, then English) of a bundle, optionally with a verification report's step
 * results. Shows claims and digests only; encrypted items stay encrypted. Throws EvidenceError if unreadable.
 */
export function inspectEvidenceBundle(zip: Uint8Array, opts: { report?: EvidenceVerificationReport } = {}): string {
  const container = openContainer(zip);
  const m = parseManifest(container.manifestBytes);
  const lines: string[] = [];
  const t = m.timeline;
  lines.push(`证据包 Evidence bundle ${m.bundleId}`);
  lines.push(`  清单 Manifest: ${m.mediaType}, SHA-256 ${toHex(sha256(container.manifestBytes))}`);
  lines.push(`  创建 Created: ${m.createdAt}   信封 Envelope: ${m.envelopeId}   签署人 Signer: ${m.signerId}`);
  lines.push(
    `签署人 Signer: ${m.signer.name} — ${m.signer.role}${m.signer.relationship ? ` (${m.signer.relationship})` : ''}`,
  );
  for (const c of m.signer.identityChecks) lines.push(`  核验 Check ${c.check}: ${c.result}`);
  lines.push(`文档 Documents (${m.documents.length}):`);
  for (const d of m.documents) {
    lines.push(`  ${d.id}${d.title ? ` «${d.title}»` : ''} ${d.path} ${kib(d.size)}`);
    lines.push(`    签署前 before ${d.sha256Before}`);
    lines.push(`    签署后 after  ${d.sha256After}`);
  }
  lines.push(`证据项 Items (${m.items.length}):`);
  for (const i of m.items) {
    const enc = i.encryption ? ` 已加密 encrypted (${i.encryption.recipient}, ${kib(i.encryption.size)})` : '';
    lines.push(`  ${i.id} [${i.kind}] ${i.mediaType} ${kib(i.size)} sha256 ${i.sha256}${enc}`);
  }
  const seconds = Math.round((Date.parse(t.completedAt) - Date.parse(t.startedAt)) / 1000);
  lines.push(`过程 Timeline: ${t.startedAt} → ${t.completedAt} (${seconds} s), ${t.pages.length} 页次 page views,`);
  lines.push(
    `  滚动到底 scrolled to end: ${t.scrolledToEnd ? '是 yes' : '否 no'}, 告知确认 notices: ${t.notices.length}, 问答 quiz: ${t.quiz.length}`,
  );
  const dev = m.device;
  lines.push(
    `设备 Device: ${dev.model ?? '?'} ${dev.platform ?? ''} input=${dev.inputType}${dev.sampleRateHz ? ` ${dev.sampleRateHz} Hz` : ''}`,
  );
  lines.push(`证据摘要 Evidence digest (event certificate): ${m.evidenceDigest}`);
  const log = container.member(MEMBER.log);
  if (log) {
    try {
      const e = parseLogEntryBytes(log.bytes);
      lines.push(`透明日志 Log: leaf #${e.leafIndex} of ${e.treeHead.treeSize}, root ${e.treeHead.rootHash}`);
    } catch (e) {
      if (!(e instanceof EvidenceError)) throw e;
      lines.push('透明日志 Log: 不可读 unreadable');
    }
  }
  if (opts.report) {
    lines.push(`验证结果 Verification: ${opts.report.valid ? '有效 VALID' : '无效 INVALID'}`);
    for (const s of opts.report.steps) {
      const facts = Object.entries(s.facts)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ');
      lines.push(`  ${s.step.padEnd(18)} ${STATUS[s.status]}${facts ? `  ${facts}` : ''}`);
      for (const e of s.errors) lines.push(`    ${e.code}${e.member ? ` (${e.member})` : ''}: ${e.message}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
