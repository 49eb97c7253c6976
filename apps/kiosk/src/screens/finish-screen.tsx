import { useEffect } from 'react';
import { useLocale } from '../i18n/locale-context';

/**
 * 已完成 / Done (or declined); returns to idle by itself after a few seconds. `upload`: acknowledged by the server,
 * stored on the device for a later upload, or refused by the server (kept for the staff).
 */
export function FinishScreen({
  kind,
  upload,
  onClose,
}: {
  kind: 'done' | 'declined';
  upload: 'sent' | 'stored' | 'refused';
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
          {upload === 'stored' && (
            <p className="notice" data-testid="saved-offline">
              {t('savedOffline')}
            </p>
          )}
          {upload === 'refused' && (
            <p className="alert" data-testid="upload-refused">
              {t('uploadRefused')}
            </p>
          )}
        </>
      ) : (
        <>
          <h1>{t('declined')}</h1>
          {upload === 'stored' && (
            <p className="notice" data-testid="saved-offline">
              {t('declineSavedOffline')}
            </p>
          )}
        </>
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={onClose}>
          OK
        </button>
      </div>
    </section>
  );
}
