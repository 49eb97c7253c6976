import { type FormEvent, useState } from 'react';
import type { DeviceApi } from '../api/device-api';
import { MESSAGES } from '../i18n/messages';
import { loadDeviceSettings, saveFingerprintBridgeUrl } from '../settings/device-settings';

const both = (key: keyof typeof MESSAGES) => `${MESSAGES[key].zh} / ${MESSAGES[key].en}`;

/**
 * First run: the code (or QR link `?enroll=CODE`) from the console's device page binds this kiosk to a bed. The
 * optional fingerprint capture service address is kept with the kiosk's local settings.
 */
export function EnrollScreen({
  api,
  onEnrolled,
  revoked,
}: {
  api: DeviceApi;
  onEnrolled: () => void;
  revoked: boolean;
}) {
  const preset = new URLSearchParams(location.search).get('enroll') ?? '';
  const [code, setCode] = useState(preset);
  const [bridge, setBridge] = useState(() => loadDeviceSettings().fingerprintBridgeUrl ?? '');
  const [error, setError] = useState<string | null>(revoked ? both('revoked') : null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      saveFingerprintBridgeUrl(bridge);
    } catch {
      setError(both('enrollFingerprintInvalid'));
      return;
    }
    setBusy(true);
    try {
      await api.enroll(code.trim().toUpperCase());
      setError(null);
      history.replaceState(null, '', location.pathname);
      onEnrolled();
    } catch {
      setError(both('enrollFailed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="screen enroll">
      <h1>{both('enrollTitle')}</h1>
      <form onSubmit={(e) => void submit(e)}>
        <label htmlFor="code">{both('enrollCode')}</label>
        <input
          id="code"
          name="code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          placeholder="ABCD-EFGH"
        />
        <label htmlFor="fingerprint-bridge">{both('enrollFingerprint')}</label>
        <input
          id="fingerprint-bridge"
          name="fingerprint-bridge"
          type="url"
          value={bridge}
          onChange={(e) => setBridge(e.target.value)}
          autoComplete="off"
          placeholder="http://127.0.0.1:17321/fingerprint"
        />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || !code.trim()}>
            {both('enroll')}
          </button>
        </div>
      </form>
      {error && (
        <div className="alert" role="alert">
          {error}
        </div>
      )}
    </main>
  );
}
