'use client';

import { useQuery } from '@tanstack/react-query';
import { useT, useTRPC } from './providers';

export function WardView() {
  const trpc = useTRPC();
  const { t } = useT();
  const wards = useQuery(trpc.wards.listWards.queryOptions());
  if (wards.isLoading) return <p className="muted">…</p>;
  return (
    <>
      {wards.data?.map((ward) => (
        <section key={ward.id} className="card">
          <h2>
            {ward.name} <span className="muted">({ward.code})</span>
          </h2>
          <div className="grid">
            {ward.beds.map((bed) => (
              <div key={bed.id} className="bed" data-testid={`bed-${bed.label}`}>
                <h3>
                  {bed.label} {t('ward.bed')}
                </h3>
                {bed.patient ? (
                  <>
                    <div>
                      <a href={`/console/patients/${bed.patient.id}`}>{bed.patient.name}</a>
                    </div>
                    <div className="muted">
                      {t('patient.mrn')} {bed.patient.mrn}
                    </div>
                  </>
                ) : (
                  <div className="muted">{t('ward.empty')}</div>
                )}
                {ward.devices
                  .filter((d) => d.bedId === bed.id && d.status === 'active')
                  .map((d) => (
                    <div key={d.id} className="muted">
                      📟 {d.name}
                    </div>
                  ))}
              </div>
            ))}
          </div>
        </section>
      ))}
    </>
  );
}
