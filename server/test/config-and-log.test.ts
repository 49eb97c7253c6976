import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config';
import { createLogger } from '../src/log';
import { DEMO_PATIENTS } from '../src/seed/demo-data';
import { isValidIdNumber } from '../src/seed/id-number';
import { ageOn } from '../src/services/envelopes/patient-form-data';
import { canTransition, sourcesOf, TERMINAL_STATUSES } from '../src/services/envelopes/status-machine';

describe('configuration', () => {
  it('uses embedded defaults when nothing is set', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      seedDemo: 'auto',
      publicUrl: 'http://localhost:3000',
    });
  });

  it('names every bad variable', () => {
    const error = (() => {
      try {
        loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', INKPROOF_SECRET: 'short' });
      } catch (e) {
        return e;
      }
    })() as ConfigError;
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.issues.map((i) => i.variable).sort()).toEqual(['DATABASE_URL', 'INKPROOF_SECRET', 'PORT']);
    expect(error.message).toContain('PORT');
  });
});

describe('logging', () => {
  it('redacts ID numbers, tokens and biometrics at any depth', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const log = createLogger('info', sink);
    log.info(
      { idNumber: '110105194912310038', signer: { token: 'secret-token', photo: 'base64' }, envelopeId: 'e1' },
      'x',
    );
    const text = lines.join('');
    expect(text).not.toContain('110105194912310038');
    expect(text).not.toContain('secret-token');
    expect(text).toContain('"envelopeId":"e1"');
  });
});

describe('demo data and status machine', () => {
  it('seeds checksum-valid ID numbers that agree with birth date and sex', () => {
    for (const p of DEMO_PATIENTS) {
      expect(isValidIdNumber(p.idNumber)).toBe(true);
      expect(p.idNumber.slice(6, 14)).toBe(p.birthDate.replace(/-/g, ''));
      expect(Number(p.idNumber[16]) % 2 === 1 ? 'male' : 'female').toBe(p.sex);
    }
  });

  it('computes ages on the birthday boundary', () => {
    expect(ageOn('1949-12-31', new Date('2026-12-30T00:00:00Z'))).toBe(76);
    expect(ageOn('1949-12-31', new Date('2026-12-31T00:00:00Z'))).toBe(77);
  });

  it('never leaves a terminal state and only seals from signing', () => {
    for (const s of TERMINAL_STATUSES) expect(sourcesOf('opened')).not.toContain(s);
    expect(sourcesOf('sealing').sort()).toEqual(['failed', 'signing']);
    expect(canTransition('sent', 'completed')).toBe(false);
  });
});
