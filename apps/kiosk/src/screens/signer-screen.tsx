import { useState } from 'react';
import type { TEnvelopeDetail } from '../api/device-schemas';
import { needsReason } from '../flow/flow-machine';
import { SIGNER_ROLE_CHOICES, type SignerChoice, type SignerRole } from '../flow/flow-types';
import { useLocale } from '../i18n/locale-context';

const RELATIONSHIPS = ['配偶', '子女', '父母', '兄弟姐妹', '祖父母', '孙子女', '其他'];
const REASONS = [
  '患者为未成年人',
  '患者意识不清或无民事行为能力',
  '患者授权委托他人签署',
  '告知患者本人可能造成不利后果',
];

/** Step 1: who signs. Anyone but the patient needs a relationship and the reason (病历书写基本规范 Art. 10). */
export function SignerScreen({
  envelope,
  onChoose,
}: {
  envelope: TEnvelopeDetail;
  onChoose: (c: SignerChoice) => void;
}) {
  const { t } = useLocale();
  const [role, setRole] = useState<SignerRole>('patient');
  const [name, setName] = useState(envelope.patient.name);
  const [relationship, setRelationship] = useState('');
  const [reason, setReason] = useState('');
  const pickRole = (next: SignerRole) => {
    setRole(next);
    setName(next === 'patient' ? envelope.patient.name : '');
  };
  const complete = name.trim() && (!needsReason(role) || (relationship.trim() && reason.trim()));
  return (
    <section className="step" data-testid="step-signer">
      <h1>{t('whoSigns')}</h1>
      <div className="choice-grid" role="radiogroup" aria-label={t('whoSigns')}>
        {SIGNER_ROLE_CHOICES.map((r) => (
          <label key={r} className={`choice ${role === r ? 'selected' : ''}`}>
            <input type="radio" name="role" value={r} checked={role === r} onChange={() => pickRole(r)} />
            {t(`role_${r}`)}
          </label>
        ))}
      </div>
      <label htmlFor="signer-name">{t('signerName')}</label>
      <input id="signer-name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
      {needsReason(role) && (
        <>
          <label htmlFor="signer-relationship">{t('relationship')}</label>
          <input
            id="signer-relationship"
            list="relationships"
            value={relationship}
            onChange={(e) => setRelationship(e.target.value)}
            autoComplete="off"
          />
          <datalist id="relationships">
            {RELATIONSHIPS.map((r) => (
              <option key={r} value={r} />
            ))}
          </datalist>
          <label htmlFor="signer-reason">{t('reasonNotPatient')}</label>
          <input
            id="signer-reason"
            list="reasons"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            autoComplete="off"
          />
          <datalist id="reasons">
            {REASONS.map((r) => (
              <option key={r} value={r} />
            ))}
          </datalist>
          <p className="muted">{t('reasonHint')}</p>
        </>
      )}
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={!complete}
          onClick={() =>
            onChoose({
              role,
              name: name.trim(),
              ...(needsReason(role)
                ? { relationship: relationship.trim(), reasonPatientNotSigning: reason.trim() }
                : {}),
            })
          }
        >
          {t('next')}
        </button>
      </div>
    </section>
  );
}
