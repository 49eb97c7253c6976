'use client';

import type { SigningSubmissionView } from '../../services/records/get-signing';
import { useT } from '../providers';
import { DecryptPanel } from './decrypt-panel';
import { InkPlots } from './ink-plots';
import { InkReplay } from './ink-replay';

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** One signer's captured evidence: replay and plots per signature, reading, timeline, device, identity items. */
export function SubmissionPanel({
  envelopeId,
  submission,
  signerLabel,
}: {
  envelopeId: string;
  submission: SigningSubmissionView;
  signerLabel: string;
}) {
  const { t } = useT();
  return (
    <section className="card" data-testid="submission-panel">
      <h3>
        {signerLabel} <span className="muted">{submission.status}</span>
      </h3>
      {submission.reasonPatientNotSigning && <p className="muted">{submission.reasonPatientNotSigning}</p>}
      {submission.signatures.map((s, i) => (
        <div key={`${s.documentId}-${s.fieldName}`} className="records-columns">
          <div>
            <h4>
              {t('records.replay')} — {s.fieldName}
            </h4>
            <InkReplay ink={s.ink} testId={`replay-${i}`} />
            <p data-testid={`ink-metrics-${i}`} data-stroke-count={s.summary.strokeCount}>
              {t('records.strokes')} {s.summary.strokeCount} · {t('records.samples')} {s.summary.sampleCount} ·{' '}
              {t('records.duration')} {seconds(s.summary.durationMs)} · {t('records.penDown')}{' '}
              {seconds(s.summary.penDownMs)} · {s.summary.sampleRateHz ? `${s.summary.sampleRateHz.toFixed(0)} Hz` : ''}{' '}
              · {t('records.pressure')} {s.summary.pressureKind}
            </p>
          </div>
          <div>
            <InkPlots series={s.summary.series} testId={`plots-${i}`} />
          </div>
        </div>
      ))}
      <div className="records-columns">
        <div>
          <h4>{t('records.reading')}</h4>
          <table data-testid="reading-timeline">
            <tbody>
              {submission.reading.flatMap((r) =>
                r.pages.map((p) => (
                  <tr key={`${r.documentId}-${p.page}`}>
                    <td>
                      {t('records.page')} {p.page + 1}
                    </td>
                    <td>{new Date(p.firstShownAt).toLocaleTimeString()}</td>
                    <td>{p.seconds} s</td>
                  </tr>
                )),
              )}
              {submission.reading.map((r) => (
                <tr key={`${r.documentId}-end`}>
                  <td colSpan={3} className="muted">
                    {r.scrolledToEnd ? `✔ ${t('records.scrolledToEnd')}` : `✘ ${t('records.notScrolledToEnd')}`} ·{' '}
                    {t('records.notices')} {r.noticesAccepted.map((n) => n.id).join(', ') || '—'}
                    {r.quiz ? ` · ${t('records.quiz')} ${r.quiz.correct ? '✔' : '✘'}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h4>{t('records.timeline')}</h4>
          <ol className="muted">
            {submission.timeline.map((e) => (
              <li key={`${e.at}-${e.type}`}>
                {new Date(e.at).toLocaleTimeString()} {e.type}
              </li>
            ))}
          </ol>
        </div>
        <div>
          <h4>{t('records.device')}</h4>
          {submission.device ? (
            <ul className="muted" data-testid="device-context">
              <li>{submission.device.userAgent}</li>
              <li>
                {submission.device.screen.width}×{submission.device.screen.height} @{submission.device.screen.dpr}x
              </li>
              {submission.device.pad && <li>{submission.device.pad.model}</li>}
              {submission.receivedFrom && <li data-testid="received-from">IP {submission.receivedFrom}</li>}
              {submission.staffSession && (
                <li data-testid="staff-session">
                  {t('records.staffSession')} {submission.staffSession.displayName} ({submission.staffSession.username})
                </li>
              )}
              {submission.device.clockOffsetMs !== undefined && (
                <li>
                  {t('records.clockOffset')} {submission.device.clockOffsetMs} ms
                </li>
              )}
            </ul>
          ) : (
            <p className="muted">—</p>
          )}
          <h4>{t('records.identity')}</h4>
          {submission.skipped.map((s) => (
            <p key={s.step} className="muted">
              {s.step}: {s.reason}
            </p>
          ))}
          <DecryptPanel envelopeId={envelopeId} bundleId={submission.bundleId} captured={submission.captured} />
        </div>
      </div>
    </section>
  );
}
