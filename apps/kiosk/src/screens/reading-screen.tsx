import { useEffect, useMemo, useRef, useState } from 'react';
import type { TDocument } from '../api/device-schemas';
import { PdfPages } from '../components/pdf-pages';
import type { ReadingRecord, TimelineEntry } from '../flow/flow-types';
import { ReadingTracker } from '../flow/reading-tracker';
import { useLocale } from '../i18n/locale-context';
import { nowIso } from '../lib/now-iso';

interface Props {
  doc: TDocument;
  index: number;
  total: number;
  elderly: boolean;
  onTimeline: (entry: TimelineEntry) => void;
  onRead: (record: ReadingRecord) => void;
}

/**
 * Reading evidence: pages rendered large, scroll-to-end, minimum reading time, notices to accept and an
 * optional comprehension question; every milestone is stamped into the timeline.
 */
export function ReadingScreen({ doc, index, total, elderly, onTimeline, onRead }: Props) {
  const { t, pick } = useLocale();
  const tracker = useMemo(() => new ReadingTracker(doc.id), [doc.id]);
  const sentinel = useRef<HTMLDivElement>(null);
  const [elapsed, setElapsed] = useState(0);
  const [atEnd, setAtEnd] = useState(false);
  const [pageCount, setPageCount] = useState(0);
  const [accepted, setAccepted] = useState<Record<string, string>>({});
  const [quiz, setQuiz] = useState<{ answer: string; correct: boolean | undefined; at: string } | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const timeline = useRef(onTimeline);
  timeline.current = onTimeline;

  useEffect(() => {
    timeline.current({ at: nowIso(), type: 'reading.opened', detail: { documentId: doc.id } });
    const timer = setInterval(() => setElapsed(tracker.elapsedSeconds()), 250);
    return () => clearInterval(timer);
  }, [doc.id, tracker]);

  useEffect(() => {
    if (!pageCount || !sentinel.current) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && tracker.markScrolledToEnd()) {
        setAtEnd(true);
        timeline.current({
          at: tracker.scrolledToEndAt!,
          type: 'reading.scrolled-to-end',
          detail: { documentId: doc.id },
        });
      }
    });
    observer.observe(sentinel.current);
    return () => observer.disconnect();
  }, [pageCount, tracker, doc.id]);

  const minSeconds = doc.reading.minSeconds;
  const left = Math.max(0, Math.ceil(minSeconds - elapsed));
  const noticesDone = doc.notices.every((n) => accepted[n.id]);
  const quizDone = !doc.comprehension || (quiz && quiz.correct !== false);
  const ready = left === 0 && (!doc.reading.scrollToEnd || atEnd) && noticesDone && quizDone;

  const answer = (value: string) => {
    const c = doc.comprehension;
    if (!c) return;
    // The device API withholds the answer key; without it the answer is only recorded (timeline) and the
    // server judges it. With a key, a wrong answer asks the signer to re-read.
    const correct = c.answer === undefined ? undefined : c.answer === value;
    const entry = { answer: value, correct, at: nowIso() };
    setQuiz(entry);
    onTimeline({
      at: entry.at,
      type: 'reading.quiz',
      detail: { documentId: doc.id, answer: value, ...(correct === undefined ? {} : { correct }) },
    });
  };

  return (
    <section className="step reading" data-testid="step-read" data-document-id={doc.id}>
      <h1>
        {t('readTitle')} · {t('documentOf')} {index + 1}/{total}
      </h1>
      <h2 data-testid="reading-title">{doc.title}</h2>
      <div className={`reader ${elderly ? 'elderly' : ''}`} data-testid="reader">
        <PdfPages
          url={doc.pdfUrl}
          onPageCount={setPageCount}
          onError={(e) => setError(e.message)}
          onVisibility={(page, visible) => {
            if (tracker.visibility(page, visible))
              onTimeline({ at: nowIso(), type: 'reading.page', detail: { documentId: doc.id, page } });
          }}
        />
        {error && (
          <div className="alert">
            <p>{error}</p>
            <pre className="doc-text">{doc.text}</pre>
          </div>
        )}
        <div ref={sentinel} className="reader-end" data-testid="reader-end" />
      </div>
      {doc.notices.map((n) => (
        <label key={n.id} className="notice-accept">
          <input
            type="checkbox"
            checked={Boolean(accepted[n.id])}
            onChange={(e) => {
              const at = nowIso();
              setAccepted((a) => {
                const next = { ...a };
                if (e.target.checked) next[n.id] = at;
                else delete next[n.id];
                return next;
              });
              if (e.target.checked)
                onTimeline({ at, type: 'reading.notice', detail: { documentId: doc.id, id: n.id } });
            }}
          />
          <span>
            {n.text} — {t('acceptNotice')}
          </span>
        </label>
      ))}
      {doc.comprehension && (
        <fieldset className="quiz" data-testid="quiz">
          <legend>{pick(doc.comprehension.question)}</legend>
          {doc.comprehension.options.map((o) => (
            <label key={o.value} className={`choice ${quiz?.answer === o.value ? 'selected' : ''}`}>
              <input
                type="radio"
                name={`quiz-${doc.id}`}
                checked={quiz?.answer === o.value}
                onChange={() => answer(o.value)}
              />
              {pick(o.label)}
            </label>
          ))}
          {quiz?.correct === false && <div className="alert">{t('quizWrong')}</div>}
        </fieldset>
      )}
      <div className="reading-status" data-testid="reading-status">
        {doc.reading.scrollToEnd && !atEnd && <span>{t('scrollToEnd')}</span>}
        {left > 0 && (
          <span data-testid="reading-countdown">
            {t('minTime')} {left} {t('seconds')}
          </span>
        )}
      </div>
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={!ready}
          onClick={() =>
            onRead(
              tracker.toRecord({
                noticesAccepted: doc.notices.map((n) => ({ id: n.id, at: accepted[n.id]! })),
                ...(quiz && quiz.correct !== undefined ? { quiz: { ...quiz, correct: quiz.correct } } : {}),
              }),
            )
          }
        >
          {t('readDone')}
        </button>
      </div>
    </section>
  );
}
