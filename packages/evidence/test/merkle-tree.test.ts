import { describe, expect, it } from 'vitest';
import { EMPTY_ROOT_HASH, hashLeaf, rootFromLeafHashes } from '../src/merkle/hash.js';
import { MerkleTree } from '../src/merkle/merkle-tree.js';
import { MemoryTreeStore } from '../src/merkle/tree-store.js';
import { verifyConsistency } from '../src/merkle/verify-consistency.js';
import { verifyInclusion } from '../src/merkle/verify-inclusion.js';
import { fromHex, sha256, toHex } from '../src/util/bytes.js';

// RFC 9162 reference tree (STANDARDS.md, shared/vectors/merkle/README.md).
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

function leafHashes(n: number, salt = ''): Uint8Array[] {
  return Array.from({ length: n }, (_, i) => hashLeaf(new TextEncoder().encode(`${salt}leaf-${i}`)));
}

describe('RFC 9162 reference tree', () => {
  const hashes = LEAVES.map((l) => hashLeaf(fromHex(l)));
  const tree = new MerkleTree(new MemoryTreeStore(hashes));

  it('has the published root for every size 0..8', async () => {
    expect(toHex(EMPTY_ROOT_HASH)).toBe(ROOTS[0]);
    for (let n = 1; n <= 8; n++) {
      expect(toHex(await tree.root(n))).toBe(ROOTS[n]);
      expect(toHex(rootFromLeafHashes(hashes.slice(0, n)))).toBe(ROOTS[n]);
    }
  });

  it('produces PATH(0,8) and PROOF(6,8) as published', async () => {
    const path = (await tree.inclusionProof(0, 8)).map(toHex);
    expect(path[0]).toMatch(/^96a296d2.*cfc7$/);
    expect(path[1]).toMatch(/^5f083f0a.*031e$/);
    expect(path[2]).toMatch(/^6b47aaf2.*f6e4$/);
    const proof = (await tree.consistencyProof(6, 8)).map(toHex);
    expect(proof).toHaveLength(3);
    expect(proof[0]).toMatch(/^0ebc5d34.*ef6a$/);
    expect(proof[1]).toMatch(/^ca854ea1.*0ae0$/);
    expect(proof[2]).toBe(ROOTS[4]);
  });
});

describe('generated proofs', () => {
  it('verify for every leaf and every size pair up to 40 leaves', async () => {
    const hashes = leafHashes(40);
    const tree = new MerkleTree(new MemoryTreeStore(hashes));
    const roots = [EMPTY_ROOT_HASH];
    for (let n = 1; n <= 40; n++) roots.push(await tree.root(n));
    for (let n = 1; n <= 40; n++) {
      for (let i = 0; i < n; i++) {
        const proof = await tree.inclusionProof(i, n);
        verifyInclusion({ leafIndex: i, treeSize: n, leafHash: hashes[i]!, proof, rootHash: roots[n]! });
        if (n > 1) {
          const wrongIndex = { leafIndex: (i + 1) % n, treeSize: n, leafHash: hashes[i]!, proof, rootHash: roots[n]! };
          expect(() => verifyInclusion(wrongIndex)).toThrow(
            expect.objectContaining({ code: 'MERKLE_INCLUSION_FAILED' }),
          );
        }
      }
      for (let m = 1; m <= n; m++) {
        const proof = await tree.consistencyProof(m, n);
        verifyConsistency({ fromSize: m, toSize: n, fromRoot: roots[m]!, toRoot: roots[n]!, proof });
      }
    }
  });

  it('verify at large, uneven sizes', async () => {
    const hashes = leafHashes(5000);
    const tree = new MerkleTree(new MemoryTreeStore(hashes));
    for (const n of [257, 1000, 1023, 1024, 1025, 4097, 5000]) {
      const root = await tree.root(n);
      expect(root).toEqual(rootFromLeafHashes(hashes.slice(0, n)));
      for (const i of [0, 1, n >> 1, n - 2, n - 1]) {
        const proof = await tree.inclusionProof(i, n);
        verifyInclusion({ leafIndex: i, treeSize: n, leafHash: hashes[i]!, proof, rootHash: root });
      }
      for (const m of [1, 3, 256, n - 1]) {
        const proof = await tree.consistencyProof(m, n);
        verifyConsistency({ fromSize: m, toSize: n, fromRoot: await tree.root(m), toRoot: root, proof });
      }
    }
  });

  it('detects a rewritten leaf with a consistency check', async () => {
    const honest = leafHashes(100);
    const oldTree = new MerkleTree(new MemoryTreeStore(honest.slice(0, 60)));
    const oldRoot = await oldTree.root();
    // The operator rewrites entry 17 and keeps appending: its new head cannot be proven consistent with the old one.
    const forged = honest.slice();
    forged[17] = sha256(new TextEncoder().encode('forged'));
    const newTree = new MerkleTree(new MemoryTreeStore(forged));
    const proof = await newTree.consistencyProof(60, 100);
    const newRoot = await newTree.root();
    expect(() => verifyConsistency({ fromSize: 60, toSize: 100, fromRoot: oldRoot, toRoot: newRoot, proof })).toThrow(
      expect.objectContaining({ code: 'MERKLE_CONSISTENCY_FAILED' }),
    );
    // The honest continuation passes.
    const honestTree = new MerkleTree(new MemoryTreeStore(honest));
    verifyConsistency({
      fromSize: 60,
      toSize: 100,
      fromRoot: oldRoot,
      toRoot: await honestTree.root(),
      proof: await honestTree.consistencyProof(60, 100),
    });
  });

  it('refuses proofs for leaves or sizes the log does not have', async () => {
    const tree = new MerkleTree(new MemoryTreeStore(leafHashes(5)));
    await expect(tree.inclusionProof(5)).rejects.toMatchObject({ code: 'MERKLE_INVALID_ARGUMENT' });
    await expect(tree.root(6)).rejects.toMatchObject({ code: 'MERKLE_INVALID_ARGUMENT' });
    await expect(tree.consistencyProof(0, 5)).rejects.toMatchObject({ code: 'MERKLE_INVALID_ARGUMENT' });
  });
});
