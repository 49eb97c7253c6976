import type { TInkDocument } from '@inkproof/ink';
import type { PadCapabilities } from '@inkproof/ink-capture';
import type { TDocument, TSignatureField } from '../api/device-schemas';
import { SignatureCapture } from '../components/signature-capture';
import type { TimelineEntry } from '../flow/flow-types';
import { useLocale } from '../i18n/locale-context';
import { nowIso } from '../lib/now-iso';

interface Props {
  doc: TDocument;
  field: TSignatureField;
  docIndex: number;
  docTotal: number;
  onSigned: (ink: TInkDocument) => void;
  onTimeline: (entry: TimelineEntry) => void;
  onPad: (caps: PadCapabilities) => void;
}

/** Signing one field of one document — each document and field separately (no "apply to all"). */
export function SignScreen({ doc, field, docIndex, docTotal, onSigned, onTimeline, onPad }: Props) {
  const { t, pick } = useLocale();
  return (
    <section className="step" data-testid="step-sign" data-document-id={doc.id} data-field={field.name}>
      <h1>{t('signTitle')}</h1>
      <h2>
        {t('documentOf')} {docIndex + 1}/{docTotal} · {doc.title}
      </h2>
      <SignatureCapture
        key={`${doc.id}/${field.name}`}
        label={pick(field.meaning)}
        onSigned={onSigned}
        onPad={onPad}
        onRejected={(codes) =>
          onTimeline({
            at: nowIso(),
            type: 'signature.rejected',
            detail: { documentId: doc.id, fieldName: field.name, codes },
          })
        }
      />
    </section>
  );
}
