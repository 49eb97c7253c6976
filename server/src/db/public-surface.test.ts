import { describe, expect, it } from 'vitest';
import * as blobs from '../blobs';
import * as crypto from '../crypto';
import * as jobs from '../jobs';
import * as push from '../push';
import * as db from '.';
import * as testing from './testing';

// The lead and later features import these names; changing them is a breaking change for the whole server.
describe('data layer public surface', () => {
  it('exports exactly these runtime names', () => {
    expect(Object.keys(db).sort()).toEqual([
      'AUDIT_GENESIS_HASH',
      'AUDIT_HASH_VERSION',
      'DATA_ERROR_CODES',
      'DATA_ERROR_MESSAGES',
      'DataError',
      'appendAudit',
      'assertAuditDetails',
      'computeAuditHash',
      'consumeLinkToken',
      'createDatabase',
      'createDbTreeStore',
      'createLinkToken',
      'findLeafIndex',
      'findMigrationsFolder',
      'inspectLinkToken',
      'isDataError',
      'latestTreeHead',
      'migrate',
      'queryRows',
      'saveTreeHead',
      'schema',
      'verifyAuditChain',
      'wrapPglite',
    ]);
    expect(Object.keys(testing).sort()).toEqual([
      'TEST_DATABASE_KINDS',
      'TEST_POSTGRES_ADMIN_URL',
      'insertEnvelopeFixture',
      'openMigratedPglite',
      'openTestDatabase',
    ]);
    expect(Object.keys(blobs).sort()).toEqual(['SHA256_HEX', 'createFsBlobStore', 'storeBlob', 'sweepBlobTemp']);
    expect(Object.keys(crypto).sort()).toEqual([
      'FIELD_CIPHER_FORMAT',
      'FIELD_CONTEXTS',
      'createFieldCipher',
      'parseFieldKeys',
      'randomToken',
      'sha256Hex',
    ]);
    expect(Object.keys(push).sort()).toEqual([
      'PG_PUSH_CHANNEL',
      'PUSH_MAX_PAYLOAD_BYTES',
      'createMemoryPushBus',
      'createPgPushBus',
      'createPushBus',
    ]);
    expect(Object.keys(jobs).sort()).toEqual([
      'claimJob',
      'completeJob',
      'computeBackoff',
      'drainJobs',
      'enqueue',
      'extendLease',
      'failJob',
      'runJob',
      'startWorker',
    ]);
  });

  it('keeps error codes SCREAMING_CASE with bilingual messages', () => {
    for (const code of db.DATA_ERROR_CODES) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(db.DATA_ERROR_MESSAGES[code].zh).toMatch(/[\u4e00-\u9fff]/);
      expect(db.DATA_ERROR_MESSAGES[code].en.length).toBeGreaterThan(0);
    }
    const error = new db.DataError('NOT_FOUND', undefined, { cause: new Error('x') });
    expect(error).toMatchObject({ code: 'NOT_FOUND', name: 'DataError' });
    expect(error.cause).toBeInstanceOf(Error);
  });
});
