import type { TInkDocument } from '@inkproof/ink';
import { SignatureCapture } from '../components/signature-capture';
import type { TimelineEntry } from '../flow/flow-types';
import { useLocale } from '../i18n/locale-context';
import { MESSAGES } from '../i18n/messages';
import { nowIso } from '../lib/now-iso';

/** Optional hand-copied phrase (本人已阅读并同意), kept as its own ink field. */
export function PhraseScreen({
  onDone,
  onTimeline,
}: {
  onDone: (text: string, ink: TInkDocument | null) => void;
  onTimeline: (entry: TimelineEntry) => void;
}) {
  const { t } = useLocale();
  const text = MESSAGES.phraseText.zh;
  return (
    <section className="step" data-testid="step-phrase">
      <h1>{t('phraseTitle')}</h1>
      <p className="phrase">{text}</p>
      <SignatureCapture
        label={text}
        guide={text}
        testId="phrase-surface"
        onSigned={(ink) => onDone(text, ink)}
        onRejected={(codes) => onTimeline({ at: nowIso(), type: 'phrase.rejected', detail: { codes } })}
      />
      <button type="button" className="link" onClick={() => onDone(text, null)}>
        {t('skip')}
      </button>
    </section>
  );
}
