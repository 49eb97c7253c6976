import { useEffect } from 'react';
import { useLocale } from '../i18n/locale-context';

/** 已完成 / Done (or declined); returns to idle by itself after a few seconds. */
export function FinishScreen({
  kind,
  savedOffline,
  onClose,
}: {
  kind: 'done' | 'declined';
  savedOffline: boolean;
  onClose: () => void;
}) {
  const { t } = useLocale();
  useEffect(() => {
    const timer = setTimeout(onClose, 6000);
    return () => clearTimeout(timer);
  }, [onClose]);
  return (
    <section className="step finish" data-testid={kind === 'done' ? 'kiosk-done' : 'kiosk-declined'}>
      {kind === 'done' ? (
        <>
          <div className="tick" aria-hidden="true">
            ✓
          </div>
          <h1>已完成 / Done</h1>
          <p className="big">{t('thanks')}</p>
          {savedOffline && (
            <p className="notice" data-testid="saved-offline">
              {t('savedOffline')}
            </p>
          )}
        </>
      ) : (
        <h1>{t('declined')}</h1>
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={onClose}>
          OK
        </button>
      </div>
    </section>
  );
}
