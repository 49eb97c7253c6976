import { useState } from 'react';
import { useLocale } from '../i18n/locale-context';

/** Declining is always possible, with a reason the staff will see. */
export function DeclineDialog({
  onDecline,
  onCancel,
  busy,
  error,
}: {
  onDecline: (reason: string) => void;
  onCancel: () => void;
  busy: boolean;
  error: string | null;
}) {
  const { t } = useLocale();
  const [reason, setReason] = useState('');
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="decline-title"
        data-testid="decline-dialog"
      >
        <h2 id="decline-title">{t('declineReason')}</h2>
        <textarea id="decline-reason" value={reason} onChange={(e) => setReason(e.target.value)} rows={3} />
        {error && <div className="alert">{error}</div>}
        <div className="actions">
          <button type="button" className="secondary" onClick={onCancel}>
            {t('cancel')}
          </button>
          <button
            type="button"
            className="danger"
            disabled={busy || !reason.trim()}
            onClick={() => onDecline(reason.trim())}
          >
            {t('declineConfirm')}
          </button>
        </div>
      </div>
    </div>
  );
}
