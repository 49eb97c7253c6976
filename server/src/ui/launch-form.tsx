'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import type { MessageKey } from '../i18n/messages';
import { errorText } from './error-text';
import { useT, useTRPC } from './providers';

const ROLES = ['patient', 'guardian', 'agent', 'near_relative', 'witness', 'doctor'] as const;
type Role = (typeof ROLES)[number];
interface SignerRow {
  role: Role;
  name: string;
  relationship: string;
  /** Added because a chosen form needs this signer; removed again when no chosen form does. */
  auto?: boolean;
}

export function LaunchForm({ patient }: { patient: { id: string; name: string; wardId: string | null } }) {
  const trpc = useTRPC();
  const { t, lang } = useT();
  const queryClient = useQueryClient();
  const templates = useQuery(trpc.templates.listTemplates.queryOptions());
  const devices = useQuery(trpc.devices.listDevices.queryOptions());
  const [chosen, setChosen] = useState<string[]>([]);
  const [data, setData] = useState<Record<string, string>>({});
  const [signers, setSigners] = useState<SignerRow[]>([{ role: 'patient', name: patient.name, relationship: '' }]);
  const [channel, setChannel] = useState<'device' | 'link'>('device');
  const [deviceId, setDeviceId] = useState('');
  const [hours, setHours] = useState(24);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const create = useMutation(
    trpc.envelopes.createEnvelope.mutationOptions({
      onSuccess: () => {
        setMessage({ ok: true, text: t('launch.sent') });
        void queryClient.invalidateQueries();
      },
      onError: (e) => setMessage({ ok: false, text: errorText(e, lang) }),
    }),
  );
  const selected = (templates.data ?? []).filter((tpl) => chosen.includes(tpl.key));
  const fields = useMemo(() => {
    const seen = new Map<string, (typeof selected)[number]['fields'][number]>();
    for (const tpl of selected) for (const f of tpl.fields) if (!seen.has(f.key)) seen.set(f.key, f);
    return [...seen.values()];
  }, [selected]);
  const activeDevices = (devices.data ?? []).filter((d) => d.status === 'active' && d.wardId === patient.wardId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    create.mutate({
      patientId: patient.id,
      documents: selected.map((tpl) => ({
        templateKey: tpl.key,
        templateVersion: tpl.version,
        data: Object.fromEntries(tpl.fields.map((f) => [f.key, data[f.key] ?? '']).filter(([, v]) => v !== '')),
      })),
      signers: signers.map((s) => ({
        role: s.role,
        name: s.name,
        ...(s.relationship ? { relationship: s.relationship } : {}),
      })),
      channel,
      ...(channel === 'device' && deviceId ? { deviceId } : {}),
      expiresInHours: hours,
    });
  };
  const me = useQuery(trpc.auth.getMe.queryOptions());
  // A form that needs the doctor's signature (告知医师) gets a doctor row at once: the launching doctor, or a name to
  // fill in. The doctor signs it later in the console, never at the bedside.
  const addRequiredStaff = (templateSigners: { role: string; required: boolean }[]) => {
    for (const role of ['doctor', 'witness'] as const) {
      if (!templateSigners.some((x) => x.role === role && x.required)) continue;
      setSigners((rows) =>
        rows.some((r) => r.role === role)
          ? rows
          : [
              ...rows,
              {
                role,
                name: role === 'doctor' && me.data?.roles.includes('doctor') ? me.data.displayName : '',
                relationship: '',
                auto: true,
              },
            ],
      );
    }
  };
  const dropUnneededStaff = (stillChosen: string[]) => {
    const needs = (role: string) =>
      (templates.data ?? []).some(
        (tpl) => stillChosen.includes(tpl.key) && tpl.signers.some((x) => x.role === role && x.required),
      );
    setSigners((rows) => rows.filter((r) => !r.auto || needs(r.role)));
  };
  const setSigner = (i: number, patch: Partial<SignerRow>) =>
    setSigners((rows) => rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <section className="card">
      <h3>{t('launch.title')}</h3>
      <form onSubmit={submit} data-testid="launch-form">
        <label>{t('launch.templates')}</label>
        <div className="row">
          {templates.data?.map((tpl) => (
            <label key={tpl.key} style={{ color: 'inherit', flex: '0 0 auto' }}>
              <input
                type="checkbox"
                style={{ width: 'auto', marginRight: 6 }}
                checked={chosen.includes(tpl.key)}
                onChange={(e) => {
                  setChosen((c) => (e.target.checked ? [...c, tpl.key] : c.filter((k) => k !== tpl.key)));
                  if (e.target.checked) addRequiredStaff(tpl.signers);
                  else dropUnneededStaff(chosen.filter((k) => k !== tpl.key));
                }}
                data-testid={`template-${tpl.key}`}
              />
              {lang === 'zh' ? tpl.title.zh : tpl.title.en}
            </label>
          ))}
        </div>
        {fields.length > 0 && <label>{t('launch.formData')}</label>}
        <div className="row">
          {fields.map((f) => (
            <div key={f.key} style={f.type === 'textarea' ? { flexBasis: '100%' } : undefined}>
              <label htmlFor={`f-${f.key}`}>
                {lang === 'zh' ? f.label.zh : f.label.en}
                {f.required ? ' *' : ''}
              </label>
              {f.type === 'select' ? (
                <select
                  id={`f-${f.key}`}
                  value={data[f.key] ?? ''}
                  onChange={(e) => setData({ ...data, [f.key]: e.target.value })}
                >
                  <option value="" />
                  {f.options?.map((o) => (
                    <option key={o.value} value={o.value}>
                      {lang === 'zh' ? o.label.zh : o.label.en}
                    </option>
                  ))}
                </select>
              ) : f.type === 'textarea' ? (
                <textarea
                  id={`f-${f.key}`}
                  rows={2}
                  value={data[f.key] ?? ''}
                  onChange={(e) => setData({ ...data, [f.key]: e.target.value })}
                />
              ) : (
                <input
                  id={`f-${f.key}`}
                  type={f.type === 'date' ? 'date' : 'text'}
                  value={data[f.key] ?? ''}
                  onChange={(e) => setData({ ...data, [f.key]: e.target.value })}
                />
              )}
            </div>
          ))}
        </div>
        <label>{t('launch.signers')}</label>
        {signers.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity besides their position
          <div className="row" key={i} data-testid={`signer-${i}`}>
            <div>
              <label htmlFor={`role-${i}`}>{t('launch.role')}</label>
              <select id={`role-${i}`} value={s.role} onChange={(e) => setSigner(i, { role: e.target.value as Role })}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`role.${r}` as MessageKey)}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={`name-${i}`}>{t('launch.signerName')}</label>
              <input id={`name-${i}`} value={s.name} onChange={(e) => setSigner(i, { name: e.target.value })} />
            </div>
            <div>
              <label htmlFor={`rel-${i}`}>{t('launch.relationship')}</label>
              <input
                id={`rel-${i}`}
                value={s.relationship}
                onChange={(e) => setSigner(i, { relationship: e.target.value })}
              />
            </div>
            {signers.length > 1 && (
              <button
                type="button"
                className="danger"
                style={{ flex: '0 0 auto' }}
                onClick={() => setSigners(signers.filter((_, j) => j !== i))}
              >
                ✕
              </button>
            )}
          </div>
        ))}
        <p>
          <button
            type="button"
            className="secondary"
            onClick={() => setSigners([...signers, { role: 'doctor', name: '', relationship: '' }])}
          >
            {t('launch.addSigner')}
          </button>
        </p>
        <div className="row">
          <div>
            <label htmlFor="channel">{t('launch.channel')}</label>
            <select id="channel" value={channel} onChange={(e) => setChannel(e.target.value as 'device' | 'link')}>
              <option value="device">{t('launch.device')}</option>
              <option value="link">{t('launch.link')}</option>
            </select>
          </div>
          {channel === 'device' && (
            <div>
              <label htmlFor="device">{t('launch.device')}</label>
              <select id="device" value={deviceId} onChange={(e) => setDeviceId(e.target.value)}>
                <option value="" />
                {activeDevices.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div>
            <label htmlFor="hours">{t('launch.expiry')}</label>
            <input
              id="hours"
              type="number"
              min={1}
              max={336}
              value={hours}
              onChange={(e) => setHours(Number(e.target.value))}
            />
          </div>
        </div>
        {message && (
          <div className={message.ok ? 'notice' : 'alert'} role={message.ok ? 'status' : 'alert'}>
            {message.text}
          </div>
        )}
        <p>
          <button type="submit" disabled={create.isPending || chosen.length === 0}>
            {t('launch.send')}
          </button>
        </p>
      </form>
    </section>
  );
}
