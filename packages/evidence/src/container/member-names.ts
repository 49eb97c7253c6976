/** Fixed member names of the evidence container. */
export const MEMBER = {
  mimetype: 'mimetype',
  manifest: 'manifest.json',
  seal: 'seal/manifest.p7s',
  log: 'seal/log.json',
} as const;

/**
 * Member names allowed in a container: relative, forward slashes, no empty or dot segments, conservative characters.
 * Refuses absolute paths, `..` and backslashes (zip-slip, APPNOTE 4.4.17: names use forward slashes, no drive letter).
 */
export function isValidMemberName(name: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]*(?:\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/.test(name) && name.length <= 200;
}
