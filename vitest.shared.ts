import { defineProject, type UserWorkspaceConfig } from 'vitest/config';

/**
 * The vitest project config every package shares. Tests run from source: the
 * `@slope/source` export condition resolves sibling packages to `src/index.ts`
 * (TOOLCHAIN.md §4.1, G5), so no build is needed before testing.
 */
export function slopeProject(name: string, extra: UserWorkspaceConfig['test'] = {}) {
  return defineProject({
    resolve: { conditions: ['@slope/source'] },
    ssr: { resolve: { conditions: ['@slope/source'] } },
    test: {
      name,
      environment: 'node',
      include: ['src/**/*.test.ts'],
      // CI runs every package's tests side by side on 2 cores: time limits only catch hangs,
      // never slowness (speed lives in `pnpm bench`).
      testTimeout: 60_000,
      hookTimeout: 120_000,
      ...extra,
    },
  });
}
