import { isFingerprintError } from '@inkproof/ink-capture';
import { describe, expect, it } from 'vitest';
import { loadDeviceSettings, saveFingerprintBridgeUrl } from './device-settings';

const memory = () => {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), map };
};

describe('device settings', () => {
  it('keeps a loopback fingerprint bridge URL, normalised, and reads it back', () => {
    const store = memory();
    expect(loadDeviceSettings(store)).toEqual({ version: 1 });
    saveFingerprintBridgeUrl(' http://127.0.0.1:17321/fingerprint/ ', store);
    expect(loadDeviceSettings(store)).toEqual({
      version: 1,
      fingerprintBridgeUrl: 'http://127.0.0.1:17321/fingerprint',
    });
    saveFingerprintBridgeUrl('', store);
    expect(loadDeviceSettings(store)).toEqual({ version: 1 });
  });

  it('refuses a bridge on another machine and stores nothing', () => {
    const store = memory();
    let error: unknown;
    try {
      saveFingerprintBridgeUrl('http://10.1.2.3:17321', store);
    } catch (e) {
      error = e;
    }
    expect(isFingerprintError(error) && error.code).toBe('INVALID_URL');
    expect(store.map.size).toBe(0);
  });

  it('reads damaged or tampered settings as none', () => {
    const store = memory();
    store.setItem('inkproof-kiosk.settings', '{not json');
    expect(loadDeviceSettings(store)).toEqual({ version: 1 });
    store.setItem(
      'inkproof-kiosk.settings',
      JSON.stringify({ version: 1, fingerprintBridgeUrl: 'http://evil.example' }),
    );
    expect(loadDeviceSettings(store)).toEqual({ version: 1 });
  });
});
