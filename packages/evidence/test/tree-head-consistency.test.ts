import { generateKeyPairSync } from 'node:crypto';
import { createBuiltinPki } from '@inkproof/pki';
import { describe, expect, it } from 'vitest';
import { hashLeaf } from '../src/merkle/hash.js';
import { parseConsistencyProofWire } from '../src/merkle/proof-wire.js';
import { TransparencyLog } from '../src/merkle/transparency-log.js';
import { MemoryTreeStore } from '../src/merkle/tree-store.js';
import { verifySignedTreeHead, verifyTreeHeadConsistency } from '../src/merkle/verify-tree-heads.js';
import { fromBase64, sha256, toBase64 } from '../src/util/bytes.js';
import { tempDir } from './helpers.js';

describe('monitoring two signed, timestamped tree heads', () => {
  it('accepts an honest extension and refuses a rewritten history', async () => {
    const pki = await createBuiltinPki({ dir: tempDir() });
    const key = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const opts = { publicKey: key.publicKey, trustAnchors: [pki.rootCertificate] };
    const leaf = (i: number, salt = '') => sha256(new TextEncoder().encode(`${salt}${i}`));

    const honest = new TransparencyLog({
      store: new MemoryTreeStore(),
      signer: key.privateKey,
      publicKey: key.publicKey,
      tsa: pki.tsa,
    });
    for (let i = 0; i < 10; i++) await honest.append(leaf(i));
    const oldHead = await honest.head();
    expect((await verifySignedTreeHead(oldHead, { ...opts, requireTimestamp: true })).timestampTime).toBeInstanceOf(
      Date,
    );
    for (let i = 10; i < 25; i++) await honest.append(leaf(i));
    const newHead = await honest.head();
    // Through the wire form the server serves and the CLI reads.
    const wire = parseConsistencyProofWire(
      JSON.parse(
        JSON.stringify({
          version: 1,
          fromSize: 10,
          toSize: 25,
          proof: (await honest.tree.consistencyProof(10, 25)).map(toBase64),
        }),
      ),
    );
    await verifyTreeHeadConsistency(oldHead, newHead, wire.proof.map(fromBase64), opts);
    expect(() => parseConsistencyProofWire({ ...wire, proof: ['not base64!'] })).toThrow(
      expect.objectContaining({ code: 'MERKLE_INVALID_ARGUMENT' }),
    );

    // Same key, history rewritten at entry 3: the operator cannot produce a proof linking the heads.
    const forgedStore = new MemoryTreeStore();
    const forged = new TransparencyLog({
      store: forgedStore,
      signer: key.privateKey,
      publicKey: key.publicKey,
      tsa: pki.tsa,
    });
    for (let i = 0; i < 25; i++) await forgedStore.append([hashLeaf(leaf(i, i === 3 ? 'x' : ''))]);
    const forgedHead = await forged.head();
    await expect(
      verifyTreeHeadConsistency(oldHead, forgedHead, await forged.tree.consistencyProof(10, 25), opts),
    ).rejects.toMatchObject({ code: 'MERKLE_CONSISTENCY_FAILED' });

    // A head signed by another key is refused before any proof is looked at.
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    await expect(verifySignedTreeHead(newHead, { publicKey: other.publicKey })).rejects.toMatchObject({
      code: 'STH_SIGNATURE_INVALID',
    });
  });
});
