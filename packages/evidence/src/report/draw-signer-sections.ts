import { type CourtReportContext, formatInstant } from './court-report-context.js';
import { isIdNumberField, maskIdNumber, maskIdNumbersIn } from './mask-id-number.js';
import { NOT_SHOWN, openEscrowedItem } from './open-escrowed-item.js';
import { FAIL, MUTED, PASS } from './report-writer.js';

const RESULT: Record<string, string> = { pass: '通过 / pass', fail: '未通过 / FAIL', 'not-done': '未进行 / not done' };

/** Who signed, in which capacity, and which documents (digests before and after signing). */
export function drawSignerSection({ w, manifest }: CourtReportContext): void {
  w.heading('一、签署人与文件', 'Signer and documents');
  if (!manifest) {
    w.text('清单无法读取，签署人信息不可用 / The manifest cannot be read; signer facts are unavailable.', {
      color: FAIL,
    });
    return;
  }
  const s = manifest.signer;
  w.field('签署人 / signer', s.name);
  w.field('身份 / role', s.role);
  if (s.relationship) w.field('与患者关系 / relationship', s.relationship);
  w.field('签署单 / envelope', manifest.envelopeId);
  w.field('签署人编号 / signer id', manifest.signerId);
  w.field('证据包 / bundle id', manifest.bundleId);
  w.field('封装时间 / created', formatInstant(manifest.createdAt));
  for (const d of manifest.documents) {
    w.gap(3);
    w.field('文件 / document', `${d.title ?? d.id} (${d.path}, ${d.size} bytes)`);
    w.field('签署前 SHA-256 / before', d.sha256Before);
    w.field('签署后 SHA-256 / signed', d.sha256After);
  }
}

/** Identity checks as recorded at the bedside; ID numbers appear only masked (the bundle holds a salted hash). */
export function drawIdentitySection(ctx: CourtReportContext): void {
  const { w, manifest } = ctx;
  w.heading('二、身份核验', 'Identity evidence');
  if (!manifest) return;
  const s = manifest.signer;
  w.field(
    '身份证号 / ID number',
    s.idNumberHash
      ? `仅存加盐哈希 / salted hash only: ${s.idNumberHash.slice(0, 16)}…（号码不以明文保存 / never stored in clear）`
      : '未采集 / not captured',
  );
  for (const c of s.identityChecks) {
    const detail = [formatInstant(c.at), c.detail ? maskIdNumbersIn(c.detail) : ''].filter((x) => x !== '-' && x);
    w.field(c.check, `${RESULT[c.result] ?? c.result}${detail.length ? ` - ${detail.join(', ')}` : ''}`, {
      color: c.result === 'fail' ? FAIL : c.result === 'pass' ? PASS : MUTED,
    });
  }
  if (s.ocr) {
    w.gap(2);
    w.text(`证件识别 / ID-card OCR${s.ocr.engine ? ` (${s.ocr.engine})` : ''}:`, { color: MUTED });
    for (const f of s.ocr.fields) {
      const value = isIdNumberField(f.name) ? maskIdNumber(f.value) : maskIdNumbersIn(f.value);
      w.field(`  ${f.name}`, `${value}（置信度 / confidence ${(f.confidence * 100).toFixed(0)}%）`);
    }
  }
  drawEscrowedOcr(ctx);
}

/**
 * The full OCR result is an escrowed item (it holds the ID number); with the escrow key the report shows that the
 * number was read and whether its check digit (GB 11643-1999) is valid — the number itself only masked.
 */
function drawEscrowedOcr(ctx: CourtReportContext): void {
  for (const item of ctx.manifest?.items.filter((i) => i.kind === 'ocr') ?? []) {
    const opened = openEscrowedItem(ctx, item);
    if (opened.status !== 'open') {
      ctx.w.field(`证件识别结果 / OCR ${item.id}`, NOT_SHOWN[opened.status], { color: MUTED });
      continue;
    }
    let ocr: Record<string, unknown> = {};
    try {
      ocr = JSON.parse(new TextDecoder().decode(opened.bytes)) as Record<string, unknown>;
    } catch {
      // shown as "not read" below
    }
    const number = typeof ocr.idNumber === 'string' ? maskIdNumber(ocr.idNumber) : '未识别 / not read';
    const valid =
      ocr.idNumberValid === true
        ? '校验位正确 / check digit valid'
        : ocr.idNumberValid === false
          ? '校验位错误 / check digit INVALID'
          : '';
    ctx.w.field(`证件号码（托管 OCR）/ ID number (escrowed OCR)`, `${number}${valid ? `，${valid}` : ''}`);
  }
}

/** The reading and consent timeline: pages shown and for how long, notices, quiz, copied phrase, events. */
export function drawTimelineSection({ w, manifest }: CourtReportContext): void {
  w.heading('三、阅读与同意过程', 'Reading and consent timeline');
  if (!manifest) return;
  const t = manifest.timeline;
  w.field('开始 / started', formatInstant(t.startedAt));
  w.field('完成 / completed', formatInstant(t.completedAt));
  w.field('滚动至末尾 / scrolled to end', t.scrolledToEnd ? '是 / yes' : '否 / no');
  for (const p of t.pages) {
    w.field(
      `  ${p.document} 第 ${p.page} 页 / p. ${p.page}`,
      `${formatInstant(p.shownAt)}，停留 / shown ${(p.durationMs / 1000).toFixed(1)} s`,
    );
  }
  for (const n of t.notices)
    w.field(`  告知确认 / notice ${n.id}`, `${formatInstant(n.acceptedAt)}${n.text ? ` - ${n.text}` : ''}`);
  for (const q of t.quiz) {
    const verdict = q.isCorrect === undefined ? '' : q.isCorrect ? '（正确 / correct）' : '（错误 / wrong）';
    w.field('  问答 / quiz', `${q.question}：${q.answer}${verdict}${q.at ? ` ${formatInstant(q.at)}` : ''}`);
  }
  if (t.handCopiedPhrase) {
    const h = t.handCopiedPhrase;
    const match = h.isMatch === undefined ? '' : h.isMatch ? '（一致 / match）' : '（不一致 / mismatch）';
    w.field('手抄语句 / copied phrase', `${h.expected}${h.recognized ? ` → ${h.recognized}` : ''}${match}`);
  }
  const shown = t.events.slice(0, 80);
  for (const e of shown)
    w.field(`  ${formatInstant(e.at)}`, `${e.type}${e.detail ? ` ${maskIdNumbersIn(e.detail).slice(0, 160)}` : ''}`);
  if (t.events.length > shown.length)
    w.text(
      `另有 ${t.events.length - shown.length} 条事件见 manifest.json / ${t.events.length - shown.length} more events in manifest.json`,
      { color: MUTED },
    );
  const d = manifest.device;
  w.gap(3);
  w.field('设备 / device', [d.model, d.platform, d.inputType].filter(Boolean).join(' · '));
  if (d.sampleRateHz) w.field('采样率 / sample rate', `${d.sampleRateHz.toFixed(0)} Hz`);
  if (d.userAgent) w.field('浏览器 / user agent', d.userAgent);
  if (d.ip) w.field('IP', d.ip);
  if (d.clockOffsetsMs.length) w.field('时钟偏差 / clock offsets', `${d.clockOffsetsMs.join(', ')} ms`);
}
