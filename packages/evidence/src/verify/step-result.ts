import { EvidenceError } from '../errors.js';
import type { VerificationIssue, VerificationStep, VerificationStepName } from './verification-report.js';

/** Collects issues and facts for one step. */
export class StepRecorder {
  readonly errors: VerificationIssue[] = [];
  readonly facts: Record<string, string | number | boolean> = {};

  constructor(readonly step: VerificationStepName) {}

  fail(issue: VerificationIssue): void {
    this.errors.push(issue);
  }

  /** Records an EvidenceError (or wraps anything else as INTERNAL) as an issue. */
  failWith(e: unknown, member?: string): void {
    const err = e instanceof EvidenceError ? e : new EvidenceError('INTERNAL', String(e), { cause: e });
    this.fail({
      code: err.code,
      message: err.message,
      ...(member === undefined ? {} : { member }),
      ...(err.details.length ? { details: err.details } : {}),
    });
  }

  result(): VerificationStep {
    return { step: this.step, status: this.errors.length ? 'fail' : 'pass', errors: this.errors, facts: this.facts };
  }
}

export function skipped(step: VerificationStepName, reason: string): VerificationStep {
  return { step, status: 'skipped', errors: [], facts: { reason } };
}
