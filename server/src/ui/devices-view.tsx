'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { errorText } from './error-text';
import { useT, useTRPC } from './providers';

export function DevicesView() {
  const trpc = useTRPC();
  const { t, lang } = useT();
  const queryClient = useQueryClient();
  const wards = useQuery(trpc.wards.listWards.queryOptions());
  const devices = useQuery(trpc.devices.listDevices.queryOptions());
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [bedId, setBedId] = useState('');
  const ward = wards.data?.[0];
  const enroll = useMutation(
    trpc.devices.createEnrollment.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(),
      onError: (e) => setError(errorText(e, lang)),
    }),
  );
  const revoke = useMutation(
    trpc.devices.revokeDevice.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(),
      onError: (e) => setError(errorText(e, lang)),
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (ward) enroll.mutate({ name, wardId: ward.id, ...(bedId ? { bedId } : {}) });
  };
  return (
    <>
      <section className="card">
        <h3>{t('device.enroll')}</h3>
        <form onSubmit={submit} className="row">
          <div>
            <label htmlFor="device-name">{t('device.name')}</label>
            <input id="device-name" required value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          <div>
            <label htmlFor="device-bed">{t('ward.bed')}</label>
            <select id="device-bed" value={bedId} onChange={(e) => setBedId(e.target.value)}>
              <option value="" />
              {ward?.beds.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.label}
                </option>
              ))}
            </select>
          </div>
          <div style={{ flex: '0 0 auto' }}>
            <button type="submit" disabled={enroll.isPending || !ward}>
              {t('device.enroll')}
            </button>
          </div>
        </form>
        {error && (
          <div className="alert" role="alert">
            {error}
          </div>
        )}
        {enroll.data && (
          <div className="notice" data-testid="enrollment">
            {t('device.code')}:{' '}
            <code className="code" data-testid="enrollment-code">
              {enroll.data.code}
            </code>
            <div className="muted">{enroll.data.url}</div>
            {/* The SVG is produced server-side by the qrcode library from our own URL. */}
            {/* biome-ignore lint/security/noDangerouslySetInnerHtml: trusted server-generated QR SVG */}
            <div style={{ width: 180 }} dangerouslySetInnerHTML={{ __html: enroll.data.qrSvg }} />
          </div>
        )}
      </section>
      <section className="card">
        <h3>{t('nav.devices')}</h3>
        <table>
          <thead>
            <tr>
              <th>{t('device.name')}</th>
              <th>{t('device.status')}</th>
              <th>{t('device.lastSeen')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {devices.data?.map((d) => (
              <tr key={d.id} data-testid={`device-${d.name}`}>
                <td>{d.name}</td>
                <td>{d.status}</td>
                <td>{d.lastSeenAt ? new Date(d.lastSeenAt).toLocaleString() : '—'}</td>
                <td>
                  {d.status !== 'revoked' && (
                    <button type="button" className="danger" onClick={() => revoke.mutate({ deviceId: d.id })}>
                      {t('device.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
