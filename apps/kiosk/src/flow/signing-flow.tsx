import type { FingerprintReader, PadCapabilities } from '@inkproof/ink-capture';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { DeviceApi } from '../api/device-api';
import { useLocale } from '../i18n/locale-context';
import { getClockOffset } from '../lib/clock-offset';
import { nowIso } from '../lib/now-iso';
import { canSpeak, speak, stopSpeaking } from '../lib/speech';
import { stripDynamics } from '../lib/strip-dynamics';
import { uuidV4 } from '../lib/uuid-v4';
import type { SubmissionQueue, UploadOutcome } from '../queue/submission-queue';
import { ConfirmScreen } from '../screens/confirm-screen';
import { ConsentScreen } from '../screens/consent-screen';
import { DeclineDialog } from '../screens/decline-dialog';
import { FacePhotoScreen } from '../screens/face-photo-screen';
import { FingerprintScreen } from '../screens/fingerprint-screen';
import { FinishScreen } from '../screens/finish-screen';
import { IdCardScreen } from '../screens/id-card-screen';
import { PhraseScreen } from '../screens/phrase-screen';
import { ReadingScreen } from '../screens/reading-screen';
import { SignScreen } from '../screens/sign-screen';
import { SignerScreen } from '../screens/signer-screen';
import { buildDecline } from './build-decline';
import { buildSubmission } from './build-submission';
import { currentField, flowReducer } from './flow-machine';
import type { FlowState } from './flow-types';
import { useIdleTimeout } from './use-idle-timeout';

interface Props {
  api: DeviceApi;
  queue: SubmissionQueue;
  /** The kiosk's fingerprint reader; the flow only reaches the fingerprint step when there is one. */
  fingerprintReader: FingerprintReader | undefined;
  initial: FlowState;
  idleSeconds: number;
  /** Leaves the flow; the parent unmounts it, which drops every reference to this patient's data. */
  onExit: (reason: 'done' | 'declined' | 'timeout' | 'cancelled') => void;
}

/** How long "submit"/"decline" waits for the server before telling the signer it is safely stored on the device. */
const ACK_WAIT_MS = 8000;

/** The first upload attempt's outcome, or undefined when it takes longer than the wait (the upload goes on). */
function firstOutcome(first: Promise<UploadOutcome>): Promise<UploadOutcome | undefined> {
  return Promise.race([first, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ACK_WAIT_MS))]);
}

const uploadState = (outcome: UploadOutcome | undefined) =>
  outcome?.state === 'acknowledged' ? 'sent' : outcome?.state === 'rejected' ? 'refused' : 'stored';

/** One bedside sitting for one envelope: the flow reducer plus the screens, the top bar and the idle timeout. */
export function SigningFlow({ api, queue, fingerprintReader, initial, idleSeconds, onExit }: Props) {
  const { t, locale, setLocale } = useLocale();
  const [state, dispatch] = useReducer(flowReducer, initial);
  const [declining, setDeclining] = useState(false);
  const [declineError, setDeclineError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [upload, setUpload] = useState<'sent' | 'stored' | 'refused'>('sent');
  const pad = useRef<PadCapabilities | undefined>(undefined);
  const finished = state.step === 'done' || state.step === 'declined';

  useIdleTimeout(state.elderly ? idleSeconds * 2 : idleSeconds, () => {
    if (state.step !== 'submitting') onExit(finished ? (state.step === 'done' ? 'done' : 'declined') : 'timeout');
  });
  useEffect(() => () => stopSpeaking(), []);
  // Elderly mode scales the whole page (every size is in rem).
  useEffect(() => {
    document.documentElement.classList.toggle('elderly', state.elderly);
    return () => document.documentElement.classList.remove('elderly');
  }, [state.elderly]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every step change to stop speech and show the top
  useEffect(() => {
    stopSpeaking();
    window.scrollTo(0, 0);
  }, [state.step, state.docIndex, state.fieldIndex]);

  const timeline = useCallback((entry: FlowState['timeline'][number]) => dispatch({ type: 'timeline', entry }), []);
  const refused = state.biometricConsent?.accepted === false;

  const submit = async () => {
    dispatch({ type: 'confirm', at: nowIso() });
    const body = buildSubmission(
      { ...state, timeline: [...state.timeline, { at: nowIso(), type: 'flow.confirmed' }] },
      uuidV4(),
      {
        userAgent: navigator.userAgent,
        screen: { width: screen.width, height: screen.height, dpr: window.devicePixelRatio || 1 },
        ...(getClockOffset() === undefined ? {} : { clockOffsetMs: getClockOffset() }),
        ...(pad.current
          ? {
              pad: {
                model: pad.current.model,
                capabilities: { ...pad.current, imageEncodings: [...pad.current.imageEncodings] },
              },
            }
          : {}),
      },
    );
    try {
      const { firstAttempt } = await queue.enqueue(body);
      const outcome = await firstOutcome(firstAttempt);
      setUpload(uploadState(outcome));
      dispatch({ type: 'submitted', at: nowIso() });
    } catch (error) {
      // Storage itself failed: nothing was saved; keep the signer on the confirm screen.
      setDeclineError((error as Error).message);
    }
  };

  // A decline goes through the outbox like a submission: stored first, so going offline or reloading never loses it.
  const decline = async (reason: string) => {
    setBusy(true);
    setDeclineError(null);
    try {
      const at = nowIso();
      const { firstAttempt } = await queue.enqueue(buildDecline(state, uuidV4(), reason, at), 'decline');
      const outcome = await firstOutcome(firstAttempt);
      if (outcome?.state === 'rejected') {
        // Refused for good (e.g. the form was withdrawn meanwhile): say so; the record stays for the staff.
        setDeclineError(outcome.error.message);
        return;
      }
      setUpload(uploadState(outcome));
      setDeclining(false);
      dispatch({ type: 'decline', at, reason });
    } catch (error) {
      // Storage itself failed: nothing was saved; the dialog stays open.
      setDeclineError((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const readAloud = () => {
    const doc = state.envelope.documents[state.docIndex];
    const text =
      state.step === 'read' && doc?.text
        ? doc.text
        : (document.querySelector<HTMLElement>('[data-flow-body]')?.textContent ?? '');
    speak(text, locale);
    timeline({ at: nowIso(), type: 'ui.read-aloud', detail: { step: state.step } });
  };

  const field = currentField(state);
  const doc = state.envelope.documents[state.docIndex];
  return (
    <div className={`flow ${state.elderly ? 'elderly' : ''}`} data-testid="kiosk-flow" data-step={state.step}>
      <header className="topbar">
        <span className="patient" data-testid="kiosk-envelope" data-envelope-id={state.envelope.id}>
          {t('patient')}: {state.envelope.patient.name}
          {state.envelope.patient.bed ? ` · ${state.envelope.patient.bed} ${t('bed')}` : ''} ·{' '}
          {state.envelope.documents.map((d) => d.title).join('、')}
        </span>
        <span className="tools">
          {canSpeak() && (
            <button type="button" className="tool" onClick={readAloud}>
              {t('readAloud')}
            </button>
          )}
          <button
            type="button"
            className="tool"
            aria-pressed={state.elderly}
            onClick={() => dispatch({ type: 'setElderly', at: nowIso(), elderly: !state.elderly })}
          >
            {t('elderly')}
          </button>
          <button type="button" className="tool" onClick={() => setLocale(locale === 'zh' ? 'en' : 'zh')}>
            {t('language')}
          </button>
          {!finished && state.step !== 'submitting' && (
            <button type="button" className="tool danger" onClick={() => setDeclining(true)}>
              {t('decline')}
            </button>
          )}
        </span>
      </header>
      <main className="screen" data-flow-body>
        {state.step === 'signer' && (
          <SignerScreen
            envelope={state.envelope}
            onChoose={(signer) => dispatch({ type: 'chooseSigner', at: nowIso(), signer })}
          />
        )}
        {state.step === 'consent' && (
          <ConsentScreen onAnswer={(accepted) => dispatch({ type: 'biometricConsent', at: nowIso(), accepted })} />
        )}
        {state.step === 'idCard' && (
          <IdCardScreen
            api={api}
            envelopeId={state.envelope.id}
            level={state.slot.evidence.idCard}
            isPatient={state.signer?.role === 'patient'}
            onConfirmed={(imageJpegBase64, ocr) =>
              dispatch({ type: 'idCardConfirmed', at: nowIso(), imageJpegBase64, ocr })
            }
            onSkip={(reason) => dispatch({ type: 'skipStep', at: nowIso(), step: 'idCard', reason })}
            onTimeline={timeline}
          />
        )}
        {state.step === 'facePhoto' && (
          <FacePhotoScreen
            level={state.slot.evidence.photo}
            onTaken={(imageJpegBase64) => dispatch({ type: 'facePhotoTaken', at: nowIso(), imageJpegBase64 })}
            onSkip={(reason) => dispatch({ type: 'skipStep', at: nowIso(), step: 'facePhoto', reason })}
          />
        )}
        {state.step === 'read' && doc && (
          <ReadingScreen
            key={doc.id}
            doc={doc}
            index={state.docIndex}
            total={state.envelope.documents.length}
            elderly={state.elderly}
            onTimeline={timeline}
            onRead={(record) => dispatch({ type: 'documentRead', at: nowIso(), record })}
          />
        )}
        {state.step === 'sign' && field && (
          <SignScreen
            key={`${field.doc.id}/${field.field.name}`}
            doc={field.doc}
            field={field.field}
            docIndex={state.docIndex}
            docTotal={state.envelope.documents.length}
            onTimeline={timeline}
            onPad={(caps) => {
              pad.current = caps;
            }}
            onSigned={(ink) =>
              dispatch({
                type: 'signed',
                at: nowIso(),
                fieldName: field.field.name,
                ink: refused ? stripDynamics(ink) : ink,
              })
            }
          />
        )}
        {state.step === 'phrase' && (
          <PhraseScreen
            onTimeline={timeline}
            onDone={(text, ink) =>
              dispatch({ type: 'phraseDone', at: nowIso(), text, ink: ink && refused ? stripDynamics(ink) : ink })
            }
          />
        )}
        {state.step === 'fingerprint' && fingerprintReader && (
          <FingerprintScreen
            reader={fingerprintReader}
            level={state.slot.evidence.fingerprint}
            consented={state.biometricConsent?.accepted === true}
            onTimeline={timeline}
            onTaken={(fingerprint) => dispatch({ type: 'fingerprintTaken', fingerprint })}
            onSkip={(reason) => dispatch({ type: 'skipStep', at: nowIso(), step: 'fingerprint', reason })}
          />
        )}
        {(state.step === 'confirm' || state.step === 'submitting') && (
          <>
            <ConfirmScreen state={state} onSubmit={() => void submit()} />
            {declineError && !declining && <div className="alert">{declineError}</div>}
          </>
        )}
        {finished && (
          <FinishScreen
            kind={state.step === 'done' ? 'done' : 'declined'}
            upload={upload}
            onClose={() => onExit(state.step === 'done' ? 'done' : 'declined')}
          />
        )}
      </main>
      {declining && (
        <DeclineDialog
          busy={busy}
          error={declineError}
          onCancel={() => setDeclining(false)}
          onDecline={(r) => void decline(r)}
        />
      )}
    </div>
  );
}
