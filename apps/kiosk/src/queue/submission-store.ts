import { KioskError } from '../kiosk-error';

/** What a stored item is sent as: a signing submission, or a decline with its reason. */
export type OutboxKind = 'submission' | 'decline';

/**
 * One finished sitting kept on the device until the server acknowledges it: a submission or a decline. Stored format
 * v2 (v1 had no `kind`: every v1 record is a submission; `migrateStoredItem` upgrades it when read).
 */
export interface StoredSubmission {
  version: 2;
  kind: OutboxKind;
  idempotencyKey: string;
  envelopeId: string;
  createdAt: string;
  attempts: number;
  /** `pending` is retried; `rejected` was refused by the server for good (kept for staff, never resent). */
  state: 'pending' | 'rejected';
  lastError?: { code: string; message: string; at: string };
  body: unknown;
}

export interface SubmissionStore {
  put(item: StoredSubmission): Promise<void>;
  list(): Promise<StoredSubmission[]>;
  remove(idempotencyKey: string): Promise<void>;
}

const STORE = 'submissions';

/**
 * Reads a stored record of any known version as the current one (records are never rewritten just to upgrade).
 * A record of an unknown (newer) version is left alone in the database for the app version that wrote it.
 */
export function migrateStoredItem(raw: unknown): StoredSubmission | undefined {
  const item = raw as Partial<StoredSubmission> & { version?: number };
  if (item.version === 2) return item as StoredSubmission;
  if (item.version === 1)
    return { ...(item as Omit<StoredSubmission, 'version' | 'kind'>), version: 2, kind: 'submission' };
  return undefined;
}

function promisify<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

/**
 * IndexedDB-backed store. A put resolves only when its transaction has committed (durable before upload);
 * with `durability: 'strict'` where the browser supports it so a power cut after "saved" keeps the record.
 */
export async function openSubmissionStore(
  factory: IDBFactory = globalThis.indexedDB,
  name = 'inkproof-kiosk',
): Promise<SubmissionStore> {
  if (!factory) throw new KioskError('STORAGE', '此设备不支持离线存储 / This device has no offline storage');
  const open = factory.open(name, 1);
  open.onupgradeneeded = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { keyPath: 'idempotencyKey' });
  };
  let db: IDBDatabase;
  try {
    db = await promisify(open);
  } catch (cause) {
    throw new KioskError('STORAGE', '无法打开离线存储 / Cannot open offline storage', { cause });
  }
  const tx = (mode: IDBTransactionMode) => db.transaction(STORE, mode, { durability: 'strict' });
  const wrap = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (cause) {
      throw new KioskError('STORAGE', '离线存储出错 / Offline storage failed', { cause });
    }
  };
  return {
    put: (item) =>
      wrap(async () => {
        const t = tx('readwrite');
        t.objectStore(STORE).put(item);
        await done(t);
      }),
    list: () =>
      wrap(async () => {
        const raw = (await promisify(tx('readonly').objectStore(STORE).getAll())) as unknown[];
        return raw
          .map(migrateStoredItem)
          .filter((item) => item !== undefined)
          .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      }),
    remove: (key) =>
      wrap(async () => {
        const t = tx('readwrite');
        t.objectStore(STORE).delete(key);
        await done(t);
      }),
  };
}
