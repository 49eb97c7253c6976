import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { verifyConsistency } from '../src/merkle/verify-consistency.js';
import { verifyInclusion } from '../src/merkle/verify-inclusion.js';
import { fromBase64 } from '../src/util/bytes.js';

// transparency-dev/merkle testdata (see shared/vectors/merkle/README.md); the repo is cloned beside shared/.
const VECTORS = fileURLToPath(new URL('../../../../shared/vectors/merkle/', import.meta.url));

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? jsonFiles(p) : name.endsWith('.json') ? [p] : [];
  });
}

const b64 = (s: string | null | undefined): Uint8Array => fromBase64(s ?? '');
const outcome = (f: () => void): 'ok' | string => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return (e as { code?: string }).code ?? 'untyped';
  }
};

describe('RFC 9162 proof vectors (transparency-dev/merkle)', () => {
  const inclusion = jsonFiles(join(VECTORS, 'inclusion'));
  const consistency = jsonFiles(join(VECTORS, 'consistency'));

  it('finds all 196 probes', () => {
    expect(inclusion.length + consistency.length).toBe(196);
  });

  it.each(inclusion.map((f) => [f.slice(VECTORS.length), f]))('inclusion %s', (_name, file) => {
    const v = JSON.parse(readFileSync(file, 'utf8'));
    const result = outcome(() =>
      verifyInclusion({
        leafIndex: v.leafIdx,
        treeSize: v.treeSize,
        leafHash: b64(v.leafHash),
        proof: (v.proof ?? []).map(b64),
        rootHash: b64(v.root),
      }),
    );
    expect(result).toBe(v.wantErr ? 'MERKLE_INCLUSION_FAILED' : 'ok');
  });

  it.each(consistency.map((f) => [f.slice(VECTORS.length), f]))('consistency %s', (_name, file) => {
    const v = JSON.parse(readFileSync(file, 'utf8'));
    const result = outcome(() =>
      verifyConsistency({
        fromSize: v.size1,
        toSize: v.size2,
        fromRoot: b64(v.root1),
        toRoot: b64(v.root2),
        proof: (v.proof ?? []).map(b64),
      }),
    );
    expect(result).toBe(v.wantErr ? 'MERKLE_CONSISTENCY_FAILED' : 'ok');
  });
});
