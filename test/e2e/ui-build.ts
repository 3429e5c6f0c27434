import { execFile } from 'node:child_process'
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

/**
 * The built UIs for the browser tests. `npm test` must work from a fresh clone, so the tests
 * run `vite build` themselves when dist/ui is missing or older than the UI sources; a lock
 * directory keeps two test files from building (and emptying dist/ui) at the same time.
 */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const UI_DIR = join(ROOT, 'dist', 'ui')

/** What the build reads: a change in any of these makes dist/ui stale. */
const SOURCES = [
  'kiosk-ui',
  'display-ui',
  'counter-ui',
  'dashboard-ui',
  'hub/ui',
  'ui-common',
  'protocol',
  'vite.config.ts',
  'package-lock.json',
]
/** What the browser tests need from the build. */
const OUTPUTS = [
  'kiosk-ui/index.html',
  'kiosk-ui/status.html',
  'kiosk-ui/book.html',
  'display-ui/index.html',
  'counter-ui/index.html',
  'dashboard-ui/index.html',
]
const LOCK = join(ROOT, 'dist', '.ui-build.lock')
/** A lock older than this was left by a crashed run. */
const STALE_LOCK_MS = 120_000

function newest(path: string): number {
  let stat
  try {
    stat = statSync(path)
  } catch {
    return 0
  }
  if (!stat.isDirectory()) return stat.mtimeMs
  let max = stat.mtimeMs
  // protocol/dist is the @tabour/protocol package's build (scripts/build-packages.mjs), not a source
  for (const entry of readdirSync(path)) if (entry !== 'dist') max = Math.max(max, newest(join(path, entry)))
  return max
}

/** True when every output exists and is newer than every source. */
export function uiBuildIsFresh(): boolean {
  const sources = Math.max(...SOURCES.map((s) => newest(join(ROOT, s))))
  let oldestOutput = Infinity
  for (const out of OUTPUTS) {
    try {
      oldestOutput = Math.min(oldestOutput, statSync(join(UI_DIR, out)).mtimeMs)
    } catch {
      return false
    }
  }
  return oldestOutput > sources
}

function tryLock(): boolean {
  mkdirSync(join(ROOT, 'dist'), { recursive: true })
  try {
    mkdirSync(LOCK)
    return true
  } catch {
    try {
      if (Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true })
    } catch {
      // gone meanwhile
    }
    return false
  }
}

/** Builds the UIs unless dist/ui is up to date; returns the directory to serve them from. */
export async function ensureUiBuilt(): Promise<string> {
  if (uiBuildIsFresh()) return UI_DIR
  const deadline = Date.now() + STALE_LOCK_MS
  while (!tryLock()) {
    if (Date.now() > deadline) throw new Error(`could not take ${LOCK}`)
    await new Promise((r) => setTimeout(r, 200))
  }
  try {
    // another test file may have built it while this one waited for the lock
    if (!uiBuildIsFresh()) {
      await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
        cwd: ROOT,
        // vitest sets NODE_ENV=test, which would make vite bundle lit's development build
        env: { ...process.env, NODE_ENV: 'production' },
        maxBuffer: 16 * 1024 * 1024,
      })
    }
  } finally {
    rmSync(LOCK, { recursive: true, force: true })
  }
  if (!uiBuildIsFresh()) throw new Error('vite build finished but dist/ui is still older than its sources')
  return UI_DIR
}
