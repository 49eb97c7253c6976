import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: '@inkproof/kiosk',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
  },
});
