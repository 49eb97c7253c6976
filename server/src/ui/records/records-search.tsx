'use client';

import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { type FormEvent, useState } from 'react';
import { ENVELOPE_STATUSES, SIGNER_ROLES } from '../../db/schema/enums';
import { errorText } from '../error-text';
import { useT, useTRPC } from '../providers';

type Filters = {
  query?: string;
  idNumber?: string;
  wardId?: string;
  templateKey?: string;
  from?: string;
  to?: string;
  statuses?: (typeof ENVELOPE_STATUSES)[number][];
  signerRole?: (typeof SIGNER_ROLES)[number];
};

/** Reads the filter form into the search input; empty fields are left out, dates become day bounds. */
function filtersOf(form: FormData): Filters {
  const text = (k: string) => {
    const v = String(form.get(k) ?? '').trim();
    return v === '' ? undefined : v;
  };
  const status = text('status') as Filters['statuses'] extends (infer S)[] | undefined ? S | undefined : never;
  const from = text('from');
  const to = text('to');
  return {
    query: text('query'),
    idNumber: text('idNumber'),
    wardId: text('wardId'),
    templateKey: text('templateKey'),
    from: from ? new Date(`${from}T00:00:00`).toISOString() : undefined,
    to: to ? new Date(`${to}T23:59:59.999`).toISOString() : undefined,
    statuses: status ? [status] : undefined,
    signerRole: text('signerRole') as Filters['signerRole'],
  };
}

export function RecordsSearch() {
  const trpc = useTRPC();
  const { t, lang } = useT();
  const [filters, setFilters] = useState<Filters>({});
  const wards = useQuery(trpc.wards.listWards.queryOptions());
  const templates = useQuery(trpc.templates.listTemplates.queryOptions());
  const results = useInfiniteQuery(
    trpc.records.searchSignings.infiniteQueryOptions(
      { ...filters, limit: 25 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setFilters(filtersOf(new FormData(e.currentTarget)));
  };
  const rows = results.data?.pages.flatMap((p) => p.rows) ?? [];
  return (
    <>
      <section className="card">
        <h2>{t('records.title')}</h2>
        <form onSubmit={onSubmit} className="records-filters" data-testid="records-search-form">
          <label>
            {t('records.query')} <input name="query" data-testid="records-query" />
          </label>
          <label>
            {t('records.idNumber')} <input name="idNumber" autoComplete="off" inputMode="text" maxLength={18} />
          </label>
          <label>
            {t('records.ward')}{' '}
            <select name="wardId">
              <option value="">{t('records.any')}</option>
              {wards.data?.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('records.formType')}{' '}
            <select name="templateKey">
              <option value="">{t('records.any')}</option>
              {[...new Map(templates.data?.map((x) => [x.key, x.title])).entries()].map(([key, title]) => (
                <option key={key} value={key}>
                  {title[lang]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('records.from')} <input type="date" name="from" />
          </label>
          <label>
            {t('records.to')} <input type="date" name="to" />
          </label>
          <label>
            {t('records.status')}{' '}
            <select name="status">
              <option value="">{t('records.any')}</option>
              {ENVELOPE_STATUSES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </label>
          <label>
            {t('records.signerRole')}{' '}
            <select name="signerRole">
              <option value="">{t('records.any')}</option>
              {SIGNER_ROLES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </label>
          <button type="submit" data-testid="records-search">
            {t('records.search')}
          </button>
        </form>
      </section>
      <section className="card">
        {results.error && (
          <div className="alert" role="alert" data-testid="records-error">
            {errorText(results.error, lang)}
          </div>
        )}
        {results.isSuccess && rows.length === 0 && <p className="muted">{t('records.none')}</p>}
        {rows.length > 0 && (
          <table data-testid="records-results">
            <thead>
              <tr>
                <th>{t('records.created')}</th>
                <th>{t('records.patient')}</th>
                <th>{t('records.ward')}</th>
                <th>{t('records.documents')}</th>
                <th>{t('records.signers')}</th>
                <th>{t('records.status')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.envelopeId} data-envelope-id={r.envelopeId}>
                  <td>{new Date(r.createdAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB')}</td>
                  <td>
                    {r.patient.name} <span className="muted">{r.patient.mrn}</span>
                  </td>
                  <td>{r.wardName ?? '—'}</td>
                  <td>{r.documents.map((d) => d.title).join('、')}</td>
                  <td>{r.signers.map((s) => `${s.role}（${s.status}）`).join('、')}</td>
                  <td>
                    <span className={`status status-${r.status}`}>{r.status}</span>
                  </td>
                  <td>
                    <Link href={`/console/records/${r.envelopeId}`}>{t('records.open')}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {results.hasNextPage && (
          <button type="button" className="secondary" onClick={() => results.fetchNextPage()}>
            {t('records.more')}
          </button>
        )}
      </section>
    </>
  );
}
