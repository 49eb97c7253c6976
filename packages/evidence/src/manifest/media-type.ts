/** Media type of the zip container; also the exact content of its first member `mimetype` (stored, uncompressed). */
export const EVIDENCE_CONTAINER_MEDIA_TYPE = 'application/vnd.inkproof.evidence+zip';
/** Media type of manifest v1. A new manifest version gets a new constant and a branch in parseManifest. */
export const EVIDENCE_MANIFEST_MEDIA_TYPE_V1 = 'application/vnd.inkproof.evidence.v1+json';
