import { type Zippable, zipSync } from 'fflate';
import { EVIDENCE_CONTAINER_MEDIA_TYPE } from '../manifest/media-type.js';
import { MEMBER } from './member-names.js';

export interface ContainerMember {
  name: string;
  bytes: Uint8Array;
  /** Deflate it (text, JSON); already-compressed media (JPEG, PNG, PDF, envelopes) are stored. */
  compress: boolean;
}

/**
 * Writes the zip: `mimetype` first and stored, so `file`/magic sniffers see the media type at offset 38 (the
 * EPUB/ODF convention), then the members in the order given. A fixed mtime keeps rebuilt bundles byte-identical.
 */
export function writeContainer(members: readonly ContainerMember[], mtime: Date): Uint8Array {
  const files: Zippable = {
    [MEMBER.mimetype]: [new TextEncoder().encode(EVIDENCE_CONTAINER_MEDIA_TYPE), { level: 0, mtime }],
  };
  for (const m of members) files[m.name] = [m.bytes, { level: m.compress ? 6 : 0, mtime }];
  return zipSync(files);
}
