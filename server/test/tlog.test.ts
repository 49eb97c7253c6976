import { createHash, randomBytes, verify } from 'node:crypto';
import { encodeTreeHeadData } from '@inkproof/evidence';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as headRoute } from '../app/api/tlog/head/route';
import { GET as consistencyRoute } from '../app/api/tlog/proof/consistency/route';
import { GET as inclusionRoute } from '../app/api/tlog/proof/inclusion/route';
import { TEST_DATABASE_KINDS } from '../src/db/testing/open-test-database';
import { createDbLogAppender } from '../src/trust/db-log-appender';
import { createTestApp, type TestApp } from './helpers/test-app';

// An independent RFC 9162 §2.1.3.2 / §2.1.4.2 verifier written from the RFC text, not from our evidence package.
const h = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
const node = (l: Buffer, r: Buffer) => h(Buffer.from([1]), l, r);

function rootFromInclusion(index: number, size: number, leafHash: Buffer, proof: Buffer[]): Buffer | null {
  if (index >= size) return null;
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = node(p, r);
      if (fn % 2 === 0)
        while (fn % 2 === 0 && fn !== 0) {
          fn >>= 1;
          sn >>= 1;
        }
    } else r = node(r, p);
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 ? r : null;
}

function checkConsistency(
  first: number,
  second: number,
  firstRoot: Buffer,
  secondRoot: Buffer,
  proof: Buffer[],
): boolean {
  if (first === second) return proof.length === 0 && firstRoot.equals(secondRoot);
  let path = [...proof];
  if ((first & (first - 1)) === 0) path = [firstRoot, ...path];
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) {
    fn >>= 1;
    sn >>= 1;
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = node(c, fr);
      sr = node(c, sr);
      if (fn % 2 === 0)
        while (fn % 2 === 0 && fn !== 0) {
          fn >>= 1;
          sn >>= 1;
        }
    } else sr = node(sr, c);
    fn >>= 1;
    sn >>= 1;
  }
  return fr.equals(firstRoot) && sr.equals(secondRoot) && sn === 0;
}

const get = async (
  route: (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>,
  url: string,
) => {
  const res = await route(new Request(`http://localhost${url}`), { params: Promise.resolve({}) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe.each(TEST_DATABASE_KINDS)('transparency log endpoints on %s', (kind) => {
  let t: TestApp;
  const leaves: Buffer[] = [];
  beforeAll(async () => {
    t = await createTestApp(kind);
    const trust = await t.app.trust();
    for (let i = 0; i < 6; i++) {
      const manifestHash = randomBytes(32);
      leaves.push(h(Buffer.from([0]), manifestHash));
      await t.app.db.transaction(async (tx) => {
        await createDbLogAppender(tx, { logKey: trust.logKey, tsa: trust.tsa, clock: t.app.clock }).append(
          manifestHash,
        );
      });
    }
  });
  afterAll(() => t.cleanup());

  it('serves a signed, timestamped head that a third party can check with the log key', async () => {
    const { status, body: head } = await get(headRoute, '/api/tlog/head');
    expect(status).toBe(200);
    expect(head.treeSize).toBe(6);
    expect(typeof head.timestampToken).toBe('string');
    const trust = await t.app.trust();
    const data = encodeTreeHeadData(6, Buffer.from(head.rootHash as string, 'base64'), head.timestamp as number);
    expect(verify('sha256', data, trust.logKey.publicKey, Buffer.from(head.signature as string, 'base64'))).toBe(true);
  });

  it('serves inclusion proofs an independent verifier accepts, and rejects a tampered one', async () => {
    const head = (await get(headRoute, '/api/tlog/head')).body;
    const root = Buffer.from(head.rootHash as string, 'base64');
    for (const [index, leaf] of leaves.entries()) {
      const { body } = await get(inclusionRoute, `/api/tlog/proof/inclusion?leaf=${leaf.toString('hex')}`);
      const proof = (body.inclusionProof as string[]).map((p) => Buffer.from(p, 'base64'));
      expect(body.leafIndex).toBe(index);
      expect(rootFromInclusion(index, 6, leaf, proof)?.equals(root)).toBe(true);
      if (proof.length) {
        proof[0]![0]! ^= 1;
        expect(rootFromInclusion(index, 6, leaf, proof)?.equals(root) ?? false).toBe(false);
      }
    }
    expect((await get(inclusionRoute, `/api/tlog/proof/inclusion?leaf=${'0'.repeat(64)}`)).status).toBe(404);
    expect((await get(inclusionRoute, '/api/tlog/proof/inclusion?leaf=xyz')).status).toBe(400);
  });

  it('serves consistency proofs between every pair of heads, and a rewritten history fails them', async () => {
    const roots = new Map<number, Buffer>();
    for (let size = 1; size <= 6; size++) {
      const { body } = await get(consistencyRoute, `/api/tlog/proof/consistency?from=${size}&to=${size}`);
      roots.set(size, Buffer.from((body.toHead as { rootHash: string }).rootHash, 'base64'));
    }
    for (let from = 1; from <= 6; from++) {
      for (let to = from; to <= 6; to++) {
        const { body } = await get(consistencyRoute, `/api/tlog/proof/consistency?from=${from}&to=${to}`);
        const proof = (body.consistencyProof as string[]).map((p) => Buffer.from(p, 'base64'));
        expect(checkConsistency(from, to, roots.get(from)!, roots.get(to)!, proof)).toBe(true);
      }
    }
    // A monitor that kept head 3 detects a log whose leaf 1 was rewritten afterwards.
    const forgedLeaves = [...leaves];
    forgedLeaves[1] = h(Buffer.from([0]), randomBytes(32));
    const mth = (ls: Buffer[]): Buffer => {
      if (ls.length === 1) return ls[0]!;
      let k = 1;
      while (k * 2 < ls.length) k *= 2;
      return node(mth(ls.slice(0, k)), mth(ls.slice(k)));
    };
    const forgedRoot6 = mth(forgedLeaves);
    expect(forgedRoot6.equals(roots.get(6)!)).toBe(false);
    const { body } = await get(consistencyRoute, '/api/tlog/proof/consistency?from=3&to=6');
    const proof = (body.consistencyProof as string[]).map((p) => Buffer.from(p, 'base64'));
    expect(checkConsistency(3, 6, roots.get(3)!, forgedRoot6, proof)).toBe(false);
    expect((await get(consistencyRoute, '/api/tlog/proof/consistency?from=5&to=2')).status).toBe(400);
  });
});
