/**
 * Throughput of sealing and verifying a typical evidence bundle (3-page PAdES consent, 2 photos, 1 fingerprint,
 * 2,000-sample ink trace), on one thread and on one worker per core. Targets: ≥ 50 sealed/s, ≥ 200 verified/s.
 * Sealing runs CONCURRENCY builds at once against a log that signs one head per batch (HeadPolicy), as a server's
 * sealing jobs do. Run: npm run bench -w @inkproof/evidence   (BENCH_SECONDS, BENCH_CONCURRENCY to tune)
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { buildEvidenceBundle } from '../src/bundle/build-evidence-bundle.js';
import type { PdfVerifier } from '../src/verify/verification-report.js';
import { verifyEvidenceBundle } from '../src/verify/verify-evidence-bundle.js';
import { pdfVerifierFor } from '../test/pdf-document.js';
import { createSampleWorld, sampleBundleInput } from '../test/sample-bundle.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
type Kind = 'seal' | 'verify' | 'verify+pdf';
interface Run {
  count: number;
  ms: number;
  /** Process CPU time (user + system) spent, so figures survive a busy machine. */
  cpuMs: number;
  bytes: number;
}

async function measure(kind: Kind, seconds: number): Promise<Run> {
  const world = await createSampleWorld({ headPolicy: { maxEntries: CONCURRENCY, maxDelayMs: 5 } });
  const input = await sampleBundleInput(world, 1, 1, { realPdf: true });
  const { zip } = await buildEvidenceBundle(input);
  const stub: PdfVerifier = async () => ({ valid: true });
  const options = {
    trustAnchors: [world.pki.rootCertificate],
    trustedLogKeys: [world.logKey.publicKey],
    pdfVerifier: kind === 'verify+pdf' ? pdfVerifierFor([world.pki.rootCertificate]) : stub,
  };
  const once = async () => {
    if (kind === 'seal') return void (await buildEvidenceBundle(input));
    const report = await verifyEvidenceBundle(zip, options);
    if (!report.valid) throw new Error('bench bundle does not verify');
  };
  const lanes = kind === 'seal' ? CONCURRENCY : 1;
  for (let i = 0; i < 3; i++) await Promise.all(Array.from({ length: lanes }, once)); // warm-up
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  let count = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (performance.now() - start < seconds * 1000) {
        await once();
        count++;
      }
    }),
  );
  const cpu = process.cpuUsage(cpu0);
  return { count, ms: performance.now() - start, cpuMs: (cpu.user + cpu.system) / 1000, bytes: zip.byteLength };
}

const rate = (r: Run) => (r.count / r.ms) * 1000;
const perCpuSecond = (r: Run) => (r.count / r.cpuMs) * 1000;

async function inWorkers(kind: Kind, workers: number): Promise<number> {
  const runs = await Promise.all(
    Array.from(
      { length: workers },
      () =>
        new Promise<Run>((resolve, reject) => {
          // Workers do not inherit tsx's loader: register it, then load this file as the worker body.
          const boot = `import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(import.meta.url)}); })`;
          const w = new Worker(boot, { eval: true, workerData: { kind } });
          w.once('message', resolve);
          w.once('error', reject);
        }),
    ),
  );
  return runs.reduce((n, r) => n + rate(r), 0);
}

if (!isMainThread) {
  parentPort!.postMessage(await measure((workerData as { kind: Kind }).kind, SECONDS));
} else {
  const cores = Math.max(1, Math.min(availableParallelism(), 4));
  const seal = await measure('seal', SECONDS);
  const verify = await measure('verify', SECONDS);
  const verifyPdf = await measure('verify+pdf', SECONDS);
  console.log(`typical bundle: ${(seal.bytes / 1024).toFixed(0)} KiB, ${CONCURRENCY} concurrent seals per thread`);
  const line = (what: string, r: Run, note = '') =>
    console.log(
      `${what} 1 thread:  ${rate(r).toFixed(1)} wall, ${perCpuSecond(r).toFixed(1)} per CPU-second (${(r.cpuMs / r.count).toFixed(1)} ms CPU each)${note}`,
    );
  line('sealed/s  ', seal);
  line('verified/s', verify, '  [PDF verifier stubbed]');
  line('verified/s', verifyPdf, '  [with @inkproof/pdf verifyPdf]');
  console.log(`sealed/s   ${cores} workers: ${(await inWorkers('seal', cores)).toFixed(1)}   (target ≥ 50)`);
  console.log(`verified/s ${cores} workers: ${(await inWorkers('verify', cores)).toFixed(1)}   (target ≥ 200)`);
}
