import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { eq } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, staffUsers } from '../../src/db/schema';
import { TEST_DATABASE_KINDS } from '../../src/db/testing/open-test-database';
import { AppError } from '../../src/errors';
import { compareWithEarlier } from '../../src/services/records/compare-with-earlier';
import { decryptEvidenceItem } from '../../src/services/records/decrypt-evidence-item';
import { exportEvidencePackage } from '../../src/services/records/export-evidence-package';
import { getSigning } from '../../src/services/records/get-signing';
import { listAuditTrail } from '../../src/services/records/list-audit-trail';
import { searchSignings } from '../../src/services/records/search-signings';
import { verifySigning } from '../../src/services/records/verify-signing';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { createSealedSigning } from './sealed-signing';

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'NO_ERROR';
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
};

describe.each(TEST_DATABASE_KINDS)('records review on %s', (kind) => {
  let t: TestApp;
  let signing: Awaited<ReturnType<typeof createSealedSigning>>;
  let actor: { type: 'staff'; id: string };
  beforeAll(async () => {
    t = await createTestApp(kind);
    signing = await createSealedSigning(t);
    const [records] = await t.app.db.select().from(staffUsers).where(eq(staffUsers.username, 'records'));
    actor = { type: 'staff', id: records!.id };
  }, 120_000);
  afterAll(() => t.cleanup());

  it('finds the signing by name, MRN, exact ID number, form type, role and status; not by a wrong ID number', async () => {
    const hit = (r: { rows: { envelopeId: string }[] }) => r.rows.some((x) => x.envelopeId === signing.envelopeId);
    expect(hit(await searchSignings(t.app, { query: '建国' }))).toBe(true);
    expect(hit(await searchSignings(t.app, { query: 'ZY2026001' }))).toBe(true);
    expect(hit(await searchSignings(t.app, { idNumber: '110105194912310038' }))).toBe(true);
    expect(hit(await searchSignings(t.app, { idNumber: '310104195603082428' }))).toBe(false);
    expect(hit(await searchSignings(t.app, { templateKey: 'surgery-consent', signerRole: 'guardian' }))).toBe(true);
    expect(hit(await searchSignings(t.app, { signerRole: 'witness' }))).toBe(false);
    expect(hit(await searchSignings(t.app, { statuses: ['completed'] }))).toBe(true);
    expect(hit(await searchSignings(t.app, { to: '2000-01-01T00:00:00Z' }))).toBe(false);
    const row = (await searchSignings(t.app, { query: 'ZY2026001' })).rows.find(
      (r) => r.envelopeId === signing.envelopeId,
    );
    expect(row).toMatchObject({ status: 'completed', patient: { mrn: 'ZY2026001' } });
    expect(row!.signers).toEqual([expect.objectContaining({ role: 'guardian', status: 'signed' })]);
  });

  it('pages with a keyset cursor without repeating rows', async () => {
    await createSealedSigning(t);
    const first = await searchSignings(t.app, { limit: 1 });
    expect(first.nextCursor).not.toBeNull();
    const second = await searchSignings(t.app, { limit: 1, cursor: first.nextCursor! });
    expect(second.rows[0]!.envelopeId).not.toBe(first.rows[0]!.envelopeId);
  }, 120_000);

  it('shows the captured ink with metrics, verifies PDF and bundle, and logs the view', async () => {
    const detail = await getSigning(t.app, actor, signing.envelopeId);
    const sig = detail.submissions[0]!.signatures[0]!;
    const expected = signing.body.signatures[0]!.ink.strokes.reduce((n, s) => n + s.samples.length, 0);
    expect(sig.summary.sampleCount).toBe(expected);
    expect(sig.summary.series.t).toHaveLength(expected);
    expect(detail.submissions[0]!.captured.facePhoto).toBe(true);
    const checks = await verifySigning({ ...t.app, trust: await t.app.trust() }, signing.envelopeId);
    expect(checks.documents[0]!.report!.verdict).toBe('VALID');
    expect(checks.documents[0]!.report!.signatures.some((s) => s.level === 'B-LTA')).toBe(true);
    expect(checks.bundles[0]!.valid).toBe(true);
    const views = await t.app.db.select().from(auditLog).where(eq(auditLog.action, 'records.viewed'));
    expect(views.some((v) => v.subjectId === signing.envelopeId && v.actorId === actor.id)).toBe(true);
  }, 60_000);

  it('decrypts the face photo only with a reason, audit-logs who and why, and the chain stays intact', async () => {
    const detail = await getSigning(t.app, actor, signing.envelopeId);
    const bundleId = detail.submissions[0]!.bundleId!;
    const escrowKeyPem = (await t.app.trust()).escrow.keyPem;
    const deps = { ...t.app, escrowKeyPem };
    const opened = await decryptEvidenceItem(deps, actor, {
      envelopeId: signing.envelopeId,
      bundleId,
      itemId: 'face-photo',
      reason: '医疗纠纷 2026-017 调阅',
    });
    expect(opened.mediaType).toBe('image/jpeg');
    expect(Buffer.from(opened.base64, 'base64').subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    const trail = await listAuditTrail(t.app.db, actor, { envelopeId: signing.envelopeId });
    const entry = trail.entries.find((e) => e.id === opened.auditId);
    expect(entry).toMatchObject({ action: 'records.item_decrypted', actorId: actor.id, rowIntact: true });
    expect(entry!.details).toMatchObject({ itemId: 'face-photo', reason: '医疗纠纷 2026-017 调阅' });
    expect(trail.entries.map((e) => e.action)).toEqual(expect.arrayContaining(['envelope.created', 'records.viewed']));
    expect(trail.chain.intact).toBe(true);
    const other = await codeOf(
      decryptEvidenceItem(deps, actor, {
        envelopeId: '00000000-0000-4000-8000-000000000000',
        bundleId,
        itemId: 'face-photo',
        reason: 'wrong envelope',
      }),
    );
    expect(other).toBe('NOT_FOUND');
  }, 60_000);
  it('exports an evidence package whose seal verifies with openssl and whose PDF verifies with pdfsig; audited', async () => {
    const trust = await t.app.trust();
    const pkg = await exportEvidencePackage({ ...t.app, trust }, actor, signing.envelopeId);
    const files = unzipSync(pkg.bytes);
    const names = Object.keys(files);
    expect(names).toEqual(expect.arrayContaining(['README.md', 'certs/root.pem', 'verification-report.json']));
    const dir = mkdtempSync(join(tmpdir(), 'records-pkg-'));
    for (const [name, bytes] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), bytes);
    }
    const bundleName = names.find((n) => n.startsWith('bundles/'))!;
    const bundle = unzipSync(files[bundleName]!);
    writeFileSync(join(dir, 'manifest.json'), bundle['manifest.json']!);
    writeFileSync(join(dir, 'seal.p7s'), bundle['seal/manifest.p7s']!);
    const cms = spawnSync(
      'openssl',
      [
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-in',
        join(dir, 'seal.p7s'),
        '-content',
        join(dir, 'manifest.json'),
        '-CAfile',
        join(dir, 'certs/root.pem'),
        '-purpose',
        'any',
        '-out',
        '/dev/null',
      ],
      { encoding: 'utf8' },
    );
    expect(cms.stderr).toMatch(/Verification successful/);
    const pdfName = names.find((n) => n.startsWith('documents/'))!;
    spawnSync('certutil', ['-N', '-d', `sql:${dir}`, '--empty-password']);
    spawnSync('certutil', ['-A', '-d', `sql:${dir}`, '-n', 'root', '-t', 'CT,C,C', '-i', join(dir, 'certs/root.pem')]);
    const sig = spawnSync('pdfsig', ['-nssdir', `sql:${dir}`, join(dir, pdfName)], { encoding: 'utf8' }).stdout;
    expect(sig).toContain('Signature is Valid');
    expect(new TextDecoder().decode(files['README.md'])).toContain(`pdfsig -nssdir sql:nssdb ${pdfName}`);
    const audit = await t.app.db.select().from(auditLog).where(eq(auditLog.action, 'records.exported'));
    expect(audit.some((a) => a.subjectId === signing.envelopeId && a.details.sha256 === pkg.sha256)).toBe(true);
  }, 60_000);

  it("ranks the same patient's earlier signatures by DTW distance", async () => {
    const later = await createSealedSigning(t);
    const result = await compareWithEarlier(t.app, later.envelopeId);
    const ranking = result.targets[0]!.ranking;
    expect(ranking.length).toBeGreaterThanOrEqual(1);
    expect(ranking.map((r) => r.score)).toEqual([...ranking.map((r) => r.score)].sort((a, b) => a - b));
    expect(ranking.some((r) => r.envelopeId === signing.envelopeId)).toBe(true);
  }, 120_000);
});
