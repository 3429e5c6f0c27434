import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

interface LockEntry {
  version?: string
  link?: boolean
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
}

/**
 * Installs npm tarballs into `project` with no network: `npm install --offline` of the tarballs,
 * after their dependencies were put in place from `repo`'s node_modules (hard-linked copies of the
 * folders the repository's lock resolves them to, so native addons come already built and no file
 * of the repository's node_modules is ever written to). npm then finds every dependency
 * satisfied and only unpacks the tarballs. `names` are the tarballs' package names; `env` is added
 * to npm's environment (the tests point npm_config_registry at a closed port).
 */
export async function installTarballsOffline(
  repo: string,
  project: string,
  tarballs: string[],
  names: string[],
  env: Record<string, string> = {},
): Promise<void> {
  const lock = JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> }
  const packages = lock.packages
  const workspace = (name: string) =>
    Object.entries(packages).find(
      ([path, entry]) => !path.startsWith('node_modules/') && path !== '' && (entry as { name?: string }).name === name,
    )
  const topLevel = new Set<string>()
  /** Where node resolves `dep` from the package at `from` (a lock path): its own node_modules, then each parent's. */
  const resolveFrom = (from: string, dep: string): string | undefined => {
    let base = from
    for (;;) {
      const candidate = base ? `${base}/node_modules/${dep}` : `node_modules/${dep}`
      if (packages[candidate]) return candidate
      if (!base) return undefined
      const at = base.lastIndexOf('/node_modules/')
      base = at >= 0 ? base.slice(0, at) : ''
    }
  }
  const seen = new Set<string>()
  const visit = (path: string, entry: LockEntry) => {
    if (seen.has(path)) return
    seen.add(path)
    const deps = { ...entry.dependencies, ...entry.peerDependencies, ...entry.optionalDependencies }
    for (const dep of Object.keys(deps)) {
      const found = resolveFrom(path, dep)
      if (!found) continue // an optional dependency for another platform, or an optional peer
      if (packages[found].link) throw new Error(`${dep} is a workspace: install its tarball too`)
      // nested copies travel inside their top-level folder
      const top = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(found)![1]
      topLevel.add(top)
      visit(found, packages[found])
    }
  }
  for (const name of names) {
    const ws = workspace(name)
    if (!ws) throw new Error(`${name} is not a workspace of ${repo}`)
    visit(ws[0], ws[1])
  }
  // one `cp` per target folder (node_modules/, node_modules/@scope/); hard links: instant, no
  // space, and npm replacing a file never changes the repository's copy
  const byFolder = new Map<string, string[]>()
  for (const name of topLevel) {
    const from = join(repo, 'node_modules', name)
    if (names.includes(name) || !existsSync(from)) continue // a tarball, or listed in the lock for another platform
    const folder = join(project, 'node_modules', name.includes('/') ? name.split('/')[0] : '')
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), from])
  }
  for (const [folder, sources] of byFolder) {
    mkdirSync(folder, { recursive: true })
    // across filesystems (a tmpfs /tmp) there are no hard links: copy instead
    await run('cp', ['-al', ...sources, `${folder}/`]).catch(() => run('cp', ['-a', ...sources, `${folder}/`]))
  }
  // and their commands in node_modules/.bin: npm reinstalls (so downloads) a package whose bin links are missing
  const bins = join(project, 'node_modules', '.bin')
  mkdirSync(bins, { recursive: true })
  for (const bin of readdirSync(join(repo, 'node_modules', '.bin'))) {
    const target = readlinkSync(join(repo, 'node_modules', '.bin', bin))
    const owner = /^\.\.\/((?:@[^/]+\/)?[^/]+)\//.exec(target)?.[1]
    if (owner && topLevel.has(owner) && !names.includes(owner)) symlinkSync(target, join(bins, bin))
  }
  await run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--no-package-lock', '--ignore-scripts', ...tarballs], {
    cwd: project,
    env: { ...process.env, npm_config_loglevel: 'error', ...env },
  })
}
