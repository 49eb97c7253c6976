import { MEMBER } from '../container/member-names.js';
import { fromBase64 } from '../util/bytes.js';
import { bundleCertificates } from './certificate-summary.js';
import { type CourtReportContext, formatInstant } from './court-report-context.js';
import { FAIL, MUTED, PASS } from './report-writer.js';
import { verificationCommands } from './verification-commands.js';

const STEP_NAMES: Record<string, string> = {
  container: '容器 / container',
  manifest: '清单 / manifest',
  members: '成员 / members',
  items: '证据项摘要 / item digests',
  seal: '封印与时间戳 / seal + time-stamp',
  'event-certificate': '事件证书 / event certificate',
  documents: '签署文件 / signed documents',
  log: '透明日志 / transparency log',
  escrow: '托管解密 / escrow decryption',
};
const STATUS: Record<string, string> = { pass: '通过 PASS', fail: '失败 FAIL', skipped: '未执行 SKIPPED' };

/** Subject, serial, validity and issuer of the event certificate and every certificate the seal carries. */
export function drawCertificatesSection({ w, manifest, container }: CourtReportContext): void {
  w.heading('六、证书', 'Certificates');
  const event = manifest ? fromBase64(manifest.eventCertificate) : undefined;
  for (const c of bundleCertificates(event, container?.member(MEMBER.seal)?.bytes)) {
    w.field('用途 / role', c.role);
    w.field('主体 / subject', c.subject);
    w.field('序列号 / serial', c.serialNumber);
    w.field('有效期 / validity', `${formatInstant(c.validFrom)} - ${formatInstant(c.validTo)}`);
    w.field('签发者 / issuer', c.issuer);
    w.field('证书 SHA-256 / fingerprint', c.sha256);
    w.gap(4);
  }
}

/** Times proven by RFC 3161 tokens (the seal's and the log head's) and the event certificate's validity. */
export function drawTimesSection({ w, manifest, input }: CourtReportContext): void {
  w.heading('七、时间戳与摘要', 'Time-stamps and digests');
  const facts = (step: string) => input.report.steps.find((s) => s.step === step)?.facts ?? {};
  w.field('封印时间戳 / seal time-stamp', formatInstant(facts('seal').sealedAt as string | undefined));
  w.field('日志树头时间戳 / tree-head time-stamp', formatInstant(facts('log').treeHeadTimestamp as string | undefined));
  const cert = facts('event-certificate');
  w.field(
    '事件证书有效期 / event cert validity',
    `${formatInstant(cert.validFrom as string)} - ${formatInstant(cert.validTo as string)}`,
  );
  w.field('证据摘要 / evidence digest', manifest?.evidenceDigest ?? '-');
  w.field('清单 SHA-256 / manifest', input.report.manifestSha256 ?? '-');
}

/** Size and digests of every item the manifest covers: of the plaintext, and of the stored envelope. */
export function drawDigestsSection({ w, manifest }: CourtReportContext): void {
  w.gap(4);
  w.text('证据项摘要 / item digests', { color: MUTED });
  for (const item of manifest?.items ?? []) {
    w.gap(2);
    w.field(`${item.id} (${item.kind})`, `${item.path}, ${item.size} bytes, ${item.mediaType}`);
    w.field('  明文 SHA-256 / plaintext', item.sha256);
    if (item.encryption)
      w.field(
        '  密文 SHA-256 / stored .p7m',
        `${item.encryption.sha256} (${item.encryption.contentEncryption}, ${item.encryption.recipient})`,
      );
  }
}

/** Every verification step with its verdict, the facts it established and its coded issues. */
export function drawStepsSection({ w, input }: CourtReportContext): void {
  w.heading('八、验证步骤', 'Verification steps');
  const overall = input.report.valid ? '证据包有效 / bundle VALID' : '证据包无效 / bundle NOT VALID';
  w.text(overall, { size: 11, color: input.report.valid ? PASS : FAIL });
  for (const s of input.report.steps) {
    w.field(STEP_NAMES[s.step] ?? s.step, STATUS[s.status] ?? s.status, {
      color: s.status === 'fail' ? FAIL : s.status === 'pass' ? PASS : MUTED,
    });
    const facts = Object.entries(s.facts).map(([k, v]) => `${k}=${v}`);
    if (facts.length) w.text(facts.join('; '), { size: 7, color: MUTED, indent: 150 });
    for (const e of s.errors)
      w.text(`[${e.code}] ${e.message}${e.member ? ` (${e.member})` : ''}`, { size: 8, color: FAIL, indent: 150 });
  }
}

/** RFC 9162 entry: where the manifest digest sits in the log and the audit path to the signed tree head. */
export function drawLogSection({ w, logEntry }: CourtReportContext): void {
  w.heading('九、透明日志', 'Transparency log');
  if (!logEntry) {
    w.text('seal/log.json 无法读取 / cannot be read', { color: FAIL });
    return;
  }
  const h = logEntry.treeHead;
  w.field('叶子序号 / leaf index', String(logEntry.leafIndex));
  w.field('叶子哈希 / leaf hash', logEntry.leafHash);
  w.field('树大小 / tree size', String(h.treeSize));
  w.field('根哈希 / root hash', h.rootHash);
  w.field('树头时间 / head time', formatInstant(h.timestamp));
  w.field('日志 ID / log id', h.logId);
  w.field('签名算法 / algorithm', h.signatureAlgorithm);
  w.field('RFC 3161 时间戳 / token', h.timestampToken ? '有 / present' : '无 / none');
  if (logEntry.inclusionProof.length === 0)
    w.field('包含证明 / inclusion proof', '空（单叶树）/ empty (one-leaf tree)');
  for (const [i, p] of logEntry.inclusionProof.entries()) w.field(`包含证明 / proof[${i}]`, p);
}

/** The exact commands to re-check everything with independent tools. */
export function drawCommandsSection({ w, manifest, input }: CourtReportContext): void {
  w.heading('十、独立验证方法', 'How to verify independently');
  w.text(
    '以下命令只使用公开工具（OpenSSL、poppler pdfsig、NSS certutil、jq），root.pem 为医院根证书，log-key.pem 为日志公钥。' +
      ' / These commands use only public tools; root.pem is the hospital root certificate, log-key.pem the log public key.',
  );
  if (input.verificationBaseUrl && manifest)
    w.field('在线核验 / online', `${input.verificationBaseUrl.replace(/\/$/, '')}/${manifest.bundleId}`);
  for (const c of verificationCommands(manifest)) {
    w.gap(3);
    w.ensure(14 * (c.lines.length + 1));
    w.text(c.purpose, { color: MUTED });
    for (const line of c.lines) w.text(line, { size: 7.5, indent: 10 });
  }
}
