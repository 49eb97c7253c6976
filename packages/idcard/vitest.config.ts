import { defineProject } from 'vitest/config';

// Lets `npm test -w @inkproof/idcard` run from the package directory; the root config picks it up as a project.
// OCR tests share one tesseract reader per file; starting workers dominates, hence the generous hook timeout.
export default defineProject({
  test: {
    name: '@inkproof/idcard',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
