/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url'
import { IntlMessageFormat } from 'intl-messageformat'
import ts from 'typescript'
import { defineConfig, type Plugin } from 'vite'
import { configDefaults } from 'vitest/config'
import { FIRST_SCREEN_FONTS, fontPreload } from './scripts/vite-font-preload.ts'
import { firstScreenChunks, notStylesheet } from './scripts/first-screen-chunks.ts'

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
  // the public booking page (issue 19; components in kiosk-ui/booking/), served at <base>/b/ and <base>/b/<code>
  booking: entry('./kiosk-ui/book.html'),
  // joining the line from a phone and the center's poster (issue 19), served at <base>/join/{ar,en,poster}/ by server/routes/join-pages.ts
  join: entry('./kiosk-ui/join/index.html'),
  display: entry('./display-ui/index.html'),
  counter: entry('./counter-ui/index.html'),
  feedback: entry('./counter-ui/feedback/index.html'),
  dashboard: entry('./dashboard-ui/index.html'),
  // the national hub's dashboard (hub/), served by the hub process at /hub/ui/
  hub: entry('./hub/ui/index.html'),
  // the hub's public open-data page (issue 23), served by the hub at /open/ (hub/routes/open-data-routes.ts)
  open: entry('./hub/ui/open.html'),
} as const

/**
 * The long reliability runs (twenty SIGKILLs under load, the soak) are `*.long.test.ts` under
 * test/reliability/: `npm test` leaves them out, `npm run test:reliability` (vitest's
 * `--mode reliability`) runs them alone, and CI runs both.
 */
const LONG_TESTS = 'test/reliability/**/*.long.test.ts'

/**
 * The centers tests start in their own process hash new passwords cheaply (server/auth/passwords.ts:
 * scrypt was minutes of CI's CPU); not in the `serial` step, whose login flood measures real hashing.
 */
const CHEAP_HASHES = 'test/cheap-password-hashes.ts'

/**
 * `npm test` runs in three steps (vitest projects, one command, one coverage report): every test
 * file that neither drives Chromium nor measures time two at a time; then the Chromium files that
 * assert no timing (BROWSER_TESTS) two at a time, each worker with its own Chromium; then
 * TIMING_TESTS one at a time with the machine to themselves. These depend on how fast something
 * happens (calls spoken back to back, a static file while 100 logins hash, a child server ready
 * and exiting within its limits): next to another test file they would measure the neighbour,
 * not the product. How soon a push reaches a screen is a benchmark's figure
 * (bench/call-on-screen.bench.ts), not a test's limit: the e2e files wait for it with a guard
 * against a hang only. A new Chromium file goes in BROWSER_TESTS (test/e2e/ already is) unless
 * what it asserts depends on a duration; then it is named in TIMING_TESTS.
 */
const TIMING_TESTS = [
  // Chromium files whose scenario depends on timing
  'test/e2e/display-voice.test.ts', // three calls within 1 s, the panel at every animation frame
  'test/display-ui/announcer/announcer-browser.test.ts', // each call as long as its clips
  // timing against an unloaded baseline, or child servers with start and exit limits
  'test/reliability/login-flood.test.ts',
  'test/reliability/graceful-shutdown.test.ts',
  'test/reliability/crash-config-audit.test.ts',
  // the reporter must send faster than 25 batches a second for the hub's limit to bite
  'test/hub/rate-limit.test.ts',
]

/** Chromium files that assert no duration: two at a time (see TIMING_TESTS). */
const BROWSER_TESTS = [
  'test/e2e/**/*.test.ts',
  // Chromium outside test/e2e/
  'test/hub/dashboard.test.ts',
  'test/ops/embed-packages.test.ts',
]

/**
 * What coverage measures (`npm run test:coverage`, CI): the source folders, and of the UIs the
 * logic their unit tests load in Node. Code that runs in a child process (the CLI, the kill -9
 * and restart tests) or in Chromium (the e2e tests) is not seen by V8 here and reads as uncovered.
 */
const COVERED_SOURCES = ['server', 'protocol', 'hub', 'drivers', 'ui-common', 'kiosk-ui', 'display-ui', 'counter-ui', 'dashboard-ui'].map(
  (folder) => `${folder}/**/*.ts`,
)

const MESSAGES_DIR = fileURLToPath(new URL('./protocol/messages/', import.meta.url))
/** The modules of protocol/messages/ that are code, not catalogues. */
const NOT_CATALOGUES = new Set(['format.ts', 'digits.ts'])

/**
 * Production builds ship the message catalogue already parsed: every `ar:`/`en:` string in
 * protocol/messages/ becomes its ICU syntax tree, and intl-messageformat's parser gives way to
 * its no-parser twin (about 7 KB gzip off every page). Tests, the server and the printer format
 * the ICU strings as written; the e2e tests run the built pages, so both paths are exercised.
 */
export function precompiledMessages(): Plugin {
  return {
    name: 'tabour:precompiled-messages',
    apply: 'build',
    enforce: 'pre',
    config: () => ({
      resolve: {
        alias: [{ find: /^@formatjs\/icu-messageformat-parser$/, replacement: '@formatjs/icu-messageformat-parser/no-parser.js' }],
      },
    }),
    transform(code, id) {
      const file = id.split('?')[0]
      if (!file.startsWith(MESSAGES_DIR) || NOT_CATALOGUES.has(file.slice(MESSAGES_DIR.length))) return null
      const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true)
      const edits: { start: number; end: number; text: string }[] = []
      const visit = (node: ts.Node): void => {
        if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && (node.name.text === 'ar' || node.name.text === 'en')) {
          const message = constantString(node.initializer)
          if (message === undefined)
            throw new Error(`${file}: the ${node.name.text} message at ${node.getStart(source)} is not a constant string`)
          const tree = new IntlMessageFormat(message, node.name.text).getAst()
          edits.push({ start: node.initializer.getStart(source), end: node.initializer.end, text: JSON.stringify(tree) })
        }
        ts.forEachChild(node, visit)
      }
      visit(source)
      let out = code
      for (const edit of edits.reverse()) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end)
      return { code: out, map: null }
    },
  }
}

/** A string literal, or literals joined with `+`; undefined for anything computed. */
function constantString(node: ts.Expression): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text
  if (ts.isParenthesizedExpression(node)) return constantString(node.expression)
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const [left, right] = [constantString(node.left), constantString(node.right)]
    return left === undefined || right === undefined ? undefined : left + right
  }
  return undefined
}

export default defineConfig(({ mode }) => ({
  root,
  // the kiosk's and the display's faces preloaded, no swap on their first screen (issue 22)
  plugins: [precompiledMessages(), fontPreload({ 'kiosk-ui/index.html': FIRST_SCREEN_FONTS, 'display-ui/index.html': FIRST_SCREEN_FONTS })],
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
      // Code shared by several pages goes into a few chunks, grouped by the pages that use it,
      // small groups merged into a neighbour: left to itself the bundler made a chunk per set of
      // pages, and the kiosk fetched 27 modules before its first screen (issue 22: on a weak
      // kiosk, with HTTP/1.1's six connections, those requests were a good part of its start).
      // Merged, they gave the kiosk code it never ran: the kiosk, the display and the status page
      // first get chunks of exactly what they load (scripts/first-screen-chunks.ts).
      output: {
        codeSplitting: {
          groups: [
            firstScreenChunks({ kiosk: UI_ENTRIES.kiosk, display: UI_ENTRIES.display, status: UI_ENTRIES.status }),
            // script only: a page's stylesheet merged into a shared chunk is loaded by every page of that chunk (notStylesheet)
            { name: 'shared', test: notStylesheet, minShareCount: 2, entriesAware: true, entriesAwareMergeThreshold: 40_000 },
          ],
        },
      },
    },
  },
  test: {
    // points the hub's PostgreSQL tests at the local server test/ensure-system-deps.mjs readied
    globalSetup: ['test/global-setup.ts'],
    environment: 'node',
    // Tests start real servers, child processes and Chromium.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    projects:
      mode === 'reliability'
        ? [
            // the two long runs side by side (the soak about 2.3 minutes in CI, the twenty kills about 1.1):
            // neither asserts a duration (the soak checks memory, fds and dropped sockets, the kills what
            // was acknowledged), each drives its own child server, and one after the other they were
            // 3.4 of CI's 30 minutes
            { extends: true, test: { name: 'reliability', include: [LONG_TESTS], exclude: configDefaults.exclude, maxWorkers: 2 } },
          ]
        : [
            // first, two files at a time: the tests that do not drive Chromium or measure time. Isolate
            // off, as in the steps below: each worker loads the server's modules once instead of once
            // per file (imports summed 245 s → 45 s over the 241 files, about 1.5 minutes of a CI run).
            // Checked 2026-12-05 with the files in vitest's order and shuffled (seeds 4711 and 99): no
            // file trips on module state another left. So keep state in the objects a test builds (as
            // the server does), not in a module's top level, and undo what a file changes globally
            // (fake timers, process.env) in its afterEach/afterAll
            {
              extends: true,
              test: {
                name: 'parallel',
                include: ['test/**/*.test.ts'],
                exclude: [...configDefaults.exclude, LONG_TESTS, ...TIMING_TESTS, ...BROWSER_TESTS],
                maxWorkers: 2,
                isolate: false,
                setupFiles: [CHEAP_HASHES],
                sequence: { groupOrder: 0 },
              },
            },
            // then the Chromium files without a time limit, two at a time; each worker process runs
            // its files with isolate off, so the server's modules are loaded once per worker and
            // test/e2e/browser.ts keeps one Chromium per worker instead of launching one per file
            {
              extends: true,
              test: {
                name: 'browser',
                include: BROWSER_TESTS,
                exclude: [...configDefaults.exclude, ...TIMING_TESTS],
                maxWorkers: 2,
                // a guard against a hang, not a limit these files assert: beside another Chromium a
                // long walk through several screens can pass the default 30 s on a 2-core machine, and
                // CI's machine ran at load 15 (the per-test options in test/e2e say 180 s as well)
                testTimeout: 180_000,
                hookTimeout: 120_000,
                isolate: false,
                setupFiles: [CHEAP_HASHES],
                sequence: { groupOrder: 1 },
              },
            },
            // last, one file at a time, alone on the machine: the timing claims (one process, isolate off, as above)
            { extends: true, test: { name: 'serial', include: TIMING_TESTS, maxWorkers: 1, isolate: false, sequence: { groupOrder: 2 } } },
          ],
    // off unless asked for (`--coverage`); figures are printed, never a threshold that fails a run
    coverage: {
      provider: 'v8',
      include: COVERED_SOURCES,
      exclude: ['**/*.d.ts', 'drivers/serial/serialport-types.ts', 'test/**', 'bench/**'],
      // the summary on the console, the per-file table and a JSON summary in coverage/
      reporter: ['text-summary', ['text', { file: 'coverage.txt' }], 'json-summary'],
      reportOnFailure: true,
    },
  },
}))
