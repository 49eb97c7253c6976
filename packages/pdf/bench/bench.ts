import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBuiltinPki, type RevocationData, type TimestampClient } from '@inkproof/pki';
import { loadCjkFont } from '../src/consent/load-cjk-font.js';
import { signPdf } from '../src/index.js';
import { makeSamplePdf } from './make-sample-pdf.js';
import { naiveBlta } from './naive-baseline.js';

// Medians of B-LTA signing on this machine; not a test (STYLE.md: performance targets live in bench/).
const RUNS = Number(process.env['BENCH_RUNS'] ?? 15);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const pki = await createBuiltinPki({ dir: join(mkdtempSync(join(tmpdir(), 'pdf-bench-')), 'pki') });
const cred = await pki.issueEventCertificate({ name: '张三', role: 'patient' });
const font = await loadCjkFont();
const strokes = [
  Array.from({ length: 120 }, (_, i) => ({ t: i * 5, x: i * 2, y: 20 + 10 * Math.sin(i / 8), pressure: 0.5 })),
];

let pkiMs = 0;
const timed =
  <A extends unknown[], R>(fn: (...a: A) => Promise<R>) =>
  async (...a: A): Promise<R> => {
    const t = performance.now();
    try {
      return await fn(...a);
    } finally {
      pkiMs += performance.now() - t;
    }
  };
const tsa: TimestampClient = {
  timestamp: timed((i: Uint8Array, h?: Parameters<TimestampClient['timestamp']>[1]) => pki.tsa.timestamp(i, h)),
};
const freshRevocation = timed((c: Uint8Array[]) => pki.revocationData(c));
const cachedRev = await pki.revocationData([cred.certificate, ...cred.chain, pki.tsaCertificate]);
const cachedRevocation = timed(async (_c: Uint8Array[]): Promise<RevocationData> => cachedRev);

async function ours(pdf: Uint8Array, visible: boolean, revocation: (c: Uint8Array[]) => Promise<RevocationData>) {
  return signPdf(pdf, {
    signer: cred.signer,
    certificate: cred.certificate,
    chain: cred.chain,
    level: 'B-LTA',
    tsa,
    revocation,
    placement: visible ? { page: 1, rect: [350, 40, 200, 80] } : undefined,
    appearance: visible ? { name: '张三', meaning: '患者本人签名', signedAt: new Date(), font, strokes } : undefined,
  });
}

async function measure(label: string, fn: () => Promise<unknown>): Promise<void> {
  await fn();
  const total: number[] = [];
  const cpu: number[] = [];
  const pkiPart: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    pkiMs = 0;
    const c = process.cpuUsage();
    const t = performance.now();
    await fn();
    total.push(performance.now() - t);
    const u = process.cpuUsage(c);
    cpu.push((u.user + u.system) / 1000);
    pkiPart.push(pkiMs);
  }
  const m = median(total);
  const p = median(pkiPart);
  const f = (n: number): string => n.toFixed(1).padStart(7);
  console.log(`${label.padEnd(56)} wall ${f(m)} ms  cpu ${f(median(cpu))} ms  (in TSA+revocation ${f(p)} ms)`);
}

for (const pages of [1, 200]) {
  const pdf = await makeSamplePdf(pages);
  console.log(`\n${pages}-page PDF, ${(pdf.length / 1e6).toFixed(2)} MB, ${RUNS} runs`);
  await measure('naive baseline: pdf-lib parse + save per step', () =>
    naiveBlta(pdf, { tsa, revocation: cachedRevocation, cred }),
  );
  await measure('ours B-LTA, invisible, fresh CRL/OCSP', () => ours(pdf, false, freshRevocation));
  await measure('ours B-LTA, invisible, cached CRL/OCSP', () => ours(pdf, false, cachedRevocation));
  await measure('ours B-LTA, visible (ink + CJK text), cached CRL/OCSP', () => ours(pdf, true, cachedRevocation));
}
console.log('\ntargets: 1-page B-LTA ≤ 40 ms, 200-page B-LTA ≤ 60 ms (issue 3); "cached CRL/OCSP" reuses responses');
console.log('within their validity as a server would; wall time includes waiting for other processes on this machine.');
