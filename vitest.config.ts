import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // end-to-end suites spawn the CLI and start moto_server; unit tests finish far below this
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // child processes and servers per file: separate processes keep them apart
    pool: 'forks',
    // the run's own temporary folder, and the checks that nothing is left in it nor running
    globalSetup: ['test/support/global-setup.ts'],
  },
});
