'use client';

import { type FormEvent, useCallback, useEffect, useState } from 'react';

interface DeviceInfo {
  id: string;
  name: string;
  ward: string | null;
  bed: string | null;
}
interface PendingEnvelope {
  id: string;
  status: string;
  patientName: string;
  documents: { id: string; title: string }[];
  signers: { role: string; name: string }[];
}

/** A soft two-tone chime so staff at the bedside notice a new form (Web Audio; silent where unavailable). */
function chime() {
  try {
    const ctx = new AudioContext();
    for (const [i, freq] of [660, 880].entries()) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.08, ctx.currentTime + i * 0.18);
      gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + i * 0.18 + 0.3);
      osc.connect(gain).connect(ctx.destination);
      osc.start(ctx.currentTime + i * 0.18);
      osc.stop(ctx.currentTime + i * 0.18 + 0.32);
    }
  } catch {}
}

/**
 * Bedside device shell: enrollment, the idle screen, live pushes. The full patient-facing signing flow replaces
 * the envelope panel in the kiosk app; this shell is what the foundation ships.
 */
export function KioskShell() {
  const [device, setDevice] = useState<DeviceInfo | null | undefined>(undefined);
  const [online, setOnline] = useState(false);
  const [pending, setPending] = useState<PendingEnvelope[]>([]);
  const [error, setError] = useState<string | null>(null);

  const loadDevice = useCallback(async () => {
    const res = await fetch('/api/device/me');
    if (res.ok) setDevice((await res.json()) as DeviceInfo);
    else {
      setDevice(null);
      if (res.status === 403)
        setError('此设备已被吊销，请联系管理员 / This device was revoked; contact an administrator');
    }
  }, []);
  const loadPending = useCallback(async () => {
    const res = await fetch('/api/device/envelopes');
    if (res.ok) setPending((await res.json()) as PendingEnvelope[]);
  }, []);

  useEffect(() => {
    void loadDevice();
  }, [loadDevice]);

  useEffect(() => {
    if (!device) return;
    void loadPending();
    const source = new EventSource('/api/device/events');
    source.addEventListener('hello', () => setOnline(true));
    source.addEventListener('envelope.pushed', () => {
      chime();
      void loadPending();
    });
    source.addEventListener('envelope.withdrawn', () => void loadPending());
    source.addEventListener('resync', () => void loadPending());
    source.addEventListener('device.revoked', () => void loadDevice());
    source.onerror = () => setOnline(false);
    return () => source.close();
  }, [device, loadPending, loadDevice]);

  const current = pending[0];
  useEffect(() => {
    if (current && current.status === 'sent') {
      void fetch(`/api/device/envelopes/${current.id}/opened`, { method: 'POST' }).then(loadPending);
    }
  }, [current, loadPending]);

  const enroll = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code') ?? '');
    const res = await fetch('/api/device/enroll', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    if (res.ok) {
      setError(null);
      history.replaceState(null, '', '/kiosk');
      await loadDevice();
    } else {
      setError('注册码无效或已过期 / Invalid or expired enrollment code');
    }
  };

  if (device === undefined) return <main className="kiosk">…</main>;
  if (device === null) {
    const preset = typeof location !== 'undefined' ? (new URLSearchParams(location.search).get('enroll') ?? '') : '';
    return (
      <main className="kiosk">
        <h1>设备注册 / Enroll this device</h1>
        <form onSubmit={enroll}>
          <label htmlFor="code">注册码 / Enrollment code</label>
          <input id="code" name="code" defaultValue={preset} autoComplete="off" />
          <p>
            <button type="submit">注册 / Enroll</button>
          </p>
        </form>
        {error && <div className="alert">{error}</div>}
      </main>
    );
  }
  return (
    <main className="kiosk">
      <div className="muted" data-testid="kiosk-status">
        {online ? '● 在线 / Online' : '○ 离线 / Offline'} · {device.name}
      </div>
      {current ? (
        <section className="card" data-testid="kiosk-envelope" data-envelope-id={current.id}>
          <h1>请签署以下文书 / Please review and sign</h1>
          <p>
            患者 / Patient: <strong>{current.patientName}</strong>
          </p>
          <ul>
            {current.documents.map((d) => (
              <li key={d.id}>{d.title}</li>
            ))}
          </ul>
          <p className="muted">签署人 / Signer: {current.signers.map((s) => s.name).join('、')}</p>
        </section>
      ) : (
        <section className="idle" data-testid="kiosk-idle">
          <h1>inkproof 演示医院</h1>
          <p>
            {device.ward} · {device.bed ? `${device.bed} 床` : ''}
          </p>
          <p className="muted">等待医护人员发起签署 / Waiting for forms from the ward staff</p>
        </section>
      )}
    </main>
  );
}
