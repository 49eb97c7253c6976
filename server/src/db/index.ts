export { type AppendedAudit, type AuditEntry, appendAudit } from './audit/append-audit';
export { assertAuditDetails } from './audit/assert-audit-details';
export { AUDIT_GENESIS_HASH, AUDIT_HASH_VERSION, computeAuditHash } from './audit/audit-hash';
export { type AuditChainBreak, type AuditChainReport, verifyAuditChain } from './audit/verify-audit-chain';
export {
  type CreateDatabaseOptions,
  createDatabase,
  type Database,
  type PgliteDatabaseHandle,
  type PostgresDatabaseHandle,
  wrapPglite,
} from './create-database';
export { DATA_ERROR_CODES, DATA_ERROR_MESSAGES, DataError, type DataErrorCode, isDataError } from './data-error';
export type { DatabaseKind, Db, Schema, Tx } from './db';
export {
  type CreateLinkTokenInput,
  consumeLinkToken,
  createLinkToken,
  inspectLinkToken,
  type LinkToken,
} from './link-tokens/link-tokens';
export { findMigrationsFolder, type MigrateOptions, migrate } from './migrate';
export { queryRows } from './query-rows';
export * as schema from './schema';
export {
  createDbTreeStore,
  findLeafIndex,
  latestTreeHead,
  type StoredTreeHead,
  saveTreeHead,
} from './tlog/db-tree-store';
