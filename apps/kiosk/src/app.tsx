import { type FingerprintReader, LocalBridgeFingerprintReader } from '@inkproof/ink-capture';
import { useCallback, useEffect, useRef, useState } from 'react';
import { createDeviceApi } from './api/device-api';
import type { TDeviceInfo, TEnvelopeSummary } from './api/device-schemas';
import { pickOfferedEnvelope } from './flow/consenter-slot';
import { startFlow } from './flow/flow-machine';
import type { FlowState } from './flow/flow-types';
import { SigningFlow } from './flow/signing-flow';
import { isKioskError } from './kiosk-error';
import { chime } from './lib/chime';
import { nowIso } from './lib/now-iso';
import { type QueueStatus, SubmissionQueue } from './queue/submission-queue';
import { openSubmissionStore, type SubmissionStore } from './queue/submission-store';
import { EnrollScreen } from './screens/enroll-screen';
import { IdleScreen } from './screens/idle-screen';
import { loadDeviceSettings } from './settings/device-settings';

const api = createDeviceApi();
const params = new URLSearchParams(location.search);
/** Seconds without interaction before the flow returns to idle (`?idle=` for staff testing). */
const IDLE_SECONDS = Math.max(10, Number(params.get('idle')) || 180);

/** In-memory stand-in when IndexedDB is unavailable (private mode): submissions still go out, but not durably. */
function memoryStore(): SubmissionStore {
  const items = new Map<string, Parameters<SubmissionStore['put']>[0]>();
  return {
    put: async (item) => void items.set(item.idempotencyKey, structuredClone(item)),
    list: async () => [...items.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    remove: async (key) => void items.delete(key),
  };
}

/** The configured fingerprint reader, if any (settings are read again after an enrollment). */
function fingerprintReaderFromSettings(): FingerprintReader | undefined {
  const url = loadDeviceSettings().fingerprintBridgeUrl;
  return url ? new LocalBridgeFingerprintReader({ baseUrl: url }) : undefined;
}

const queueReady: Promise<SubmissionQueue> = openSubmissionStore()
  .catch(() => memoryStore())
  .then((store) => {
    const queue = new SubmissionQueue({
      store,
      upload: async ({ kind, body }) =>
        kind === 'decline'
          ? { id: (await api.decline(body as Parameters<typeof api.decline>[0])).id }
          : { id: (await api.submit(body)).submissionId },
    });
    window.addEventListener('online', () => void queue.kick());
    // Finished signatures from before a reload go out first.
    void queue.kick();
    return queue;
  });

/**
 * The kiosk: enrollment, idle screen with live pushes (SSE), and one signing sitting at a time. Leaving a
 * sitting unmounts it (key change), so nothing about the previous patient stays reachable.
 */
export function App() {
  const [device, setDevice] = useState<TDeviceInfo | null | undefined>(undefined);
  const [revoked, setRevoked] = useState(false);
  const [online, setOnline] = useState(false);
  const [pending, setPending] = useState<TEnvelopeSummary[]>([]);
  const [queue, setQueue] = useState<SubmissionQueue | undefined>(undefined);
  const [queueStatus, setQueueStatus] = useState<QueueStatus>({
    pending: 0,
    pendingDeclines: 0,
    envelopeIds: [],
    rejected: 0,
    uploading: false,
  });
  const [flow, setFlow] = useState<{ key: number; state: FlowState } | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);
  const [fingerprintReader, setFingerprintReader] = useState(fingerprintReaderFromSettings);
  const flowEnvelope = useRef<string | undefined>(undefined);
  const sitting = useRef(0);

  useEffect(() => {
    void queueReady.then((q) => {
      setQueue(q);
      q.onChange(setQueueStatus);
    });
  }, []);

  const loadDevice = useCallback(async () => {
    try {
      setDevice(await api.me());
    } catch (error) {
      if (isKioskError(error) && (error.code === 'UNAUTHORIZED' || error.code === 'REVOKED')) {
        setRevoked(error.code === 'REVOKED');
        // A revoked or forgotten device drops any sitting in progress with its patient data.
        flowEnvelope.current = undefined;
        setFlow(undefined);
        setDevice(null);
      } else {
        setOnline(false);
        setTimeout(() => void loadDevice(), 5000);
      }
    }
  }, []);
  const loadPending = useCallback(async () => {
    try {
      setPending(await api.envelopes());
    } catch {
      // Offline: keep what we had; the SSE reconnect triggers a reload.
    }
  }, []);

  useEffect(() => {
    void loadDevice();
  }, [loadDevice]);

  useEffect(() => {
    if (!device) return;
    void loadPending();
    const source = new EventSource('/api/device/events');
    source.addEventListener('hello', () => {
      setOnline(true);
      void loadPending();
      void queue?.kick();
    });
    source.addEventListener('envelope.pushed', () => {
      chime();
      void loadPending();
    });
    source.addEventListener('envelope.withdrawn', (e) => {
      const id = parseEnvelopeId((e as MessageEvent).data);
      if (id && id === flowEnvelope.current) {
        flowEnvelope.current = undefined;
        setFlow(undefined);
        setNotice('医护人员已撤回此文书 / The staff withdrew this form');
      }
      void loadPending();
    });
    source.addEventListener('resync', () => void loadPending());
    source.addEventListener('device.revoked', () => void loadDevice());
    source.onerror = () => setOnline(false);
    return () => source.close();
  }, [device, loadPending, loadDevice, queue]);

  // Offered: open envelopes with a consenter slot left, not already waiting in the outbox (signed or declined).
  const current = pickOfferedEnvelope(pending, queueStatus.envelopeIds);
  useEffect(() => {
    if (current?.status === 'sent') void api.markOpened(current.id).then(loadPending, () => undefined);
  }, [current, loadPending]);

  const start = async (envelopeId: string, elderly: boolean) => {
    setNotice(null);
    try {
      const envelope = await api.envelope(envelopeId);
      const state = startFlow(envelope, nowIso(), elderly, { fingerprintReader: !!fingerprintReader });
      if (!state) {
        // Someone signed meanwhile (only staff signatures are left): back to a fresh list, not a flow without a slot.
        setNotice('此设备上没有需要签署的内容 / Nothing to sign on this device');
        void loadPending();
        return;
      }
      flowEnvelope.current = envelopeId;
      sitting.current += 1;
      setFlow({ key: sitting.current, state });
    } catch (error) {
      setNotice((error as Error).message);
      void loadPending();
    }
  };

  const exit = useCallback(
    (reason: string) => {
      flowEnvelope.current = undefined;
      setFlow(undefined);
      if (reason === 'timeout') setNotice('长时间无操作，已返回 / Returned after inactivity');
      void loadPending();
    },
    [loadPending],
  );

  if (device === undefined) return <main className="screen loading">…</main>;
  if (device === null)
    return (
      <EnrollScreen
        api={api}
        revoked={revoked}
        onEnrolled={() => {
          setRevoked(false);
          setFingerprintReader(fingerprintReaderFromSettings());
          void loadDevice();
        }}
      />
    );
  if (flow && queue)
    return (
      <SigningFlow
        key={flow.key}
        api={api}
        queue={queue}
        fingerprintReader={fingerprintReader}
        initial={flow.state}
        idleSeconds={IDLE_SECONDS}
        onExit={exit}
      />
    );
  return (
    <IdleScreen
      device={device}
      online={online}
      queue={queueStatus}
      pending={current}
      notice={notice}
      onStart={(id, elderly) => void start(id, elderly)}
    />
  );
}

function parseEnvelopeId(data: unknown): string | undefined {
  try {
    const parsed = JSON.parse(String(data)) as { envelopeId?: unknown };
    return typeof parsed.envelopeId === 'string' ? parsed.envelopeId : undefined;
  } catch {
    return undefined;
  }
}
