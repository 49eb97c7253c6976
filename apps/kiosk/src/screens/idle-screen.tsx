import { useState } from 'react';
import type { TDeviceInfo, TEnvelopeSummary } from '../api/device-schemas';
import { useLocale } from '../i18n/locale-context';
import type { QueueStatus } from '../queue/submission-queue';

interface Props {
  device: TDeviceInfo;
  online: boolean;
  queue: QueueStatus;
  pending: TEnvelopeSummary | undefined;
  onStart: (envelopeId: string, elderly: boolean) => void;
  notice: string | null;
}

/** Between patients: hospital, ward, bed, connection state; a pushed envelope shows here with a start button. */
export function IdleScreen({ device, online, queue, pending, onStart, notice }: Props) {
  const { t } = useLocale();
  const [elderly, setElderly] = useState(false);
  return (
    <main className="screen idle-screen">
      <div className="status-row">
        <span className={`status ${online ? 'on' : 'off'}`} data-testid="kiosk-status" data-online={online}>
          {online ? '● 在线 / Online' : '○ 离线 / Offline'} · {device.name}
        </span>
        {queue.pending - queue.pendingDeclines > 0 && (
          <span
            className="status off"
            data-testid="kiosk-pending-uploads"
            data-count={queue.pending - queue.pendingDeclines}
          >
            {queue.pending - queue.pendingDeclines} {t('pendingUploads')}
          </span>
        )}
        {queue.pendingDeclines > 0 && (
          <span className="status off" data-testid="kiosk-pending-declines" data-count={queue.pendingDeclines}>
            {queue.pendingDeclines} {t('pendingDeclines')}
          </span>
        )}
        {queue.rejected > 0 && (
          <span className="status error" data-testid="kiosk-rejected-uploads">
            {queue.rejected} {t('rejectedUploads')}
          </span>
        )}
      </div>
      {notice && <div className="notice">{notice}</div>}
      {pending ? (
        <section className="card envelope-card" data-testid="kiosk-envelope" data-envelope-id={pending.id}>
          <h1>{t('pleaseSign')}</h1>
          <p className="big">
            {t('patient')}: <strong>{pending.patientName}</strong>
          </p>
          <ol className="doc-list">
            {pending.documents.map((d) => (
              <li key={d.id}>{d.title}</li>
            ))}
          </ol>
          <div className="actions">
            <button type="button" className="secondary" aria-pressed={elderly} onClick={() => setElderly(!elderly)}>
              {elderly ? '✓ ' : ''}
              {t('elderly')}
            </button>
            <button type="button" className="primary huge" onClick={() => onStart(pending.id, elderly)}>
              {t('start')}
            </button>
          </div>
        </section>
      ) : (
        <section className="idle" data-testid="kiosk-idle">
          <h1>{device.hospital ?? 'inkproof 演示医院'}</h1>
          <p className="ward">
            {device.ward ?? ''}
            {device.bed ? ` · ${device.bed} ${t('bed')}` : ''}
          </p>
          <p className="muted">{t('waiting')}</p>
        </section>
      )}
    </main>
  );
}
