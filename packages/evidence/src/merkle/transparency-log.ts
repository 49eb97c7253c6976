import { createPublicKey, type KeyObject } from 'node:crypto';
import type { TimestampClient } from '@inkproof/pki';
import { toBase64 } from '../util/bytes.js';
import { hashLeaf } from './hash.js';
import { LOG_ENTRY_VERSION, type TLogEntry, type TreeAppender } from './log-entry.js';
import { MerkleTree } from './merkle-tree.js';
import { type LogPublicKey, type LogSigner, signTreeHead, type TSignedTreeHead } from './tree-head.js';
import type { TreeStore } from './tree-store.js';

/**
 * A transparency log over any {@link TreeStore}: appends leaves and signs a fresh head for each entry it returns.
 * (A server batching heads every N entries / T seconds can wrap MerkleTree + signTreeHead itself; this class is the
 * simple, always-consistent default used by tools and tests.) Callers serialise appends (one sealing transaction).
 */
export class TransparencyLog implements TreeAppender {
  readonly tree: MerkleTree;
  readonly #signer: LogSigner;
  readonly #publicKey: KeyObject;
  readonly #tsa: TimestampClient | undefined;
  readonly #clock: () => Date;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(opts: {
    store: TreeStore;
    signer: LogSigner;
    publicKey: LogPublicKey;
    tsa?: TimestampClient;
    clock?: () => Date;
  }) {
    this.tree = new MerkleTree(opts.store);
    this.#signer = opts.signer;
    this.#publicKey =
      opts.publicKey instanceof Uint8Array
        ? createPublicKey({ key: Buffer.from(opts.publicKey), format: 'der', type: 'spki' })
        : opts.publicKey;
    this.#tsa = opts.tsa;
    this.#clock = opts.clock ?? (() => new Date());
  }

  get publicKeySpki(): Uint8Array {
    return new Uint8Array(this.#publicKey.export({ type: 'spki', format: 'der' }));
  }

  /** Signs the current head. */
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
    // Appends are serialised so each entry's proof refers to the head signed right after it.
    const next = this.#queue.then(() => this.#append(leafData));
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #append(leafData: Uint8Array): Promise<TLogEntry> {
    const leafHash = hashLeaf(leafData);
    const leafIndex = await this.tree.store.append([leafHash]);
    const treeHead = await this.head();
    const proof = await this.tree.inclusionProof(leafIndex, treeHead.treeSize);
    return {
      version: LOG_ENTRY_VERSION,
      leafIndex,
      leafHash: toBase64(leafHash),
      inclusionProof: proof.map(toBase64),
      treeHead,
      logPublicKey: toBase64(this.publicKeySpki),
    };
  }
}
