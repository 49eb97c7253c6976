import type { LocalIdCardReading } from '@inkproof/idcard/browser';
import { describe, expect, it } from 'vitest';
import type { TIdCardOcr } from '../api/device-schemas';
import { localReadingToOcr, viewIdCardReading } from './id-card-reading';

const deviceReading: LocalIdCardReading = {
  name: '王小明',
  idNumberMasked: '110105********002X',
  idNumberValid: true,
  confidence: { name: 0.9, idNumber: 0.95 },
  warnings: [],
};
const local = { state: 'done' as const, ocr: localReadingToOcr(deviceReading) };
const serverOcr = (matchesPatient: boolean | null, idNumberValid = true): TIdCardOcr => ({
  name: '王晓明',
  sex: 'male',
  ethnicity: '汉',
  birthDate: '1949-12-31',
  address: '北京市东城区',
  idNumberMasked: '110105********002X',
  idNumberValid,
  confidence: {},
  matchesPatient,
});

describe('the device reading', () => {
  it('carries the name, the masked number and its validity, marked as read on the device, never a patient match', () => {
    expect(localReadingToOcr(deviceReading)).toEqual({
      name: '王小明',
      idNumberMasked: '110105********002X',
      idNumberValid: true,
      confidence: { name: 0.9, idNumber: 0.95 },
      matchesPatient: null,
      warnings: [],
      source: 'device',
    });
  });
});

describe('viewIdCardReading', () => {
  it('shows the device reading at once, as preliminary and not confirmable, while the server reads', () => {
    const view = viewIdCardReading({ state: 'pending' }, local, true);
    expect(view.shown).toMatchObject({ source: 'device', isPreliminary: true, ocr: { name: '王小明' } });
    expect(view).toMatchObject({ isReading: true, canConfirm: false, canContinueManually: false });
  });

  it('shows nothing but "reading" while neither has answered', () => {
    const view = viewIdCardReading({ state: 'pending' }, { state: 'pending' }, false);
    expect(view.shown).toBeUndefined();
    expect(view.isReading).toBe(true);
    expect(view.canConfirm).toBe(false);
  });

  it('replaces the device reading with the server answer, which alone decides the patient match', () => {
    const match = viewIdCardReading({ state: 'done', ocr: serverOcr(true) }, local, true);
    expect(match.shown).toMatchObject({ source: 'server', isPreliminary: false, ocr: { name: '王晓明' } });
    expect(match.shown?.ocr.source).toBe('server');
    expect(match).toMatchObject({ isReading: false, canConfirm: true, isMismatch: false });
    const mismatch = viewIdCardReading({ state: 'done', ocr: serverOcr(false) }, local, true);
    expect(mismatch).toMatchObject({ isMismatch: true, canConfirm: false, canContinueManually: true });
    // A relative's card is recorded, not matched against the patient.
    expect(viewIdCardReading({ state: 'done', ocr: serverOcr(false) }, local, false).canConfirm).toBe(true);
  });

  it('keeps the server answer when its number is unreadable, even if the device read one', () => {
    const view = viewIdCardReading({ state: 'done', ocr: serverOcr(null, false) }, local, false);
    expect(view.shown?.source).toBe('server');
    expect(view.canConfirm).toBe(false);
    expect(view.canContinueManually).toBe(true);
  });

  it('lets the signer confirm a checksum-valid device reading when the server fails (offline)', () => {
    const view = viewIdCardReading({ state: 'failed', message: '网络不可用 / Network unavailable' }, local, true);
    expect(view.shown).toMatchObject({ source: 'device', isPreliminary: false });
    expect(view).toMatchObject({ canConfirm: true, canContinueManually: false, isMismatch: false });
  });

  it('offers only the photo for the staff when the server fails and the device read no valid number', () => {
    const invalid = {
      state: 'done' as const,
      ocr: localReadingToOcr({ ...deviceReading, idNumberValid: false, warnings: ['ID_NUMBER_INVALID'] }),
    };
    for (const reading of [invalid, { state: 'failed' as const }, { state: 'pending' as const }]) {
      const view = viewIdCardReading({ state: 'failed', message: 'HTTP 500' }, reading, false);
      expect(view.canConfirm).toBe(false);
      expect(view.canContinueManually).toBe(true);
      expect(view.serverError).toBe('HTTP 500');
    }
    expect(viewIdCardReading({ state: 'failed', message: 'x' }, { state: 'pending' }, false).isReading).toBe(true);
  });
});
