/** What a reader says about itself before a capture. */
export interface FingerprintReaderStatus {
  /** Reader model as the capture service names it, e.g. "ZK Live20R". */
  model: string;
  vendor?: string;
  /** True when a finger can be captured now. */
  ready: boolean;
  /** Scan resolution if known (dots per inch). */
  dpi?: number;
}

/** A captured fingerprint, always as PNG (other formats are converted in the browser). */
export interface FingerprintImage {
  png: Uint8Array;
  width: number;
  height: number;
  /** The format the reader delivered before conversion. */
  sourceMediaType: 'image/png' | 'image/bmp' | 'image/jpeg';
  /** The reader that took it (model; vendor when known). */
  device: { model: string; vendor?: string };
  /** Image quality 0–100 when the capture service reports one (NFIQ-like, vendor-defined). */
  quality?: number;
  /** Epoch milliseconds when the image arrived. */
  capturedAt: number;
}

export interface FingerprintCaptureOptions {
  /** Cancels the capture (the reader's service may still finish; its answer is dropped). */
  signal?: AbortSignal;
  /** How long to wait for a finger; the service is told, and the request gives up shortly after. */
  timeoutMs?: number;
}

/**
 * A fingerprint reader as the signing flow sees it. Readers used in hospitals are not HID class devices and their
 * protocols are not public; each driver talks to whatever the vendor ships (here: a local capture bridge over HTTP).
 * Callers must hold the signer's separate biometric consent (PIPL Art. 29) before calling `capture`.
 */
export interface FingerprintReader {
  /** Driver name, for the evidence (e.g. `local-bridge`). */
  readonly kind: string;
  status(options?: { signal?: AbortSignal; timeoutMs?: number }): Promise<FingerprintReaderStatus>;
  capture(options?: FingerprintCaptureOptions): Promise<FingerprintImage>;
}
