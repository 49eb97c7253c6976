import type { KeyObject } from 'node:crypto';
import type { EvidenceContainer } from '../container/open-container.js';
import type { TManifest } from '../manifest/manifest-schema.js';
import type { TLogEntry } from '../merkle/log-entry.js';
import type { EvidenceVerificationReport } from '../verify/verification-report.js';
import type { ReportWriter } from './report-writer.js';

export interface CourtReportInput {
  /** The evidence bundle (zip) the report is about. */
  zip: Uint8Array;
  /** verifyEvidenceBundle's result for that zip; printed step by step. */
  report: EvidenceVerificationReport;
  /** Records-escrow private key: when given, handwriting and photos are decrypted and shown. */
  escrowKey?: KeyObject | string | Uint8Array;
  hospitalName?: string;
  /** Printed generation time (default now). */
  generatedAt?: Date;
  /** Online verification page; the bundle id is appended. */
  verificationBaseUrl?: string;
  /** Roots trusted for the signed documents; with them each PDF signature's time-stamp time and verdict are listed. */
  trustAnchors?: Uint8Array[];
  /** CJK TrueType font (.ttc face 0 or .ttf); default WenQuanYi Zen Hei. */
  fontPath?: string;
}

/** What every section reads: the parsed bundle (parts may be missing when the bundle is broken) and the writer. */
export interface CourtReportContext {
  w: ReportWriter;
  input: CourtReportInput;
  container?: EvidenceContainer;
  manifest?: TManifest;
  logEntry?: TLogEntry;
}

/** "2026-11-22 03:33:28 UTC" — one unambiguous time format for the whole report. */
export function formatInstant(value: string | number | Date | undefined): string {
  if (value === undefined || value === '') return '-';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? String(value) : `${d.toISOString().replace('T', ' ').slice(0, 19)} UTC`;
}
