import { generateSyntheticSignature } from '@inkproof/ink';
import { describe, expect, it } from 'vitest';
import type { TEnvelopeDetail } from '../api/device-schemas';
import { buildDecline } from './build-decline';
import { buildSubmission } from './build-submission';
import { currentField, flowReducer, startFlow } from './flow-machine';
import type { FlowAction, FlowState } from './flow-types';

const at = '2026-11-22T03:00:00.000Z';
const ink = generateSyntheticSignature(7);
const doc = (id: string, roles: string[]) => ({
  id,
  title: `文书 ${id}`,
  templateKey: 'surgery-consent',
  pdfUrl: `/api/device/documents/${id}/pdf`,
  text: '',
  reading: { minSeconds: 5, scrollToEnd: true },
  notices: [],
  comprehension: null,
  signatureFields: roles.map((role) => ({
    name: `sig_${role}`,
    role,
    meaning: { zh: '签名', en: 'Signature' },
    page: 0,
    rect: { x: 0, y: 0, width: 100, height: 40 },
  })),
});

type Level = 'required' | 'optional' | 'none';
function envelope(
  evidence: { idCard: Level; photo: Level; fingerprint: Level } = {
    idCard: 'required',
    photo: 'optional',
    fingerprint: 'optional',
  },
): TEnvelopeDetail {
  return {
    id: 'env-1',
    status: 'opened',
    expiresAt: null,
    patient: { name: '张建国', sex: '男', birthDate: '1958-03-02', mrn: 'MRN1', ward: '心胸外科一病区', bed: '01' },
    signers: [
      { id: 'doc-signer', role: 'doctor', name: '李明', relationship: null, status: 'pending', evidence },
      { id: 'pat-signer', role: 'patient', name: '张建国', relationship: null, status: 'pending', evidence },
    ],
    documents: [doc('d1', ['patient', 'guardian', 'doctor']), doc('d2', ['patient', 'doctor'])],
  };
}

const ocr = {
  name: '张伟',
  sex: '男',
  ethnicity: '汉',
  birthDate: '1985-01-01',
  address: '北京市',
  idNumberMasked: '1101**********1234',
  idNumberValid: true,
  confidence: {},
  matchesPatient: null,
};
const reading = (documentId: string) => ({
  documentId,
  pages: [{ page: 0, firstShownAt: at, seconds: 6 }],
  scrolledToEnd: true,
  scrolledToEndAt: at,
  noticesAccepted: [],
});
const run = (state: FlowState, ...actions: FlowAction[]) => actions.reduce(flowReducer, state);

describe('flow machine', () => {
  it('walks a guardian through consent, identity, two documents, phrase and confirm', () => {
    let s = startFlow(envelope(), at)!;
    expect(s.slot.id).toBe('pat-signer');
    // Relationship and reason are required for a guardian (病历书写基本规范 Art. 10).
    const noReason = flowReducer(s, {
      type: 'chooseSigner',
      at,
      signer: { role: 'guardian', name: '张伟', relationship: '儿子' },
    });
    expect(noReason.step).toBe('signer');
    s = run(s, {
      type: 'chooseSigner',
      at,
      signer: { role: 'guardian', name: '张伟', relationship: '儿子', reasonPatientNotSigning: '患者意识不清' },
    });
    expect(s.step).toBe('consent');
    s = run(s, { type: 'biometricConsent', at, accepted: true });
    expect(s.step).toBe('idCard');
    // Required ID card cannot be skipped; the optional photo can, with a reason.
    expect(flowReducer(s, { type: 'skipStep', at, step: 'idCard', reason: '未带' }).step).toBe('idCard');
    s = run(s, { type: 'idCardConfirmed', at, imageJpegBase64: 'AAAA', ocr });
    expect(s.step).toBe('facePhoto');
    s = run(s, { type: 'skipStep', at, step: 'facePhoto', reason: '摄像头故障' });
    expect(s.step).toBe('read');
    s = run(s, { type: 'documentRead', at, record: reading('d1') });
    expect(s.step).toBe('sign');
    expect(currentField(s)?.field.name).toBe('sig_guardian');
    s = run(s, { type: 'signed', at, fieldName: 'sig_guardian', ink });
    // Second document: read again, then sign in the patient box (no guardian box on it).
    expect([s.step, s.docIndex]).toEqual(['read', 1]);
    s = run(s, { type: 'documentRead', at, record: reading('d2') });
    expect(currentField(s)?.field.name).toBe('sig_patient');
    s = run(s, { type: 'signed', at, fieldName: 'sig_patient', ink });
    expect(s.step).toBe('phrase');
    s = run(s, { type: 'phraseDone', at, text: '本人已阅读并同意', ink });
    // No fingerprint reader: skipped with a reason, straight to confirm.
    expect(s.step).toBe('confirm');
    expect(s.skipped).toEqual([
      { step: 'facePhoto', reason: '摄像头故障' },
      { step: 'fingerprint', reason: 'no-fingerprint-device' },
    ]);
    s = run(s, { type: 'confirm', at });
    expect(s.step).toBe('submitting');

    const body = buildSubmission(s, 'key-1', { userAgent: 'test', screen: { width: 1, height: 1, dpr: 1 } });
    expect(body.signerId).toBe('pat-signer');
    expect(body.signer).toEqual({
      role: 'guardian',
      name: '张伟',
      relationship: '儿子',
      reasonPatientNotSigning: '患者意识不清',
    });
    expect(body.signatures.map((x) => [x.documentId, x.fieldName])).toEqual([
      ['d1', 'sig_guardian'],
      ['d2', 'sig_patient'],
    ]);
    expect(body.reading.map((r) => r.documentId)).toEqual(['d1', 'd2']);
    expect(body.biometricConsent).toEqual({ accepted: true, at });
    expect(body.timeline.map((e) => e.type)).toContain('biometric.consent');
    expect(body.phrase?.text).toBe('本人已阅读并同意');
  });

  it('records where the confirmed ID-card reading came from, in the timeline and in the submission', () => {
    const atIdCard = run(
      startFlow(envelope(), at)!,
      { type: 'chooseSigner', at, signer: { role: 'patient', name: '张建国' } },
      { type: 'biometricConsent', at, accepted: true },
    );
    expect(atIdCard.step).toBe('idCard');
    const device = { ...ocr, name: '张建国', matchesPatient: null, warnings: [], source: 'device' };
    const s = run(atIdCard, { type: 'idCardConfirmed', at, imageJpegBase64: 'AAAA', ocr: device });
    expect(s.timeline.at(-1)).toEqual({
      at,
      type: 'identity.idcard',
      detail: { idNumberValid: true, matchesPatient: null, recognition: 'ok', source: 'device' },
    });
    const body = buildSubmission({ ...s, signatures: [] }, '7d1e8d4c-0f5e-4a57-9c55-3f1a8a3b8e01', {
      userAgent: 'test',
      screen: { width: 1, height: 1, dpr: 1 },
    });
    expect(body.identity.idCard?.ocr).toMatchObject({ source: 'device', idNumberMasked: ocr.idNumberMasked });
    // A reading without a source is the server's (the answer of POST /api/device/idcard/ocr).
    const server = run(atIdCard, { type: 'idCardConfirmed', at, imageJpegBase64: 'AAAA', ocr });
    expect(server.timeline.at(-1)?.detail).toMatchObject({ source: 'server' });
  });

  it('records a refused biometric consent and skips the face photo on the non-biometric path', () => {
    const s = run(
      startFlow(envelope({ idCard: 'optional', photo: 'required', fingerprint: 'required' }), at)!,
      { type: 'chooseSigner', at, signer: { role: 'patient', name: '张建国' } },
      { type: 'biometricConsent', at, accepted: false },
    );
    expect(s.step).toBe('idCard');
    const after = run(s, { type: 'skipStep', at, step: 'idCard', reason: '未携带身份证' });
    expect(after.step).toBe('read');
    expect(after.skipped.map((k) => [k.step, k.reason])).toEqual([
      ['idCard', '未携带身份证'],
      ['facePhoto', 'biometric-consent-refused'],
    ]);
    expect(after.timeline.filter((e) => e.type === 'biometric.consent')[0]?.detail).toMatchObject({ accepted: false });
  });

  it('elderly mode skips optional steps (recorded) and the phrase', () => {
    let s = run(
      startFlow(envelope({ idCard: 'optional', photo: 'optional', fingerprint: 'none' }), at, true)!,
      { type: 'chooseSigner', at, signer: { role: 'patient', name: '张建国' } },
      { type: 'biometricConsent', at, accepted: true },
    );
    expect(s.step).toBe('read');
    expect(s.skipped.map((k) => k.reason)).toEqual(['elderly-mode', 'elderly-mode']);
    s = run(
      s,
      { type: 'documentRead', at, record: reading('d1') },
      { type: 'signed', at, fieldName: 'sig_patient', ink },
      { type: 'documentRead', at, record: reading('d2') },
      { type: 'signed', at, fieldName: 'sig_patient', ink },
    );
    expect(s.step).toBe('confirm');
  });

  it('declining needs a reason and ends the flow for good', () => {
    const s = startFlow(envelope(), at)!;
    expect(flowReducer(s, { type: 'decline', at, reason: ' ' }).step).toBe('signer');
    const declined = flowReducer(s, { type: 'decline', at, reason: '需要与家人商量' });
    expect(declined.step).toBe('declined');
    expect(flowReducer(declined, { type: 'confirm', at })).toBe(declined);
  });

  it('builds the decline the outbox stores: key, signer slot, trimmed reason, the timeline up to the decline', () => {
    const s = run(startFlow(envelope(), at)!, {
      type: 'chooseSigner',
      at,
      signer: { role: 'patient', name: '张建国' },
    });
    const later = '2026-11-22T03:05:00.000Z';
    const body = buildDecline(s, 'key-9', '  需要与家人商量 ', later);
    expect(body).toMatchObject({ idempotencyKey: 'key-9', envelopeId: 'env-1', signerId: 'pat-signer' });
    expect(body.reason).toBe('需要与家人商量');
    expect(body.timeline.map((e) => e.type)).toEqual(['flow.started', 'signer.chosen', 'flow.declined']);
    expect(body.timeline.at(-1)).toEqual({ at: later, type: 'flow.declined', detail: { reason: '需要与家人商量' } });
  });

  describe('fingerprint', () => {
    const fingerprint = {
      imagePngBase64: 'iVBORw0KGgo=',
      device: 'ZKTeco ZK Live20R (local-bridge)',
      width: 256,
      height: 360,
      sourceMediaType: 'image/bmp',
      quality: 74,
      at,
    };
    /** Patient with consent given, both documents read and signed, phrase done: at the fingerprint step or past it. */
    const signedUp = (level: Level, accepted: boolean, fingerprintReader: boolean) =>
      run(
        startFlow(envelope({ idCard: 'none', photo: 'none', fingerprint: level }), at, false, { fingerprintReader })!,
        { type: 'chooseSigner', at, signer: { role: 'patient', name: '张建国' } },
        { type: 'biometricConsent', at, accepted },
        { type: 'documentRead', at, record: reading('d1') },
        { type: 'signed', at, fieldName: 'sig_patient', ink },
        { type: 'documentRead', at, record: reading('d2') },
        { type: 'signed', at, fieldName: 'sig_patient', ink },
        { type: 'phraseDone', at, text: '本人已阅读并同意', ink: null },
      );

    it('with a reader and consent, asks for it and carries it into the submission (not into the timeline)', () => {
      let s = signedUp('optional', true, true);
      expect(s.step).toBe('fingerprint');
      expect(s.skipped).toEqual([]);
      s = flowReducer(s, { type: 'fingerprintTaken', fingerprint });
      expect(s.step).toBe('confirm');
      const body = buildSubmission(s, 'k', { userAgent: 't', screen: { width: 1, height: 1, dpr: 1 } });
      expect(body.fingerprint).toEqual({ imagePngBase64: 'iVBORw0KGgo=', device: 'ZKTeco ZK Live20R (local-bridge)' });
      expect(body.identity.skipped).toEqual([]);
      const entry = s.timeline.find((e) => e.type === 'identity.fingerprint');
      expect(entry?.detail).toEqual({
        device: 'ZKTeco ZK Live20R (local-bridge)',
        width: 256,
        height: 360,
        source: 'image/bmp',
        quality: 74,
      });
      expect(JSON.stringify(s.timeline)).not.toContain('iVBORw0KGgo');
    });

    it('never takes a fingerprint without the biometric consent, nor outside its step', () => {
      const refused = signedUp('required', false, true);
      expect(refused.step).toBe('confirm');
      expect(refused.skipped).toEqual([{ step: 'fingerprint', reason: 'biometric-consent-refused' }]);
      expect(flowReducer(refused, { type: 'fingerprintTaken', fingerprint }).fingerprint).toBeUndefined();
      const early = run(startFlow(envelope(), at, false, { fingerprintReader: true })!, {
        type: 'chooseSigner',
        at,
        signer: { role: 'patient', name: '张建国' },
      });
      expect(flowReducer(early, { type: 'fingerprintTaken', fingerprint })).toBe(early);
    });

    it('an optional fingerprint can be skipped with a reason after a failure; a required one cannot', () => {
      const optional = signedUp('optional', true, true);
      const skipped = flowReducer(optional, { type: 'skipStep', at, step: 'fingerprint', reason: '指纹仪无法使用' });
      expect(skipped.step).toBe('confirm');
      expect(skipped.skipped).toEqual([{ step: 'fingerprint', reason: '指纹仪无法使用' }]);
      const required = signedUp('required', true, true);
      expect(flowReducer(required, { type: 'skipStep', at, step: 'fingerprint', reason: '指纹仪无法使用' }).step).toBe(
        'fingerprint',
      );
    });

    it('without a configured reader the step is skipped as before, with no-fingerprint-device', () => {
      const s = signedUp('optional', true, false);
      expect(s.step).toBe('confirm');
      expect(s.skipped).toEqual([{ step: 'fingerprint', reason: 'no-fingerprint-device' }]);
    });
  });

  it('has nothing to do when every non-staff signer has signed', () => {
    const e = envelope();
    e.signers = e.signers.map((x) => ({ ...x, status: x.role === 'patient' ? 'signed' : x.status }));
    expect(startFlow(e, at)).toBeUndefined();
  });
});
