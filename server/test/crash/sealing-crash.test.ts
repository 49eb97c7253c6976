import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { verifyEvidenceBundle } from '@inkproof/evidence';
import { pdfVerifierFor, verifyPdf } from '@inkproof/pdf';
import { count, eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppContext, createAppContext } from '../../src/app-context';
import { loadConfig } from '../../src/config';
import { documents, envelopes, evidenceBundles, signatures, submissions, tlogLeaves } from '../../src/db/schema';
import { openTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../../src/db/testing/open-test-database';
import { acceptSubmission } from '../../src/services/device-flow/accept-submission';
import { getDeviceEnvelope } from '../../src/services/device-flow/get-device-envelope';
import { buildSubmission, setUpDeviceEnvelope } from '../helpers/device-fixture';

const WORKER = fileURLToPath(new URL('./sealing-worker.ts', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`worker exited early (${code})`)));
  });
}

// Several processes on one database: PostgreSQL only (one PGlite directory must never be opened by two processes).
describe.runIf(TEST_DATABASE_KINDS.includes('postgres'))('a server killed while sealing', () => {
  let tdb: TestDatabase;
  let app: AppContext;
  let dataDir: string;
  beforeAll(async () => {
    tdb = await openTestDatabase('postgres');
    dataDir = mkdtempSync(join(tmpdir(), 'inkproof-crash-'));
    app = await createAppContext(
      loadConfig({ INKPROOF_DATA_DIR: dataDir, DATABASE_URL: tdb.url!, LOG_LEVEL: 'silent' }),
      {
        log: pino({ level: 'silent' }),
        background: false,
      },
    );
  });
  afterAll(async () => {
    await app?.close();
    await tdb?.cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('resumes on restart and completes the envelope exactly once', async () => {
    const t = { app, kind: 'postgres' as const, cleanup: async () => {} };
    const { device, envelope } = await setUpDeviceEnvelope(t);
    const view = await getDeviceEnvelope({ ...app, hospitalName: 'h' }, device.deviceId, envelope.id);
    const body = buildSubmission(envelope.id, view.signers[0]!.id, view.documents[0]!.id);
    await app.trust(); // create the PKI once, before two processes race for it
    const env = { DATABASE_URL: tdb.url!, INKPROOF_DATA_DIR: dataDir, JOB_LEASE_MS: '2000' };

    const first = await startWorker(env);
    const accepted = await acceptSubmission(
      { ...app, push: { publish: async () => {} } },
      device.deviceId,
      body,
      new TextEncoder().encode(JSON.stringify(body)),
    );
    // Kill it as soon as it has started sealing (the submission row says so), i.e. mid-pipeline.
    let seen = 'accepted';
    for (let i = 0; i < 800 && seen === 'accepted'; i++) {
      const [row] = await app.db
        .select({ status: submissions.status })
        .from(submissions)
        .where(eq(submissions.id, accepted.body.submissionId));
      seen = row?.status ?? 'missing';
      if (seen === 'accepted') await sleep(25);
    }
    first.kill('SIGKILL');
    expect(seen).toBe('sealing');
    await new Promise((r) => first.once('exit', r));

    const second = await startWorker(env);
    try {
      for (let i = 0; i < 240; i++) {
        const [row] = await app.db
          .select({ status: envelopes.status })
          .from(envelopes)
          .where(eq(envelopes.id, envelope.id));
        if (row?.status === 'completed') break;
        await sleep(250);
      }
    } finally {
      second.kill('SIGTERM');
    }
    const [done] = await app.db.select().from(envelopes).where(eq(envelopes.id, envelope.id));
    expect(done!.status).toBe('completed');
    const bundles = await app.db.select().from(evidenceBundles).where(eq(evidenceBundles.envelopeId, envelope.id));
    expect(bundles).toHaveLength(1);
    expect((await app.db.select({ n: count() }).from(tlogLeaves))[0]!.n).toBe(1);
    const [doc] = await app.db.select().from(documents).where(eq(documents.envelopeId, envelope.id));
    expect(await app.db.select().from(signatures).where(eq(signatures.documentId, doc!.id))).toHaveLength(1);
    const trust = await app.trust();
    const pdf = await app.blobs.get(doc!.signedSha256!);
    const report = await verifyPdf(pdf, { trustAnchors: [trust.pki.rootCertificate] });
    expect(report.verdict).toBe('VALID');
    expect(report.signatures.filter((s) => s.kind === 'signature')).toHaveLength(1);
    const verdict = await verifyEvidenceBundle(await app.blobs.get(bundles[0]!.bundleSha256), {
      trustAnchors: [trust.pki.rootCertificate],
      escrowKey: trust.escrow.keyPem!,
      pdfVerifier: pdfVerifierFor([trust.pki.rootCertificate]),
      trustedLogKeys: [trust.logKey.publicKey],
    });
    expect(verdict.valid).toBe(true);
  });
});
