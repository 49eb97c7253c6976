import { createPublicKey, type KeyObject } from 'node:crypto';
import type { TimestampClient } from '@inkproof/pki';
import { toBase64 } from '../util/bytes.js';
import { hashLeaf } from './hash.js';
import { LOG_ENTRY_VERSION, type TLogEntry, type TreeAppender } from './log-entry.js';
import { MerkleTree } from './merkle-tree.js';
import { type LogPublicKey, type LogSigner, signTreeHead, type TSignedTreeHead } from './tree-head.js';
import type { TreeStore } from './tree-store.js';

/** How often heads are signed: after `maxEntries` appends or `maxDelayMs` after the first waiting one. */
export interface HeadPolicy {
  maxEntries: number;
  maxDelayMs: number;
}

interface Waiting {
  leafHash: Uint8Array;
  resolve: (e: TLogEntry) => void;
  reject: (e: unknown) => void;
}

/**
 * A transparency log over any {@link TreeStore}. Appends are batched by a {@link HeadPolicy}: one signed (and
 * timestamped) head covers the whole batch, and every waiting append resolves with its inclusion proof against it.
 * The default policy signs a head per entry. Callers serialise writers to one store (one sealing transaction).
 */
export class TransparencyLog implements TreeAppender {
  readonly tree: MerkleTree;
  readonly #signer: LogSigner;
  readonly #publicKey: KeyObject;
  readonly #tsa: TimestampClient | undefined;
  readonly #clock: () => Date;
  readonly #policy: HeadPolicy;
  #waiting: Waiting[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(opts: {
    store: TreeStore;
    signer: LogSigner;
    publicKey: LogPublicKey;
    tsa?: TimestampClient;
    clock?: () => Date;
    headPolicy?: HeadPolicy;
  }) {
    this.tree = new MerkleTree(opts.store);
    this.#signer = opts.signer;
    this.#publicKey =
      opts.publicKey instanceof Uint8Array
        ? createPublicKey({ key: Buffer.from(opts.publicKey), format: 'der', type: 'spki' })
        : opts.publicKey;
    this.#tsa = opts.tsa;
    this.#clock = opts.clock ?? (() => new Date());
    this.#policy = opts.headPolicy ?? { maxEntries: 1, maxDelayMs: 0 };
  }

  get publicKeySpki(): Uint8Array {
    return new Uint8Array(this.#publicKey.export({ type: 'spki', format: 'der' }));
  }

  /** Signs (and timestamps) the current head. */
  async head(): Promise<TSignedTreeHead> {
    const treeSize = await this.tree.size();
    return signTreeHead({
      treeSize,
      rootHash: await this.tree.root(treeSize),
      signer: this.#signer,
      publicKey: this.#publicKey,
      ...(this.#tsa ? { tsa: this.#tsa } : {}),
      clock: this.#clock,
    });
  }

  append(leafData: Uint8Array): Promise<TLogEntry> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ leafHash: hashLeaf(leafData), resolve, reject });
      if (this.#waiting.length >= this.#policy.maxEntries) this.#flush();
      else this.#timer ??= setTimeout(() => this.#flush(), this.#policy.maxDelayMs);
    });
  }

  #flush(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    const batch = this.#waiting;
    this.#waiting = [];
    if (batch.length === 0) return;
    // Batches are serialised so each head covers exactly the leaves appended before it.
    this.#queue = this.#queue.then(() => this.#commit(batch)).catch(() => undefined);
  }

  async #commit(batch: Waiting[]): Promise<void> {
    try {
      const first = await this.tree.store.append(batch.map((w) => w.leafHash));
      const treeHead = await this.head();
      const logPublicKey = toBase64(this.publicKeySpki);
      for (const [i, w] of batch.entries()) {
        const proof = await this.tree.inclusionProof(first + i, treeHead.treeSize);
        w.resolve({
          version: LOG_ENTRY_VERSION,
          leafIndex: first + i,
          leafHash: toBase64(w.leafHash),
          inclusionProof: proof.map(toBase64),
          treeHead,
          logPublicKey,
        });
      }
    } catch (e) {
      for (const w of batch) w.reject(e);
    }
  }
}
