/**
 * Throughput of sealing and verifying a typical evidence bundle (3-page PDF, 2 photos, 1 fingerprint,
 * 2,000-sample ink trace), on one thread and on one worker per core. Targets: ≥ 50 sealed/s, ≥ 200 verified/s.
 * Run: npm run bench -w @inkproof/evidence
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { buildEvidenceBundle } from '../src/bundle/build-evidence-bundle.js';
import { verifyEvidenceBundle } from '../src/verify/verify-evidence-bundle.js';
import { createSampleWorld, sampleBundleInput } from '../test/sample-bundle.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);

async function measure(
  kind: 'seal' | 'verify',
  seconds: number,
): Promise<{ count: number; ms: number; bytes: number }> {
  const world = await createSampleWorld();
  const input = await sampleBundleInput(world, 1);
  const { zip } = await buildEvidenceBundle(input);
  const options = {
    trustAnchors: [world.pki.rootCertificate],
    trustedLogKeys: [world.logKey.publicKey],
    pdfVerifier: async () => ({ valid: true }),
  };
  // Warm-up (JIT, caches).
  for (let i = 0; i < 5; i++) {
    if (kind === 'seal') await buildEvidenceBundle(input);
    else await verifyEvidenceBundle(zip, options);
  }
  const start = performance.now();
  let count = 0;
  while (performance.now() - start < seconds * 1000) {
    if (kind === 'seal') await buildEvidenceBundle(input);
    else {
      const report = await verifyEvidenceBundle(zip, options);
      if (!report.valid) throw new Error('bench bundle does not verify');
    }
    count++;
  }
  return { count, ms: performance.now() - start, bytes: zip.byteLength };
}

async function inWorkers(kind: 'seal' | 'verify', workers: number): Promise<number> {
  const runs = await Promise.all(
    Array.from(
      { length: workers },
      () =>
        new Promise<{ count: number; ms: number }>((resolve, reject) => {
          // Workers do not inherit tsx's loader: register it, then load this file as the worker body.
          const boot = `import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(import.meta.url)}); })`;
          const w = new Worker(boot, { eval: true, workerData: { kind } });
          w.once('message', resolve);
          w.once('error', reject);
        }),
    ),
  );
  return runs.reduce((n, r) => n + (r.count / r.ms) * 1000, 0);
}

if (!isMainThread) {
  const { kind } = workerData as { kind: 'seal' | 'verify' };
  parentPort!.postMessage(await measure(kind, SECONDS));
} else {
  const cores = Math.max(1, Math.min(availableParallelism(), 4));
  const sealOne = await measure('seal', SECONDS);
  const verifyOne = await measure('verify', SECONDS);
  const rate = (r: { count: number; ms: number }) => (r.count / r.ms) * 1000;
  console.log(`typical bundle: ${(sealOne.bytes / 1024).toFixed(0)} KiB`);
  console.log(`sealed/s   1 thread: ${rate(sealOne).toFixed(1)}  (${(sealOne.ms / sealOne.count).toFixed(1)} ms each)`);
  console.log(
    `verified/s 1 thread: ${rate(verifyOne).toFixed(1)}  (${(verifyOne.ms / verifyOne.count).toFixed(1)} ms each)`,
  );
  console.log(`sealed/s   ${cores} workers: ${(await inWorkers('seal', cores)).toFixed(1)}   (target ≥ 50)`);
  console.log(`verified/s ${cores} workers: ${(await inWorkers('verify', cores)).toFixed(1)}   (target ≥ 200)`);
}
