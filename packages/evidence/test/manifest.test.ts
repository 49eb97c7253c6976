import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalJsonBytes } from '../src/manifest/canonical-json.js';
import { computeEvidenceDigest } from '../src/manifest/evidence-digest.js';
import type { TManifest } from '../src/manifest/manifest-schema.js';
import { manifestFromJSON, parseManifest, serializeManifest } from '../src/manifest/parse-manifest.js';
import { buildSample, createSampleWorld } from './sample-bundle.js';

let manifest: TManifest;
beforeAll(async () => {
  manifest = (await buildSample(await createSampleWorld(), 3, 0.01)).manifest;
});

const codeOf = (f: () => unknown) => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return (e as { code?: string }).code;
  }
};
const enc = (s: string) => new TextEncoder().encode(s);

describe('manifest edge', () => {
  it('round-trips through canonical bytes', () => {
    const bytes = serializeManifest(manifest);
    expect(parseManifest(bytes)).toEqual(manifest);
    expect(serializeManifest(parseManifest(bytes))).toEqual(bytes);
  });

  it('refuses non-canonical, non-JSON and non-UTF-8 bytes', () => {
    expect(codeOf(() => parseManifest(enc(JSON.stringify(manifest, null, 2))))).toBe('MANIFEST_NOT_CANONICAL');
    const canonical = new TextDecoder().decode(serializeManifest(manifest));
    // A duplicated key parses as JSON but has no canonical form equal to the bytes.
    expect(codeOf(() => parseManifest(enc(`{"bundleId":"x",${canonical.slice(1)}`)))).toBe('MANIFEST_NOT_CANONICAL');
    expect(codeOf(() => parseManifest(enc(canonical.slice(0, -1))))).toBe('MANIFEST_NOT_JSON');
    expect(codeOf(() => parseManifest(new Uint8Array([0x7b, 0xff, 0x7d])))).toBe('MANIFEST_NOT_JSON');
  });

  it('switches on the media type version', () => {
    expect(
      codeOf(() => manifestFromJSON({ ...manifest, mediaType: 'application/vnd.inkproof.evidence.v2+json' })),
    ).toBe('MANIFEST_UNSUPPORTED_VERSION');
    expect(codeOf(() => manifestFromJSON([]))).toBe('MANIFEST_UNSUPPORTED_VERSION');
  });

  it('lists every failing field path', () => {
    const broken = structuredClone(manifest) as unknown as Record<string, unknown>;
    (broken.items as { sha256: string }[])[0]!.sha256 = 'XYZ';
    (broken.items as { encrypted: boolean }[])[1]!.encrypted = false;
    delete broken.signerId;
    broken.extra = 1;
    try {
      manifestFromJSON(broken);
      expect.unreachable();
    } catch (e) {
      const err = e as { code: string; details: string[] };
      expect(err.code).toBe('MANIFEST_SCHEMA_INVALID');
      expect(err.details.join('\n')).toMatch(/^items\.0\.sha256:/m);
      expect(err.details.join('\n')).toMatch(/^signerId:/m);
      expect(err.details.join('\n')).toMatch(/extra/);
    }
    // Cross-field rules run once the fields themselves are well-formed.
    const inconsistent = structuredClone(manifest);
    inconsistent.items[1]!.encrypted = false;
    try {
      manifestFromJSON(inconsistent);
      expect.unreachable();
    } catch (e) {
      expect((e as { details: string[] }).details.join('\n')).toMatch(/^items\.1:.*encrypted flag/m);
    }
  });

  it('refuses unsafe member paths in the manifest', () => {
    for (const path of ['../x', 'items/../../x', '/items/x', 'items\\x', 'seal/manifest.p7s', 'items/']) {
      const m = structuredClone(manifest);
      m.items[0]!.path = path;
      expect(
        codeOf(() => manifestFromJSON(m)),
        path,
      ).toBe('MANIFEST_SCHEMA_INVALID');
    }
  });

  it('evidence digest is independent of key order (JCS) and sensitive to content', () => {
    const core = {
      signer: manifest.signer,
      timeline: manifest.timeline,
      device: manifest.device,
      items: manifest.items,
      documents: manifest.documents,
    };
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reverseKeys)
        : v && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, reverseKeys(x)]),
            )
          : v;
    const reordered = reverseKeys(core) as typeof core;
    expect(computeEvidenceDigest(reordered)).toBe(manifest.evidenceDigest);
    expect(computeEvidenceDigest({ ...core, timeline: { ...core.timeline, scrolledToEnd: false } })).not.toBe(
      manifest.evidenceDigest,
    );
  });

  it('JCS serialises numbers and strings per RFC 8785', () => {
    expect(new TextDecoder().decode(canonicalJsonBytes({ b: 1e21, a: 0.1, c: '\u2028é', d: [1.0, -0] }))).toBe(
      '{"a":0.1,"b":1e+21,"c":"\u2028é","d":[1,0]}',
    );
  });
});
