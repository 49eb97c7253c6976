const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/ofd': 'ofd',
  'application/json': 'json',
  'application/octet-stream': 'bin',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/bmp': 'bmp',
  'image/x-wsq': 'wsq',
  'audio/webm': 'webm',
  'text/plain': 'txt',
};

/** Media types that are already compressed: deflating them again only costs time. */
const STORED = /^(image\/(jpeg|png|webp)|application\/(pdf|ofd|pkcs7-mime)|audio\/)/;

export function itemMemberPath(id: string, mediaType: string, encrypted: boolean): string {
  const ext = EXTENSIONS[mediaType] ?? 'bin';
  return `items/${id}.${ext}${encrypted ? '.p7m' : ''}`;
}

export function documentMemberPath(id: string, mediaType: string): string {
  return `documents/${id}.${EXTENSIONS[mediaType] ?? 'bin'}`;
}

export function shouldCompress(mediaType: string, encrypted: boolean): boolean {
  return !encrypted && !STORED.test(mediaType);
}
