import { EvidenceError } from '../errors.js';
import { EVIDENCE_CONTAINER_MEDIA_TYPE } from '../manifest/media-type.js';
import type { ContainerLimits } from './container-limits.js';
import { MEMBER } from './member-names.js';
import { type ContainerEntry, readContainer } from './read-container.js';

export interface EvidenceContainer {
  entries: ContainerEntry[];
  manifestBytes: Uint8Array;
  member(name: string): ContainerEntry | undefined;
}

/**
 * Step 1 of verification: the zip itself. `mimetype` must be the first member, stored, with exactly the container
 * media type (so the format is recognisable from its first bytes), and `manifest.json` the second.
 */
export function openContainer(zip: Uint8Array, limits: Partial<ContainerLimits> = {}): EvidenceContainer {
  const entries = readContainer(zip, limits);
  const [first, second] = entries;
  if (
    first?.name !== MEMBER.mimetype ||
    first.isCompressed ||
    new TextDecoder().decode(first.bytes) !== EVIDENCE_CONTAINER_MEDIA_TYPE
  ) {
    throw new EvidenceError('CONTAINER_MIMETYPE_INVALID', `first member must be a stored ${MEMBER.mimetype}`);
  }
  if (second?.name !== MEMBER.manifest) {
    const present = entries.some((e) => e.name === MEMBER.manifest);
    throw new EvidenceError(
      present ? 'CONTAINER_MEMBER_ORDER' : 'CONTAINER_MEMBER_MISSING',
      `${MEMBER.manifest} must be the second member`,
      { details: [MEMBER.manifest] },
    );
  }
  const byName = new Map(entries.map((e) => [e.name, e]));
  return { entries, manifestBytes: second.bytes, member: (name) => byName.get(name) };
}
