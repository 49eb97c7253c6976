import { describe, expect, it } from 'vitest';
import type { TEnvelopeSummary } from '../api/device-schemas';
import { isOpenConsenterSlot, pickOfferedEnvelope, pickSignerSlot } from './consenter-slot';

const summary = (
  id: string,
  status: string,
  signers: { role: string; status?: string | null }[],
): TEnvelopeSummary => ({
  id,
  status,
  patientName: '张建国',
  documents: [{ id: `${id}-d1`, title: '手术知情同意书' }],
  signers: signers.map((s, i) => ({ id: `${id}-s${i}`, name: null, ...s })),
});

describe('which envelope the bedside offers', () => {
  const patientSignedDoctorPending = summary('a', 'signing', [
    { role: 'patient', status: 'signed' },
    { role: 'doctor', status: 'pending' },
  ]);
  const patientPending = summary('b', 'opened', [
    { role: 'patient', status: 'pending' },
    { role: 'doctor', status: 'pending' },
  ]);

  it('does not offer an envelope in which only the doctor (console) still has to sign', () => {
    expect(pickOfferedEnvelope([patientSignedDoctorPending], [])).toBeUndefined();
    expect(pickOfferedEnvelope([patientSignedDoctorPending, patientPending], [])?.id).toBe('b');
  });

  it('does not offer an envelope whose consenter declined, or one with staff signers only', () => {
    const declined = summary('c', 'opened', [{ role: 'guardian', status: 'declined' }, { role: 'doctor' }]);
    const staffOnly = summary('d', 'sent', [{ role: 'doctor', status: 'pending' }, { role: 'witness' }]);
    expect(pickOfferedEnvelope([declined, staffOnly], [])).toBeUndefined();
  });

  it('does not offer an envelope whose signing or decline waits in the outbox, nor a closed one', () => {
    expect(pickOfferedEnvelope([patientPending], ['b'])).toBeUndefined();
    expect(pickOfferedEnvelope([{ ...patientPending, status: 'sealing' }], [])).toBeUndefined();
  });

  it('treats a consenter without a status as still to sign, and fills the first open consenter slot', () => {
    expect(isOpenConsenterSlot({ role: 'near_relative', status: null })).toBe(true);
    expect(isOpenConsenterSlot({ role: 'nurse', status: 'pending' })).toBe(false);
    const slot = pickSignerSlot({
      signers: [
        { id: 'x', role: 'doctor', status: 'pending' },
        { id: 'y', role: 'patient', status: 'signed' },
        { id: 'z', role: 'guardian', status: 'opened' },
      ],
    });
    expect(slot?.id).toBe('z');
  });
});
