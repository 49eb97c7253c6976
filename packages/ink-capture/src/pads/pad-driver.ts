/** What a pad reports about itself once connected. */
export interface PadCapabilities {
  model: string;
  vendorId: number;
  productId: number;
  /** Pen coordinate range, device units. */
  maxX: number;
  maxY: number;
  /** Raw pressure maximum (levels − 1). */
  maxPressure: number;
  /** Device units per mm (STU: 100, i.e. 0.01 mm). */
  unitsPerMm: number;
  /** LCD size in pixels, when the pad has a screen it lets us draw on. */
  screen?: { width: number; height: number };
  reportRateHz?: number;
  /** True when samples carry the pad's own time counter rather than host receive time. */
  hasDeviceClock: boolean;
  /** Image encodings the LCD accepts. */
  imageEncodings: PadImageEncoding[];
}

export type PadImageEncoding = '24bit-bgr' | '16bit-565' | '1bit';

/** One pen report, already decoded. `t` is epoch ms (device counter mapped to host time, or host time). */
export interface PadPenSample {
  t: number;
  x: number;
  y: number;
  /** Raw pressure 0..maxPressure. */
  pressure: number;
  /** Pen tip touching the surface. */
  isDown: boolean;
  /** Pen in proximity (hovering or touching). */
  isInRange: boolean;
  sequence?: number;
  /** Host receive time of the report (epoch ms), for latency measurement. */
  receivedAt?: number;
}

export type PadAction = 'ok' | 'clear' | 'cancel';

/** A rectangle on the pad's LCD, in screen pixels, that acts as a button. */
export interface PadButtonArea {
  action: PadAction;
  x: number;
  y: number;
  width: number;
  height: number;
  label: string;
}

export interface PadEventMap {
  sample: PadPenSample;
  button: PadAction;
  disconnect: undefined;
}

export type PadListener<K extends keyof PadEventMap> = (value: PadEventMap[K]) => void;

/** RGBA pixels (e.g. ImageData) to show on the pad's LCD. */
export interface PadImage {
  width: number;
  height: number;
  data: Uint8ClampedArray | Uint8Array;
}

/**
 * One interface for every signature pad: WebHID drivers (Wacom STU, Hanvon ESP370U) and — through the
 * same shape — a local-service bridge (WebSocket on 127.0.0.1) for pads without WebHID support.
 */
export interface PadDriver {
  readonly capabilities: PadCapabilities | undefined;
  connect(): Promise<PadCapabilities>;
  disconnect(): Promise<void>;
  startCapture(): Promise<void>;
  stopCapture(): Promise<void>;
  /** Clears the pad's LCD ink (and the on-screen image, on pads where both are one). */
  clear(): Promise<void>;
  /** Shows an image on the LCD; rejects with IMAGE_UPLOAD_FAILED on pads without a screen. */
  showImage(image: PadImage): Promise<void>;
  /** Shows the standard "请在此签名 / Sign here" prompt with OK / Clear / Cancel areas. */
  showPrompt(prompt: PadPrompt): Promise<void>;
  /** Button areas taps are matched against (screen pixels). */
  setButtonAreas(areas: PadButtonArea[]): void;
  on<K extends keyof PadEventMap>(type: K, listener: PadListener<K>): () => void;
}

export interface PadPrompt {
  image?: PadImage;
  buttons: PadButtonArea[];
  /** Region where ink is allowed, in screen pixels. */
  signingArea: { x: number; y: number; width: number; height: number };
}
