/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import { configDefaults } from 'vitest/config'

const root = fileURLToPath(new URL('.', import.meta.url))
const entry = (path: string): string => fileURLToPath(new URL(path, import.meta.url))

/**
 * One HTML entry per UI. The build keeps each page's folder, so the output is
 * dist/ui/<name>-ui/index.html plus shared, hashed files in dist/ui/assets/.
 */
const UI_ENTRIES = {
  kiosk: entry('./kiosk-ui/index.html'),
  // the public ticket status page (the QR on a ticket), served at <base>/t/<id> by server/routes/public-pages.ts
  status: entry('./kiosk-ui/status.html'),
  display: entry('./display-ui/index.html'),
  counter: entry('./counter-ui/index.html'),
  dashboard: entry('./dashboard-ui/index.html'),
  // the national hub's dashboard (hub/), served by the hub process at /hub/ui/
  hub: entry('./hub/ui/index.html'),
} as const

/**
 * The long reliability runs (twenty SIGKILLs under load, the soak) are `*.long.test.ts` under
 * test/reliability/: `npm test` leaves them out, `npm run test:reliability` (vitest's
 * `--mode reliability`) runs them alone, and CI runs both.
 */
const LONG_TESTS = 'test/reliability/**/*.long.test.ts'

/**
 * What coverage measures (`npm run test:coverage`, CI): the source folders, and of the UIs the
 * logic their unit tests load in Node. Code that runs in a child process (the CLI, the kill -9
 * and restart tests) or in Chromium (the e2e tests) is not seen by V8 here and reads as uncovered.
 */
const COVERED_SOURCES = ['server', 'protocol', 'hub', 'drivers', 'ui-common', 'kiosk-ui', 'display-ui', 'counter-ui', 'dashboard-ui'].map(
  (folder) => `${folder}/**/*.ts`,
)

export default defineConfig(({ mode }) => ({
  root,
  // Relative asset URLs: dist/ui/kiosk-ui/index.html refers to ../assets/…, which works
  // when the page is served at /kiosk/ and also when the whole server sits under a prefix.
  base: './',
  // Copied as-is to dist/ui/: the display's announcement clips, served at <base>/sounds/…
  // (display-ui/sounds/README.md). The only UI with static files so far, hence its folder.
  publicDir: 'display-ui/public',
  build: {
    outDir: 'dist/ui',
    emptyOutDir: true,
    assetsDir: 'assets',
    rolldownOptions: {
      input: UI_ENTRIES,
    },
  },
  test: {
    include: mode === 'reliability' ? [LONG_TESTS] : ['test/**/*.test.ts'],
    exclude: mode === 'reliability' ? configDefaults.exclude : [...configDefaults.exclude, LONG_TESTS],
    // points the hub's PostgreSQL tests at the local server test/ensure-system-deps.mjs readied
    globalSetup: ['test/global-setup.ts'],
    environment: 'node',
    // Tests start real servers, child processes and Chromium.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // off unless asked for (`--coverage`); figures are printed, never a threshold that fails a run
    coverage: {
      provider: 'v8',
      include: COVERED_SOURCES,
      exclude: ['**/*.d.ts', 'drivers/serial/serialport-types.ts'],
      // the summary on the console, the per-file table and a JSON summary in coverage/
      reporter: ['text-summary', ['text', { file: 'coverage.txt' }], 'json-summary'],
      reportOnFailure: true,
    },
  },
}))
