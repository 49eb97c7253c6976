import { createHmac } from 'node:crypto';
import type { EvidenceCoreInput, TTimeline } from '@inkproof/evidence';
import { exportIso19794_7, getVisibleStrokes, type TInkDocument } from '@inkproof/ink';
import type { TConsentTemplate } from '@inkproof/pdf';
import type { DemoFixtures } from './read-demo-fixtures.js';

/** Salted hash of the ID number (the event certificate's serialNumber and the manifest claim; never the number). */
export function idNumberHash(idNumber: string, salt: Uint8Array): string {
  return createHmac('sha256', salt).update(idNumber.toUpperCase()).digest('hex');
}

/** The ink as the appearance builder wants it: visible strokes only (undone/cleared ones stay in the evidence). */
export function appearanceStrokes(ink: TInkDocument) {
  return getVisibleStrokes(ink).map((s) => s.samples.map((p) => ({ t: p.t, x: p.x, y: p.y, pressure: p.pressure })));
}

/**
 * The reading/consent timeline of the demo sitting, laid out backwards from the signing time: each page shown for
 * the fixture's seconds, then the notices, the quiz and the signature.
 */
function demoTimeline(f: DemoFixtures, template: TConsentTemplate, pageCount: number, signedAt: Date): TTimeline {
  const seconds = Array.from({ length: pageCount }, (_, i) => f.sitting.reading.secondsPerPage[i] ?? 30);
  const readingMs = seconds.reduce((a, s) => a + s * 1000, 0);
  const start = signedAt.getTime() - readingMs - 60_000;
  const at = (ms: number) => new Date(start + ms).toISOString();
  let cursor = 0;
  const pages = seconds.map((s, i) => {
    const page = { document: template.title.zh, page: i + 1, shownAt: at(cursor), durationMs: s * 1000 };
    cursor += s * 1000;
    return page;
  });
  return {
    startedAt: at(0),
    completedAt: signedAt.toISOString(),
    pages,
    scrolledToEnd: f.sitting.reading.scrolledToEnd,
    notices: template.notices.map((n, i) => ({ id: n.id, acceptedAt: at(readingMs + 5_000 + i * 3_000) })),
    quiz: f.sitting.quiz.map((q) => ({ ...q, at: at(readingMs + 30_000) })),
    events: [
      { at: at(0), type: 'reading.started' },
      { at: at(readingMs), type: 'reading.scrolled-to-end' },
      { at: at(readingMs + 40_000), type: 'identity.id-card-confirmed' },
      { at: at(readingMs + 45_000), type: 'identity.face-photo' },
      { at: at(readingMs + 50_000), type: 'biometric-consent.accepted' },
      { at: signedAt.toISOString(), type: 'signature.completed' },
    ],
  };
}

/** Everything known before the event certificate is issued: claims, timeline, device, items, the document digest. */
export function demoEvidenceCore(
  f: DemoFixtures,
  template: TConsentTemplate,
  consent: { id: string; pdf: Uint8Array; pageCount: number },
  signedAt: Date,
  salt: Uint8Array,
): EvidenceCoreInput {
  const checkedAt = new Date(signedAt.getTime() - 20_000).toISOString();
  return {
    claims: {
      name: f.sitting.signer.name,
      role: f.sitting.signer.role,
      ...(f.sitting.signer.relationship ? { relationship: f.sitting.signer.relationship } : {}),
      idNumberHash: idNumberHash(f.sitting.idCard.idNumber, salt),
      identityChecks: [
        {
          check: 'id-card-confirmed',
          result: 'pass',
          at: checkedAt,
          detail: '演示：工作人员核对证件 / demo: staff checked the card',
        },
        { check: 'face-photo', result: 'pass', at: checkedAt },
        { check: 'id-card-ocr', result: 'not-done', detail: '演示不运行 OCR / OCR not run in the demo' },
      ],
    },
    timeline: demoTimeline(f, template, consent.pageCount, signedAt),
    device: {
      model: f.sitting.device.model,
      platform: f.sitting.device.platform,
      userAgent: 'inkproof-cli demo',
      inputType: f.sitting.device.inputType,
      capabilities: f.sitting.device.capabilities,
      sampleRateHz: f.sitting.device.sampleRateHz,
      clockOffsetsMs: [0],
    },
    items: [
      {
        id: 'ink-1',
        kind: 'ink',
        mediaType: 'application/vnd.inkproof.ink+json',
        bytes: new TextEncoder().encode(f.inkJson),
      },
      {
        id: 'ink-1-iso',
        kind: 'ink-iso19794-7',
        mediaType: 'application/octet-stream',
        bytes: exportIso19794_7(f.ink),
      },
      { id: 'id-card', kind: 'id-card', mediaType: 'image/jpeg', bytes: f.idCard },
      { id: 'face-photo', kind: 'photo', mediaType: 'image/jpeg', bytes: f.facePhoto },
    ],
    documents: [{ id: consent.id, before: consent.pdf }],
  };
}
