#!/usr/bin/env node
// `npm run build:packages` (and the end of `npm run build`): builds the npm workspaces of
// docs/packages.md into each package folder's dist/ (git-ignored), ready for `npm pack`:
// - JavaScript: esbuild bundles our code of each package (the relative imports between top-level
//   folders are inlined, so a package never reaches outside its tarball) and leaves every npm
//   package external, listed in that package.json's dependencies (checked below);
//   @tabour/ui is a browser bundle with lit inside, plus its fonts and the center's built pages;
// - types: one tsc run (tsconfig.packages.json) emits declarations into dist/types/, and each
//   package takes the .d.ts files its entries reach, their `.ts` specifiers rewritten to `.js`;
//   a package those declarations import that ships no types of its own (better-sqlite3, pg) needs
//   its @types/ package as a dependency, or a TypeScript host gets `any` or errors (checked below).
// Needs the UI build (dist/ui, `vite build`) for @tabour/ui's pages.
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('../', import.meta.url))
const TYPES = join(root, 'dist', 'types')

/** Every .ts module under `dir` (not .d.ts), as esbuild entry points named by their path without `.ts`. */
function modulesUnder(dir) {
  const entries = {}
  const walk = (sub) => {
    for (const entry of readdirSync(join(root, dir, sub), { withFileTypes: true })) {
      const path = sub ? `${sub}/${entry.name}` : entry.name
      if (entry.isDirectory()) walk(path)
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) entries[path.slice(0, -3)] = `${dir}/${path}`
    }
  }
  walk('')
  return entries
}

/** Packages the printer driver finds with require.resolve (its ticket fonts), which no bundler sees. */
const FONT_FILES = ['@fontsource/cairo', '@fontsource/noto-naskh-arabic']

/**
 * The workspaces: folder, Node entries (name → source), browser entries, bins (output names that
 * get a shebang), `threads`: worker threads' entries (built like the Node entries, no types), and
 * `requires`: packages loaded by name at run time (createRequire, pino's transport target), which
 * the bundler cannot see but the package must still depend on.
 */
const PACKAGES = [
  { dir: 'protocol', node: modulesUnder('protocol') },
  {
    dir: 'drivers',
    node: { 'printer/index': 'drivers/printer/index.ts', 'serial/index': 'drivers/serial/index.ts' },
    requires: FONT_FILES,
  },
  {
    dir: 'server',
    node: { index: 'server/index.ts', tabour: 'server/cli/main.ts' },
    bins: ['tabour'],
    // the ticket renderer's thread: drivers/printer/job-worker.ts looks for it beside the entry, as in dist/server
    threads: { 'printer-worker': 'drivers/printer/job-worker-entry.ts' },
    requires: [...FONT_FILES, '@zxcvbn-ts/core', '@zxcvbn-ts/language-common', 'smpp', 'pino-roll'],
  },
  { dir: 'hub', node: { index: 'hub/index.ts', 'tabour-hub': 'hub/main.ts' }, bins: ['tabour-hub'] },
  { dir: 'ui', node: { paths: 'ui/paths.ts' }, browser: { 'tabour-ui': 'ui/index.ts' } },
]

/** vite's `import css from 'x.css?inline'` (the dashboard's chart styles): the file's text. */
const inlineCss = {
  name: 'inline-css',
  setup(b) {
    b.onResolve({ filter: /\?inline$/ }, async (args) => {
      const found = await b.resolve(args.path.slice(0, -'?inline'.length), { kind: args.kind, resolveDir: args.resolveDir })
      return { path: found.path, namespace: 'inline-css' }
    })
    b.onLoad({ filter: /.*/, namespace: 'inline-css' }, (args) => ({ contents: readFileSync(args.path, 'utf8'), loader: 'text' }))
  },
}

/** The npm package a bare specifier names: '@fastify/static' → itself, 'lit/decorators.js' → 'lit'. */
const packageName = (spec) =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/')

async function buildNode(pkg, outdir) {
  const result = await build({
    absWorkingDir: root,
    entryPoints: { ...pkg.node, ...pkg.threads },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    chunkNames: 'chunks/[name]-[hash]',
    metafile: true,
    logLevel: 'warning',
  })
  for (const bin of pkg.bins ?? []) {
    const file = join(outdir, `${bin}.js`)
    writeFileSync(file, `#!/usr/bin/env node\n${readFileSync(file, 'utf8')}`, { mode: 0o755 })
  }
  const imported = new Set()
  for (const output of Object.values(result.metafile.outputs)) {
    for (const imp of output.imports) if (imp.external && !imp.path.startsWith('node:')) imported.add(packageName(imp.path))
  }
  return imported
}

async function buildBrowser(pkg, outdir) {
  await build({
    absWorkingDir: root,
    entryPoints: pkg.browser,
    outdir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'linked',
    plugins: [inlineCss],
    logLevel: 'warning',
  })
  // the fonts: ui-common/fonts.ts's @fontsource imports as one stylesheet, the font files beside it
  const imports = [...readFileSync(join(root, 'ui-common/fonts.ts'), 'utf8').matchAll(/^import '([^']+\.css)'/gm)].map((m) => m[1])
  await build({
    absWorkingDir: root,
    stdin: { contents: imports.map((i) => `@import '${i}';`).join('\n'), loader: 'css', resolveDir: root, sourcefile: 'fonts.css' },
    outfile: join(outdir, 'fonts.css'),
    bundle: true,
    minify: true,
    loader: { '.woff': 'file', '.woff2': 'file' },
    assetNames: 'fonts/[name]-[hash]',
    logLevel: 'warning',
  })
  const pages = join(root, 'dist', 'ui')
  if (!existsSync(join(pages, 'kiosk-ui', 'index.html'))) throw new Error('dist/ui is missing: run `vite build` first (npm run build does)')
  cpSync(pages, join(outdir, 'pages'), { recursive: true })
}

/**
 * The .d.ts files `entries` reach in dist/types, copied to `outdir` with `.ts` specifiers made
 * `.js`. Returns how many, and the npm packages they import (not `node:` modules: a TypeScript
 * host brings @types/node, as for fastify).
 */
function copyTypes(entries, outdir) {
  const seen = new Set()
  const packages = new Set()
  const queue = entries.map((source) => join(TYPES, source.replace(/\.ts$/, '.d.ts')))
  while (queue.length > 0) {
    const file = queue.pop()
    if (seen.has(file)) continue
    seen.add(file)
    if (!existsSync(file)) throw new Error(`no declarations for ${relative(root, file)}: did tsc emit them?`)
    const text = readFileSync(file, 'utf8')
      // a side-effect import carries no types (ui/index.ts defining the screens): leave the screens' internals out
      .replace(/^import ['"][^'"]+['"];\n/gm, '')
      .replace(/((?:from|import)\s*\(?\s*['"])(\.{1,2}\/[^'"]+?)\.ts(['"])/g, '$1$2.js$3')
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)\.js['"]/g)) {
      queue.push(resolve(dirname(file), `${m[1]}.d.ts`))
    }
    for (const m of text.matchAll(/(?:^(?:import|export)\s[^;]*?\sfrom\s*|\bimport\(\s*)['"]([^.'"][^'"]*)['"]/gm)) {
      if (!m[1].startsWith('node:')) packages.add(packageName(m[1]))
    }
    const target = join(outdir, relative(TYPES, file))
    mkdirSync(dirname(target), { recursive: true })
    writeFileSync(target, text)
  }
  return { files: seen.size, packages }
}

/** Whether an `exports` map names types anywhere (a `types` condition instead of a top-level `types`). */
function hasTypesCondition(exports) {
  if (!exports || typeof exports !== 'object') return false
  return Object.entries(exports).some(([key, value]) => key === 'types' || hasTypesCondition(value))
}

/** Whether the entry's JavaScript has its declarations beside it (kysely: dist/esm/index.js and index.d.ts, no `types` field). */
function hasSiblingDeclarations(dir, json) {
  const dot = typeof json.exports === 'object' && json.exports !== null ? (json.exports['.'] ?? json.exports) : json.exports
  const entry = typeof dot === 'string' ? dot : (dot?.import ?? dot?.default ?? json.module ?? json.main)
  if (typeof entry !== 'string') return false
  const stem = join(dir, entry).replace(/\.(m|c)?js$/, '')
  return ['.d.ts', '.d.mts', '.d.cts'].some((ext) => existsSync(stem + ext))
}

/** Where a TypeScript host finds the types of `name`: the package itself when it ships them, else DefinitelyTyped's @types/ package. */
function typesPackage(name) {
  const dir = join(root, 'node_modules', name)
  const json = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  if (
    json.types ||
    json.typings ||
    hasTypesCondition(json.exports) ||
    hasSiblingDeclarations(dir, json) ||
    existsSync(join(dir, 'index.d.ts'))
  )
    return name
  return `@types/${name.startsWith('@') ? name.slice(1).replace('/', '__') : name}`
}

/**
 * Every npm package a build imports must be a dependency of that package, at the root's range;
 * so must each package its declarations import (`typed`): the package itself when it ships its
 * types, its @types/ package when it does not; and nothing else. A package found in the
 * repository's node_modules only because another one depends on it (serialport's mock binding)
 * may be missing from a host's: its declarations would then fail to type-check there.
 */
function checkDependencies(pkg, imported, typed) {
  const rootJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  const json = JSON.parse(readFileSync(join(root, pkg.dir, 'package.json'), 'utf8'))
  const declared = { ...json.dependencies, ...json.peerDependencies, ...json.optionalDependencies }
  const ranges = { ...rootJson.devDependencies, ...rootJson.dependencies }
  const problems = []
  for (const name of [...imported].sort()) {
    if (!(name in declared)) problems.push(`imports ${name} (${ranges[name] ?? 'not in the root package.json'}) but does not depend on it`)
  }
  const typings = new Set([...typed].map(typesPackage))
  for (const name of [...typings].sort()) {
    if (!(name in declared))
      problems.push(`its declarations need ${name} (${ranges[name] ?? 'not in the root package.json'}) but it does not depend on it`)
  }
  for (const [name, range] of Object.entries(json.dependencies ?? {})) {
    if (!imported.has(name) && !typings.has(name)) problems.push(`depends on ${name}, which neither its build nor its declarations need`)
    else if (ranges[name] !== range) problems.push(`depends on ${name}@${range}, the root on ${ranges[name]}`)
  }
  return problems.map((p) => `${json.name}: ${p}`)
}

const started = performance.now()
// --reuse-types: keep dist/types from the last run (tsc is most of the time; for trying the bundles again)
if (!process.argv.includes('--reuse-types')) {
  rmSync(TYPES, { recursive: true, force: true })
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.packages.json'], {
    cwd: root,
    stdio: 'inherit',
  })
}
const problems = []
for (const pkg of PACKAGES) {
  const outdir = join(root, pkg.dir, 'dist')
  // the folder keeps its mtime: a new dist/ in it is no change of its sources (test/e2e/ui-build.ts rebuilds the UIs when protocol/ changes)
  const folder = statSync(join(root, pkg.dir))
  rmSync(outdir, { recursive: true, force: true })
  const imported = new Set([...(await buildNode(pkg, outdir)), ...(pkg.requires ?? [])])
  if (pkg.browser) await buildBrowser(pkg, outdir)
  const typed = Object.entries({ ...pkg.node, ...pkg.browser }).filter(([name]) => !pkg.bins?.includes(name))
  const types = copyTypes(
    typed.map(([, source]) => source),
    join(outdir, 'types'),
  )
  problems.push(...checkDependencies(pkg, imported, types.packages))
  utimesSync(join(root, pkg.dir), folder.atime, folder.mtime)
  console.log(`${pkg.dir}/dist: built, ${types.files} declaration files`)
}
if (problems.length > 0) {
  console.error(`package.json dependencies do not match the builds:\n  ${problems.join('\n  ')}`)
  process.exit(1)
}
console.log(`packages built in ${Math.round(performance.now() - started)} ms`)
