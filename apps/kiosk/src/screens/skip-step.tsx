import { useState } from 'react';
import { useLocale } from '../i18n/locale-context';
import { MESSAGES, type MessageKey } from '../i18n/messages';

/** Skipping an optional step needs a reason; recorded (in zh-CN) in the submission's `identity.skipped`. */
export function SkipStep({ reasons, onSkip }: { reasons: MessageKey[]; onSkip: (reason: string) => void }) {
  const { t } = useLocale();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<MessageKey | ''>('');
  if (!open)
    return (
      <button type="button" className="link" onClick={() => setOpen(true)}>
        {t('skip')}
      </button>
    );
  return (
    <div className="skip" data-testid="skip-step">
      <label htmlFor="skip-reason">{t('skipReason')}</label>
      <select id="skip-reason" value={reason} onChange={(e) => setReason(e.target.value as MessageKey)}>
        <option value="" />
        {reasons.map((r) => (
          <option key={r} value={r}>
            {t(r)}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="secondary"
        disabled={!reason}
        onClick={() => reason && onSkip(MESSAGES[reason].zh)}
      >
        {t('skip')}
      </button>
    </div>
  );
}
