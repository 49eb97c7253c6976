import { MEMBER } from '../container/member-names.js';
import { StepRecorder } from './step-result.js';
import type { VerificationContext, VerificationStep } from './verification-report.js';

/** The one member list a manifest allows, in the order the builder writes it. */
export function expectedMembers(ctx: VerificationContext): string[] {
  const m = ctx.manifest!;
  return [
    MEMBER.mimetype,
    MEMBER.manifest,
    ...m.documents.map((d) => d.path),
    ...m.items.map((i) => i.path),
    MEMBER.seal,
    MEMBER.log,
  ];
}

/**
 * Step 3: the container holds exactly the members the sealed manifest lists, in canonical order, each with an intact
 * CRC-32. Nothing outside the manifest may ride along unsealed.
 */
export function verifyMembersStep(ctx: VerificationContext): VerificationStep {
  const r = new StepRecorder('members');
  const expected = expectedMembers(ctx);
  const actual = ctx.container!.entries.map((e) => e.name);
  for (const name of expected) {
    if (!actual.includes(name))
      r.fail({ code: 'CONTAINER_MEMBER_MISSING', message: `${name} is missing`, member: name });
  }
  for (const name of actual) {
    if (!expected.includes(name)) {
      r.fail({ code: 'CONTAINER_MEMBER_UNEXPECTED', message: `${name} is not listed in the manifest`, member: name });
    }
  }
  const common = actual.filter((n) => expected.includes(n));
  const expectedCommon = expected.filter((n) => actual.includes(n));
  if (common.some((n, i) => n !== expectedCommon[i])) {
    r.fail({ code: 'CONTAINER_MEMBER_ORDER', message: 'members are not in canonical order' });
  }
  for (const e of ctx.container!.entries) {
    if (!e.isCrcValid)
      r.fail({ code: 'CONTAINER_CRC_MISMATCH', message: `${e.name}: CRC-32 mismatch`, member: e.name });
  }
  r.facts.members = actual.length;
  return r.result();
}
