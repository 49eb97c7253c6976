import { generateKeyPairSync } from 'node:crypto';
import { generateInMemoryKey } from '@inkproof/pki';
import { describe, expect, it } from 'vitest';
import { hashLeaf } from '../src/merkle/hash.js';
import { parseLogEntry } from '../src/merkle/log-entry.js';
import { TransparencyLog } from '../src/merkle/transparency-log.js';
import { parseTreeHead, signTreeHead, verifyTreeHeadSignature } from '../src/merkle/tree-head.js';
import { MemoryTreeStore } from '../src/merkle/tree-store.js';
import { verifyInclusion } from '../src/merkle/verify-inclusion.js';
import { fromBase64, sha256 } from '../src/util/bytes.js';

const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const clock = () => new Date('2026-11-22T03:00:00Z');

describe('signed tree heads', () => {
  it.each([
    ['ECDSA P-256 KeyObject', ec],
    ['RSA KeyObject', rsa],
  ])('sign and verify with %s', async (_name, pair) => {
    const head = await signTreeHead({
      treeSize: 7,
      rootHash: sha256(),
      signer: pair.privateKey,
      publicKey: pair.publicKey,
      clock,
    });
    expect(parseTreeHead(JSON.parse(JSON.stringify(head)))).toEqual(head);
    verifyTreeHeadSignature(head, pair.publicKey);
    expect(() => verifyTreeHeadSignature({ ...head, treeSize: 8 }, pair.publicKey)).toThrow(
      expect.objectContaining({ code: 'STH_SIGNATURE_INVALID' }),
    );
    const other = pair === ec ? rsa : ec;
    expect(() => verifyTreeHeadSignature(head, other.publicKey)).toThrow(
      expect.objectContaining({ code: 'STH_SIGNATURE_INVALID' }),
    );
  });

  it('accepts a pki-style signer and adds an RFC 3161 token over SHA-256(signature)', async () => {
    const seen: Uint8Array[] = [];
    const signer = {
      algorithm: 'ECDSA-P256' as const,
      sign: async (d: Uint8Array) => (await import('node:crypto')).sign('sha256', d, ec.privateKey),
    };
    const tsa = {
      timestamp: async (imprint: Uint8Array) => {
        seen.push(imprint);
        return new Uint8Array([0x30, 0x00]);
      },
    };
    const head = await signTreeHead({ treeSize: 1, rootHash: sha256(), signer, publicKey: ec.publicKey, tsa, clock });
    verifyTreeHeadSignature(head, ec.publicKey);
    expect(seen[0]).toEqual(sha256(fromBase64(head.signature)));
    expect(head.timestampToken).toBe('MAA=');
  });

  it.each(['ECDSA-P256', 'ECDSA-P384', 'RSA-2048', 'RSA-PSS-2048'] as const)(
    'signs with a pki %s signer and verifies against its SPKI',
    async (algorithm) => {
      const key = generateInMemoryKey(algorithm);
      const head = await signTreeHead({
        treeSize: 3,
        rootHash: sha256(),
        signer: key.signer,
        publicKey: key.publicKeyInfo,
        clock,
      });
      expect(head.signatureAlgorithm).toBe(algorithm);
      verifyTreeHeadSignature(head, key.publicKeyInfo);
      // The algorithm is bound to the key: relabelling the head does not verify.
      const relabelled = {
        ...head,
        signatureAlgorithm: algorithm === 'RSA-PSS-2048' ? ('RSA-2048' as const) : ('Ed25519' as const),
      };
      expect(() => verifyTreeHeadSignature(relabelled, key.publicKeyInfo)).toThrow(
        expect.objectContaining({ code: 'STH_SIGNATURE_INVALID' }),
      );
    },
  );

  it('refuses SM2 log keys for now', async () => {
    const key = generateInMemoryKey('SM2');
    await expect(
      signTreeHead({ treeSize: 1, rootHash: sha256(), signer: key.signer, publicKey: ec.publicKey, clock }),
    ).rejects.toMatchObject({ code: 'STH_INVALID' });
  });

  it('rejects malformed heads with every failing field listed', () => {
    expect(() => parseTreeHead({ version: 1, treeSize: -1 })).toThrow(
      expect.objectContaining({
        code: 'STH_INVALID',
        details: expect.arrayContaining([expect.stringMatching(/^treeSize/)]),
      }),
    );
  });
});

describe('TransparencyLog', () => {
  it('signs one head per batch under a head policy, every entry proven against it', async () => {
    let signatures = 0;
    const signer = {
      algorithm: 'ECDSA-P256' as const,
      sign: async (d: Uint8Array) => {
        signatures++;
        return (await import('node:crypto')).sign('sha256', d, ec.privateKey);
      },
    };
    const log = new TransparencyLog({
      store: new MemoryTreeStore(),
      signer,
      publicKey: ec.publicKey,
      clock,
      headPolicy: { maxEntries: 8, maxDelayMs: 5 },
    });
    const entries = await Promise.all(Array.from({ length: 20 }, (_, i) => log.append(sha256(new Uint8Array([i])))));
    expect(signatures).toBe(3); // 8 + 8 + 4 (the last batch flushed by the timer)
    expect(new Set(entries.map((e) => e.treeHead.treeSize))).toEqual(new Set([8, 16, 20]));
    for (const entry of entries) {
      verifyInclusion({
        leafIndex: entry.leafIndex,
        treeSize: entry.treeHead.treeSize,
        leafHash: fromBase64(entry.leafHash),
        proof: entry.inclusionProof.map(fromBase64),
        rootHash: fromBase64(entry.treeHead.rootHash),
      });
    }
  });

  it('rejects every waiting append when the store fails', async () => {
    const store = new MemoryTreeStore();
    store.append = async () => Promise.reject(new Error('db down'));
    const log = new TransparencyLog({
      store,
      signer: ec.privateKey,
      publicKey: ec.publicKey,
      headPolicy: { maxEntries: 2, maxDelayMs: 1 },
    });
    const results = await Promise.allSettled([log.append(sha256()), log.append(sha256())]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });

  it('returns entries whose inclusion proofs verify against their signed heads', async () => {
    const log = new TransparencyLog({
      store: new MemoryTreeStore(),
      signer: ec.privateKey,
      publicKey: ec.publicKey,
      clock,
    });
    const entries = await Promise.all(Array.from({ length: 20 }, (_, i) => log.append(sha256(new Uint8Array([i])))));
    for (const [i, entry] of entries.entries()) {
      parseLogEntry(JSON.parse(JSON.stringify(entry)));
      expect(entry.leafIndex).toBe(i);
      expect(fromBase64(entry.leafHash)).toEqual(hashLeaf(sha256(new Uint8Array([i]))));
      verifyTreeHeadSignature(entry.treeHead, fromBase64(entry.logPublicKey));
      verifyInclusion({
        leafIndex: entry.leafIndex,
        treeSize: entry.treeHead.treeSize,
        leafHash: fromBase64(entry.leafHash),
        proof: entry.inclusionProof.map(fromBase64),
        rootHash: fromBase64(entry.treeHead.rootHash),
      });
    }
  });
});
