import type { EvidenceItemInput, TDevice, TSignerClaims, TTimeline } from '@inkproof/evidence';
import { encodeInkJson, exportIso19794_7, type TInkDocument } from '@inkproof/ink';
import type { TSubmission } from '../device-flow/submission-schema';

export interface StoredImages {
  idCard?: Uint8Array | undefined;
  facePhoto?: Uint8Array | undefined;
  fingerprint?: Uint8Array | undefined;
}

const MEANING_ROLE: Record<string, string> = {
  patient: '患者本人',
  guardian: '监护人',
  agent: '委托代理人',
  near_relative: '近亲属',
  witness: '见证人',
  doctor: '医师',
};

/** "监护人签名（关系：儿子）" — the printed meaning of the signature (21 CFR 11.50-style manifestation). */
export function signatureMeaning(role: string, relationship?: string): string {
  const who = MEANING_ROLE[role] ?? role;
  return relationship ? `${who}签名（关系：${relationship}）` : `${who}签名`;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/**
 * Evidence items from one submission: per signature the raw ink (versioned JSON, lossless) and its ISO/IEC 19794-7
 * export, the hand-copied phrase, and the photos (only those the server re-checked). Dynamic signatures are
 * biometric: every item but 'other' is encrypted to the escrow certificate by the bundle builder. When the signer
 * refused biometric capture, only the signature's shape is kept (timing, pressure and tilt dropped).
 */
export function evidenceItems(s: TSubmission, images: StoredImages, ocrJson?: string): EvidenceItemInput[] {
  const items: EvidenceItemInput[] = [];
  const keepDynamics = s.biometricConsent.accepted;
  s.signatures.forEach((sig, i) => {
    const ink = keepDynamics ? sig.ink : staticShape(sig.ink);
    items.push({
      id: `ink-${i + 1}`,
      kind: 'ink',
      mediaType: 'application/vnd.inkproof.ink+json',
      bytes: utf8(encodeInkJson(ink)),
    });
    if (keepDynamics) {
      items.push({
        id: `ink-${i + 1}-iso`,
        kind: 'ink-iso19794-7',
        mediaType: 'application/octet-stream',
        bytes: exportIso19794_7(ink),
      });
    }
  });
  if (s.phrase) {
    const ink = keepDynamics ? s.phrase.ink : staticShape(s.phrase.ink);
    items.push({
      id: 'phrase-ink',
      kind: 'ink',
      mediaType: 'application/vnd.inkproof.ink+json',
      bytes: utf8(encodeInkJson(ink)),
    });
  }
  if (images.idCard) items.push({ id: 'id-card', kind: 'id-card', mediaType: 'image/jpeg', bytes: images.idCard });
  if (images.facePhoto)
    items.push({ id: 'face-photo', kind: 'photo', mediaType: 'image/jpeg', bytes: images.facePhoto });
  if (images.fingerprint)
    items.push({ id: 'fingerprint', kind: 'fingerprint', mediaType: 'image/png', bytes: images.fingerprint });
  if (ocrJson) items.push({ id: 'id-card-ocr', kind: 'ocr', mediaType: 'application/json', bytes: utf8(ocrJson) });
  return items;
}

/** Keeps x/y order only: timestamps become sample indices, pressure a constant — no behavioural biometrics. */
function staticShape(ink: TInkDocument): TInkDocument {
  let n = 0;
  return {
    ...ink,
    strokes: ink.strokes.map((st) => ({
      ...st,
      samples: st.samples.map((p) => ({ t: n++, x: p.x, y: p.y, pressure: 0.5 })),
    })),
  };
}

export function signerClaims(
  s: TSubmission,
  extra: {
    idNumberHash?: string | undefined;
    ocrFields?: { name: string; value: string; confidence: number }[];
    checks: TSignerClaims['identityChecks'];
  },
): TSignerClaims {
  return {
    name: s.signer.name,
    role: s.signer.role,
    ...(s.signer.relationship ? { relationship: s.signer.relationship } : {}),
    ...(extra.idNumberHash ? { idNumberHash: extra.idNumberHash } : {}),
    ...(extra.ocrFields ? { ocr: { engine: 'tesseract.js', fields: extra.ocrFields } } : {}),
    identityChecks: extra.checks,
  };
}

/** The comprehension question of each document and its answer key (held only by the server). */
export type QuizKeys = Map<string, { question: string; answer: string }>;

/**
 * Every comprehension answer given at the bedside, judged here against the template's key (the device never sees the
 * key). Answers come from the reading records and from `reading.quiz` timeline events; each attempt is kept.
 */
function judgedQuiz(s: TSubmission, keys: QuizKeys): TTimeline['quiz'] {
  const attempts = [
    ...s.reading.flatMap((r) => (r.quiz ? [{ documentId: r.documentId, answer: r.quiz.answer, at: r.quiz.at }] : [])),
    ...s.timeline
      .filter(
        (e) =>
          e.type === 'reading.quiz' && typeof e.detail?.documentId === 'string' && typeof e.detail?.answer === 'string',
      )
      .map((e) => ({ documentId: e.detail!.documentId as string, answer: e.detail!.answer as string, at: e.at })),
  ];
  const seen = new Set<string>();
  return attempts
    .filter((a) => {
      const k = `${a.documentId}|${a.answer}|${a.at}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .map((a) => {
      const key = keys.get(a.documentId);
      return {
        question: key?.question ?? a.documentId,
        answer: a.answer,
        ...(key ? { isCorrect: key.answer === a.answer } : {}),
        at: a.at,
      };
    });
}

export function evidenceTimeline(
  s: TSubmission,
  documentTitles: Map<string, string>,
  quizKeys: QuizKeys = new Map(),
): TTimeline {
  const times = s.timeline.map((e) => e.at).sort();
  const signedTimes = s.signatures.map((x) => x.signedAt).sort();
  return {
    startedAt: times[0] ?? signedTimes[0]!,
    completedAt: [...times, ...signedTimes].sort().at(-1)!,
    pages: s.reading.flatMap((r) =>
      r.pages.map((p) => ({
        document: documentTitles.get(r.documentId) ?? r.documentId,
        page: p.page + 1,
        shownAt: p.firstShownAt,
        durationMs: Math.round(p.seconds * 1000),
      })),
    ),
    // Nothing read at this signing (a staff signature from the console) is not "scrolled to the end".
    scrolledToEnd: s.reading.length > 0 && s.reading.every((r) => r.scrolledToEnd),
    notices: s.reading.flatMap((r) => r.noticesAccepted.map((n) => ({ id: n.id, acceptedAt: n.at }))),
    quiz: judgedQuiz(s, quizKeys),
    ...(s.phrase ? { handCopiedPhrase: { expected: s.phrase.text } } : {}),
    events: [
      ...s.timeline.map((e) => ({
        at: e.at,
        type: e.type.slice(0, 256),
        ...(e.detail ? { detail: JSON.stringify(e.detail).slice(0, 4096) } : {}),
      })),
      {
        at: s.biometricConsent.at,
        type: s.biometricConsent.accepted ? 'biometric-consent.accepted' : 'biometric-consent.refused',
      },
      ...s.identity.skipped.map((k) => ({
        at: s.biometricConsent.at,
        type: `identity.skipped.${k.step}`,
        detail: k.reason,
      })),
      ...(s.signer.reasonPatientNotSigning
        ? [
            {
              at: s.biometricConsent.at,
              type: 'signer.reason-patient-not-signing',
              detail: s.signer.reasonPatientNotSigning,
            },
          ]
        : []),
    ].slice(0, 10_000),
  };
}

export function evidenceDevice(s: TSubmission, ip: string | undefined): TDevice {
  const first = s.signatures[0]!.ink.context;
  const inputType: TDevice['inputType'] = s.device.pad ? 'pad' : first.source.kind;
  const capabilities: Record<string, string | number | boolean> = {
    screenWidth: s.device.screen.width,
    screenHeight: s.device.screen.height,
    devicePixelRatio: s.device.screen.dpr,
    pressure: first.pressure.kind,
  };
  for (const [k, v] of Object.entries(s.device.pad?.capabilities ?? {})) {
    if (['string', 'number', 'boolean'].includes(typeof v))
      capabilities[`pad.${k}`.slice(0, 64)] = v as string | number | boolean;
  }
  return {
    ...(s.device.pad ? { model: s.device.pad.model } : first.source.model ? { model: first.source.model } : {}),
    userAgent: s.device.userAgent,
    ...(ip ? { ip } : {}),
    inputType,
    capabilities,
    ...(first.sampleRate.measuredHz ? { sampleRateHz: first.sampleRate.measuredHz } : {}),
    clockOffsetsMs: s.device.clockOffsetMs !== undefined ? [s.device.clockOffsetMs] : [],
  };
}
