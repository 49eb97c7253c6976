import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `../shared/vectors/pdf` beside the repository root, found from this file so a fresh clone next to shared/ works. */
export const VECTORS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../shared/vectors/pdf');

export const readVector = (path: string): Uint8Array => new Uint8Array(readFileSync(resolve(VECTORS_DIR, path)));
