#!/usr/bin/env node
// `npm run build:server`: compiles the center server, its CLI and the hub to plain JavaScript in
// dist/server/ (next to the UIs in dist/ui/), so production runs them with no TypeScript loader.
// esbuild bundles our code and the pure-JS libraries into a few ESM files; each lazy `import()`
// (a CLI command, a printer, the serial lines) becomes a chunk loaded only when it is needed.
import { chmodSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('../', import.meta.url))

/**
 * Left to node_modules at run time: native addons (their .node files are found next to their
 * JavaScript), libraries that start worker threads or read files beside their own code (pino's
 * transports, pino-roll), and the drivers of devices a center may not have (loaded at first use).
 */
export const EXTERNAL = [
  'better-sqlite3',
  '@napi-rs/canvas',
  'serialport',
  '@serialport/*',
  'node-thermal-printer',
  'pg',
  'pg-native',
  'pino',
  'pino-roll',
  'thread-stream',
  // required synchronously at the first password change (server/auth/password-policy.ts)
  '@zxcvbn-ts/*',
  // optional speed-ups of ws (socket.io), required inside try/catch
  'bufferutil',
  'utf-8-validate',
]

// --outdir DIR: somewhere else than dist/server (the compiled-server test builds its own copy)
const { values } = parseArgs({ options: { outdir: { type: 'string' } } })
const outdir = resolve(root, values.outdir ?? 'dist/server')
rmSync(outdir, { recursive: true, force: true })
const started = performance.now()
const result = await build({
  absWorkingDir: root,
  // printer-worker: the ticket renderer's thread (drivers/printer/job-worker.ts finds it beside tabour.js)
  entryPoints: { tabour: 'server/cli/main.ts', hub: 'hub/main.ts', 'printer-worker': 'drivers/printer/job-worker-entry.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  chunkNames: 'chunks/[name]-[hash]',
  // CommonJS libraries inside an ES module still call require() for Node's built-ins
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __tabourRequire } from 'node:module'; const require = __tabourRequire(import.meta.url);",
  },
  sourcemap: 'linked',
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
})
// the entry points are commands: `tabour` (package.json bin) and the hub
for (const entry of ['tabour.js', 'hub.js']) chmodSync(resolve(outdir, entry), 0o755)
const outputs = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.js'))
const bytes = outputs.reduce((n, [, o]) => n + o.bytes, 0)
console.log(
  `${outdir.slice(root.length)}: ${outputs.length} files, ${(bytes / 2 ** 20).toFixed(1)} MB, in ${Math.round(performance.now() - started)} ms`,
)
