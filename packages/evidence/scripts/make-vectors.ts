/**
 * Writes the committed v1 bundle vectors to test/vectors/v1/ with this package's own builder. Run once per format
 * version (npm run make-vectors -w @inkproof/evidence); the tests read the files back forever, so never regenerate
 * v1 after it is committed — a new format version gets a new folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildEvidenceBundle } from '../src/bundle/build-evidence-bundle.js';
import { inspectEvidenceBundle } from '../src/inspect-evidence-bundle.js';
import { reportErrorCodes, verifyEvidenceBundle } from '../src/verify/verify-evidence-bundle.js';
import { pdfVerifierFor } from '../test/pdf-document.js';
import { createSampleWorld, sampleBundleInput } from '../test/sample-bundle.js';

const OUT = fileURLToPath(new URL('../test/vectors/v1/', import.meta.url));
mkdirSync(OUT, { recursive: true });
const expected: Record<string, unknown> = {};
for (const escrow of ['rsa', 'ec'] as const) {
  const world = await createSampleWorld({ escrow });
  const input = await sampleBundleInput(world, escrow === 'rsa' ? 101 : 102, 0.25, { realPdf: true });
  const built = await buildEvidenceBundle(input);
  const name = `bundle-${escrow}-escrow.zip`;
  writeFileSync(join(OUT, name), built.zip);
  // Each world has its own built-in PKI and log key: keep them per bundle.
  writeFileSync(join(OUT, `${name}.root.pem`), world.pki.rootPem);
  writeFileSync(join(OUT, `${name}.log-key.pem`), world.logKey.publicKey.export({ type: 'spki', format: 'pem' }));
  const report = await verifyEvidenceBundle(built.zip, {
    trustAnchors: [world.pki.rootCertificate],
    trustedLogKeys: [world.logKey.publicKey],
    escrowKey: world.escrow.keyPem,
    pdfVerifier: pdfVerifierFor([world.pki.rootCertificate]),
  });
  if (!report.valid) throw new Error(`${name} does not verify: ${reportErrorCodes(report)}`);
  writeFileSync(join(OUT, `${name}.inspect.txt`), inspectEvidenceBundle(built.zip));
  expected[name] = {
    escrowKey: `../../fixtures/escrow/escrow-${escrow}.key.pem`,
    bundleId: built.manifest.bundleId,
    manifestSha256: built.manifestSha256,
    leafIndex: built.logEntry.leafIndex,
    items: built.manifest.items.map((i) => ({ path: i.path, encrypted: i.encrypted, sha256: i.sha256 })),
  };
}
writeFileSync(join(OUT, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
console.log(`wrote ${Object.keys(expected).length} vectors to ${OUT}`);
