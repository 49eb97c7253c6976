'use client';

import { useQuery } from '@tanstack/react-query';
import { EnvelopeList } from './envelope-list';
import { LaunchForm } from './launch-form';
import { useT, useTRPC } from './providers';

export function PatientPage({ patientId }: { patientId: string }) {
  const trpc = useTRPC();
  const { t } = useT();
  const patient = useQuery(trpc.patients.getPatient.queryOptions({ patientId }));
  if (patient.error) return <div className="alert">{patient.error.message}</div>;
  const p = patient.data;
  if (!p) return <p className="muted">…</p>;
  return (
    <>
      <section className="card">
        <h2 data-testid="patient-name">{p.name}</h2>
        <div className="muted">
          {t('patient.mrn')} {p.mrn} · {t(`patient.sex`)} {p.sex === 'male' ? '男' : p.sex === 'female' ? '女' : '—'} ·{' '}
          {t('patient.birthDate')} {p.birthDate ?? '—'} · {p.wardName} {p.bedLabel} {t('ward.bed')}
        </div>
      </section>
      <LaunchForm patient={{ id: p.id, name: p.name, wardId: p.wardId }} />
      <EnvelopeList patientId={p.id} />
    </>
  );
}
