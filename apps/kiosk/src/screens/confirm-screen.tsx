import { renderInkSvgPath } from '@inkproof/ink';
import type { FlowState } from '../flow/flow-types';
import { useLocale } from '../i18n/locale-context';

/** Last look before submitting: each document with the signature given for it. */
export function ConfirmScreen({ state, onSubmit }: { state: FlowState; onSubmit: () => void }) {
  const { t } = useLocale();
  const submitting = state.step === 'submitting';
  return (
    <section className="step" data-testid="step-confirm">
      <h1>{t('confirmTitle')}</h1>
      <p className="big">
        {state.signer?.name} · {t(`role_${state.signer?.role ?? 'patient'}`)}
      </p>
      <h2>{t('signedDocs')}</h2>
      <ul className="signed-list">
        {state.envelope.documents.map((doc) => (
          <li key={doc.id}>
            <span>{doc.title}</span>
            {state.signatures
              .filter((s) => s.documentId === doc.id)
              .map((s) => (
                <svg
                  key={s.fieldName}
                  className="signature-thumb"
                  viewBox={`0 0 ${s.ink.context.surface.width} ${s.ink.context.surface.height}`}
                  role="img"
                  aria-label={s.fieldName}
                >
                  <path d={renderInkSvgPath(s.ink)} fill="#0b1f4b" />
                </svg>
              ))}
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" className="primary huge" disabled={submitting} onClick={onSubmit}>
          {submitting ? t('submitting') : t('submit')}
        </button>
      </div>
    </section>
  );
}
