import { createRequire } from 'node:module';
import type * as Pkcs11Types from 'pkcs11js';
import { PkiError } from '../errors.js';

export type Pkcs11Lib = typeof Pkcs11Types;
export type Pkcs11 = Pkcs11Types.PKCS11;
export type Handle = Buffer;

const require = createRequire(import.meta.url);
const CKR_CRYPTOKI_ALREADY_INITIALIZED = 0x191;

let lib: Pkcs11Lib | undefined;
/** One initialised module per library path, shared by every keystore in the process (PKCS#11 §5.4). */
const modules = new Map<string, { pkcs11: Pkcs11; refs: number }>();

/** pkcs11js is a native addon: loaded lazily so the rest of the package works where it is not built. */
export function loadPkcs11Lib(): Pkcs11Lib {
  if (lib) return lib;
  try {
    lib = require('pkcs11js') as Pkcs11Lib;
    return lib;
  } catch (cause) {
    throw new PkiError('PKCS11_UNAVAILABLE', 'pkcs11js native module not available', { cause });
  }
}

export function acquireModule(modulePath: string): Pkcs11 {
  const existing = modules.get(modulePath);
  if (existing) {
    existing.refs++;
    return existing.pkcs11;
  }
  const l = loadPkcs11Lib();
  const pkcs11 = new l.PKCS11();
  try {
    pkcs11.load(modulePath);
  } catch (cause) {
    throw new PkiError('PKCS11_UNAVAILABLE', `cannot load PKCS#11 module ${modulePath}`, { cause });
  }
  try {
    pkcs11.C_Initialize();
  } catch (cause) {
    if ((cause as { code?: number }).code !== CKR_CRYPTOKI_ALREADY_INITIALIZED) {
      throw new PkiError('PKCS11_ERROR', 'C_Initialize failed', { cause });
    }
  }
  modules.set(modulePath, { pkcs11, refs: 1 });
  return pkcs11;
}

export function releaseModule(modulePath: string): void {
  const entry = modules.get(modulePath);
  if (!entry) return;
  entry.refs--;
  if (entry.refs > 0) return;
  modules.delete(modulePath);
  try {
    entry.pkcs11.C_Finalize();
  } catch {
    // already finalised
  }
}

/** The slot whose token carries `label` (CK_TOKEN_INFO.label is blank-padded to 32 bytes). */
export function findSlotByTokenLabel(pkcs11: Pkcs11, label: string): Handle {
  for (const slot of pkcs11.C_GetSlotList(true)) {
    if (pkcs11.C_GetTokenInfo(slot).label.trim() === label) return slot;
  }
  throw new PkiError('PKCS11_TOKEN_NOT_FOUND', `no token labelled ${JSON.stringify(label)}`);
}

export function wrapPkcs11Error(what: string, cause: unknown): PkiError {
  if (cause instanceof PkiError) return cause;
  return new PkiError('PKCS11_ERROR', `${what} failed`, { cause });
}
