import { useLocale } from '../i18n/locale-context';

/** Step 2: the separate biometric notice (PIPL Art. 29), shown before any biometric capture. */
export function ConsentScreen({ onAnswer }: { onAnswer: (accepted: boolean) => void }) {
  const { t } = useLocale();
  return (
    <section className="step" data-testid="step-consent">
      <h1>{t('consentTitle')}</h1>
      <p className="notice-text" data-read-aloud>
        {t('consentText')}
      </p>
      <div className="actions">
        <button type="button" className="secondary" onClick={() => onAnswer(false)}>
          {t('consentRefuse')}
        </button>
        <button type="button" className="primary" onClick={() => onAnswer(true)}>
          {t('consentAccept')}
        </button>
      </div>
    </section>
  );
}
