export { insertEnvelopeFixture } from './insert-envelope-fixture';
export {
  openTestDatabase,
  TEST_DATABASE_KINDS,
  TEST_POSTGRES_ADMIN_URL,
  type TestDatabase,
} from './open-test-database';
export { openMigratedPglite } from './pglite-template';
