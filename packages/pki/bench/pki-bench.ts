import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearAllCaches } from '../src/cache/lru-cache.js';
import {
  createBuiltinPki,
  createPkcs11Keystore,
  type KeyAlgorithm,
  type Keystore,
  signCadesDetached,
  verifyCadesDetached,
} from '../src/index.js';

/**
 * Prints the median wall time and the mean process CPU time (user + system, which survives a busy
 * machine) of the per-signing operations; run with `npm run bench -w @inkproof/pki`.
 */
interface Figure {
  wallMs: number;
  cpuMs: number;
}

async function median(runs: number, fn: () => Promise<unknown>): Promise<Figure> {
  for (let i = 0; i < Math.min(3, runs); i++) await fn();
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  const cpu = process.cpuUsage(cpu0);
  times.sort((a, b) => a - b);
  return { wallMs: times[Math.floor(times.length / 2)] as number, cpuMs: (cpu.user + cpu.system) / 1000 / runs };
}

const dir = mkdtempSync(join(tmpdir(), 'inkproof-pki-bench-'));
const pki = await createBuiltinPki({ dir, passphrase: 'benchmark passphrase' });
const content = new Uint8Array(5_500_000).fill(0x25);
const rows: [string, Figure][] = [];

for (const [algorithm, runs] of [
  ['ECDSA-P256', 40],
  ['SM2', 40],
  ['RSA-2048', 8],
] as [KeyAlgorithm, number][]) {
  rows.push([
    `event certificate issuance ${algorithm} (keygen + CSR + cert)`,
    await median(runs, async () =>
      (await pki.issueEventCertificate({ name: 'Bench', role: 'patient', algorithm })).destroy(),
    ),
  ]);
}
const cred = await pki.issueEventCertificate({ name: 'Bench', role: 'patient' });
const digest = new Uint8Array(32).fill(1);
rows.push([
  'CMS sign B-B P-256 (digest given)',
  await median(60, () =>
    signCadesDetached({ digest, signer: cred.signer, certificate: cred.certificate, chain: cred.chain }),
  ),
]);
rows.push([
  'CMS sign B-T P-256 (in-process TSA)',
  await median(60, () =>
    signCadesDetached({
      digest,
      signer: cred.signer,
      certificate: cred.certificate,
      chain: cred.chain,
      timestamp: pki.tsa,
    }),
  ),
]);
rows.push([
  'CMS sign B-B P-256 over 5.5 MB content',
  await median(20, () => signCadesDetached({ content, signer: cred.signer, certificate: cred.certificate })),
]);
const sm2 = await pki.issueEventCertificate({ name: 'Bench', role: 'patient', algorithm: 'SM2' });
rows.push([
  'CMS sign B-B SM2 (digest given)',
  await median(40, () =>
    signCadesDetached({ digest, signer: sm2.signer, certificate: sm2.certificate, chain: sm2.chain }),
  ),
]);
const cms = await signCadesDetached({
  digest,
  signer: cred.signer,
  certificate: cred.certificate,
  chain: cred.chain,
  timestamp: pki.tsa,
});
const revocation = await pki.revocationData([cred.certificate, ...cred.chain]);
rows.push([
  'revocationData (2 CRLs + 2 OCSP)',
  await median(30, () => pki.revocationData([cred.certificate, ...cred.chain])),
]);
rows.push([
  'verify B-T with revocation (same CMS again)',
  await median(30, () => verifyCadesDetached(cms, { digest }, { trustAnchors: [pki.rootCertificate], revocation })),
]);
// In production every CMS and event certificate is new: caches only help with the shared hierarchy
// (root, Event CA, TSA) and with repeated checks of the same signature inside one verification.
const fresh: { cms: Uint8Array; revocation: Awaited<ReturnType<typeof pki.revocationData>> }[] = [];
for (let i = 0; i < 30; i++) {
  const c = await pki.issueEventCertificate({ name: 'Bench', role: 'patient' });
  const signed = await signCadesDetached({
    digest,
    signer: c.signer,
    certificate: c.certificate,
    chain: c.chain,
    timestamp: pki.tsa,
  });
  fresh.push({ cms: signed, revocation: await pki.revocationData([c.certificate, ...c.chain]) });
  await c.destroy();
}
/**
 * Each timed call sees a CMS, a leaf and (with revocation) CRL/OCSP responses it never saw: caches are
 * emptied, then warmed by verifying another signature, so only the shared hierarchy is known.
 */
async function freshFigure(from: number, runs: number, withRevocation: boolean): Promise<Figure> {
  const times: number[] = [];
  let cpuMs = 0;
  for (let i = from; i < from + runs; i++) {
    clearAllCaches();
    await verifyCadesDetached(cms, { digest }, { trustAnchors: [pki.rootCertificate] });
    const item = fresh[i] as (typeof fresh)[number];
    const cpu0 = process.cpuUsage();
    const t = performance.now();
    await verifyCadesDetached(
      item.cms,
      { digest },
      { trustAnchors: [pki.rootCertificate], ...(withRevocation ? { revocation: item.revocation } : {}) },
    );
    times.push(performance.now() - t);
    const cpu = process.cpuUsage(cpu0);
    cpuMs += (cpu.user + cpu.system) / 1000;
  }
  times.sort((a, b) => a - b);
  return { wallMs: times[Math.floor(times.length / 2)] as number, cpuMs: cpuMs / runs };
}
rows.push(['verify B-T, first sight of CMS + leaf', await freshFigure(0, 15, false)]);
rows.push(['verify B-T with revocation, first sight of CMS + leaf + CRL/OCSP', await freshFigure(15, 15, true)]);
rows.push([
  'full per-signing path P-256: issue + B-T sign + destroy',
  await median(30, async () => {
    const c = await pki.issueEventCertificate({ name: 'Bench', role: 'patient' });
    await signCadesDetached({
      digest,
      signer: c.signer,
      certificate: c.certificate,
      chain: c.chain,
      timestamp: pki.tsa,
    });
    await c.destroy();
  }),
]);

rows.push(...(await pkcs11Rows()));

/** Same per-signing path with keys in a private SoftHSM2 token, when pkcs11js and SoftHSM2 are present. */
async function pkcs11Rows(): Promise<[string, Figure][]> {
  const modulePath = '/usr/lib/softhsm/libsofthsm2.so';
  if (!existsSync(modulePath)) return [];
  const hsmDir = join(dir, 'softhsm');
  mkdirSync(join(hsmDir, 'tokens'), { recursive: true });
  const conf = join(hsmDir, 'softhsm2.conf');
  writeFileSync(
    conf,
    `directories.tokendir = ${join(hsmDir, 'tokens')}\nobjectstore.backend = file\nlog.level = ERROR\n`,
  );
  process.env.SOFTHSM2_CONF = conf;
  const init = spawnSync('softhsm2-util', [
    '--init-token',
    '--free',
    '--label',
    'bench',
    '--pin',
    '1234',
    '--so-pin',
    '5678',
  ]);
  if (init.status !== 0) return [];
  let keystore: Keystore;
  try {
    keystore = createPkcs11Keystore({ modulePath, tokenLabel: 'bench', pin: '1234' });
  } catch {
    return [];
  }
  const hsmPki = await createBuiltinPki({ dir: join(dir, 'hsm-pki'), keystore });
  const out: [string, Figure][] = [
    [
      'PKCS#11 event certificate issuance P-256',
      await median(30, async () => (await hsmPki.issueEventCertificate({ name: 'Bench', role: 'patient' })).destroy()),
    ],
  ];
  const c = await hsmPki.issueEventCertificate({ name: 'Bench', role: 'patient' });
  out.push([
    'PKCS#11 CMS sign B-B P-256',
    await median(60, () => signCadesDetached({ digest, signer: c.signer, certificate: c.certificate, chain: c.chain })),
  ]);
  await c.destroy();
  await hsmPki.close();
  return out;
}

const width = Math.max(...rows.map(([name]) => name.length));
console.log(`@inkproof/pki ${'operation'.padEnd(width - 14)}  median wall ms   CPU ms/op`);
for (const [name, f] of rows) {
  console.log(`${name.padEnd(width)}  ${f.wallMs.toFixed(2).padStart(14)}  ${f.cpuMs.toFixed(2).padStart(10)}`);
}
await pki.close();
rmSync(dir, { recursive: true, force: true });
