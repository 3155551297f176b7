import { defineConfig } from 'vitest/config';

// Every package and app has its own vitest.config.ts (TOOLCHAIN.md G4); the root only lists them.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'tests/*'],
  },
});
