import { checkSignatureValidity, getVisibleSamples, type TInkDocument } from '@inkproof/ink';
import esp370uStream from '../fixtures/esp370u-signature.json';
import stu540Stream from '../fixtures/stu-540-signature.json';
import {
  HanvonEsp370uDriver,
  installFakeHid,
  LiveInkCanvas,
  type PadDriver,
  PadInkRecorder,
  type PadReportStream,
  PointerRecorder,
  renderPadPrompt,
  replayInk,
  WacomStuDriver,
} from '../src/index';
import { downloadInk } from './download-ink';

type Mode = 'pointer' | 'sim-stu' | 'sim-esp' | 'hid-stu' | 'hid-esp';

const $ = <T extends HTMLElement>(selector: string) => document.querySelector(selector) as T;
const surface = $<HTMLDivElement>('#surface');
const canvas = $<HTMLCanvasElement>('#ink');
const status = $<HTMLDivElement>('#status');
const connectButton = $<HTMLButtonElement>('#connect');

let mode: Mode = 'pointer';
let pointer: PointerRecorder | undefined = new PointerRecorder(surface, { canvas });
let pad: { driver: PadDriver; recorder: PadInkRecorder; live: LiveInkCanvas } | undefined;

function currentDocument(): TInkDocument | undefined {
  return pad ? pad.recorder.toDocument() : pointer?.toDocument();
}

function showStatus(): void {
  const doc = currentDocument();
  if (!doc) return;
  const validity = checkSignatureValidity(doc);
  status.className = validity.isValid ? '' : 'invalid';
  status.textContent = `${getVisibleSamples(doc).length} 个采样 samples · ${validity.isValid ? '有效 valid' : validity.reasons.map((r) => r.message).join('; ')}`;
}

async function switchMode(next: Mode): Promise<void> {
  mode = next;
  pointer?.dispose();
  pointer = undefined;
  if (pad) await pad.driver.disconnect().catch(() => undefined);
  pad = undefined;
  new LiveInkCanvas(canvas).clear();
  connectButton.hidden = next === 'pointer';
  if (next === 'pointer') pointer = new PointerRecorder(surface, { canvas });
  if (next === 'sim-stu') installFakeHid({ stream: stu540Stream as PadReportStream });
  if (next === 'sim-esp') installFakeHid({ stream: esp370uStream as PadReportStream });
}

/** Needs a click (WebHID's user-gesture rule); the simulated pads start replaying once capture starts. */
async function connectPad(): Promise<void> {
  const driver: PadDriver =
    mode === 'sim-stu' || mode === 'hid-stu'
      ? new WacomStuDriver()
      : new HanvonEsp370uDriver({ maxX: 10_800, maxY: 6480 });
  const caps = await driver.connect();
  const live = new LiveInkCanvas(canvas, {
    scale: canvas.getBoundingClientRect().width / caps.maxX,
    timeOrigin: performance.timeOrigin,
  });
  let last: { x: number; y: number; t: number; pressure: number } | undefined;
  const prompt = caps.screen ? renderPadPrompt(caps.screen) : undefined;
  const recorder = new PadInkRecorder(
    driver,
    caps,
    {
      onSample: (s, isStart) => {
        const sample = { t: s.t, x: s.x, y: s.y, pressure: s.pressure / caps.maxPressure };
        live.push(sample, isStart ? undefined : last, false, s.receivedAt);
        last = sample;
      },
      onStrokeEnd: () => {
        live.redraw(recorder.toDocument());
        showStatus();
      },
      onAction: (action) => {
        if (action === 'clear') live.clear();
        showStatus();
      },
    },
    () => prompt?.buttons ?? [],
  );
  pad = { driver, recorder, live };
  if (prompt) await driver.showPrompt(prompt);
  await driver.startCapture();
  status.textContent = `${caps.model} 已连接 connected`;
}

document.querySelectorAll<HTMLInputElement>('input[name=mode]').forEach((input) => {
  input.addEventListener('change', () => void switchMode(input.value as Mode));
});
connectButton.addEventListener('click', () => {
  connectPad().catch((error: Error) => {
    status.textContent = error.message;
  });
});
$('#undo').addEventListener('click', () => {
  pointer?.undo();
  if (pad) {
    pad.recorder.session.undo(performance.timeOrigin + performance.now());
    pad.live.redraw(pad.recorder.toDocument());
  }
  showStatus();
});
$('#clear').addEventListener('click', () => {
  pointer?.clear();
  if (pad) {
    pad.recorder.session.clear(performance.timeOrigin + performance.now());
    pad.live.clear();
    void pad.driver.clear();
  }
  showStatus();
});
$('#replay').addEventListener('click', () => {
  const doc = currentDocument();
  if (!doc) return;
  const scale = pad ? canvas.getBoundingClientRect().width / doc.context.surface.width : 1;
  void replayInk(doc, new LiveInkCanvas(canvas, { scale }));
});
document.querySelectorAll<HTMLButtonElement>('#downloads button').forEach((button) => {
  button.addEventListener('click', () => {
    const doc = currentDocument();
    if (doc) void downloadInk(doc, button.dataset.format as Parameters<typeof downloadInk>[1]);
  });
});
surface.addEventListener('pointerup', () => setTimeout(showStatus, 0));

/** Hook for the e2e tests and the benchmark. */
Object.assign(globalThis, {
  inkDemo: {
    getDocument: currentDocument,
    getMode: () => mode,
    getPadStats: () => pad?.recorder.stats,
    getLatencies: () => (pad ? pad.live.latenciesMs : (pointer?.live?.latenciesMs ?? [])).slice(),
  },
});
