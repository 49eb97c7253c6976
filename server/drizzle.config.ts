import { defineConfig } from 'drizzle-kit';

// `npx drizzle-kit generate` (from server/) writes the SQL migrations into drizzle/; both drivers run the same files.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: './drizzle',
  strict: true,
  verbose: true,
});
