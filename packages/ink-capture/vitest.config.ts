import { defineProject } from 'vitest/config';

// Unit tests only; e2e/*.spec.ts run under Playwright (e2e/playwright.config.ts).
export default defineProject({
  test: {
    name: '@inkproof/ink-capture',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});
