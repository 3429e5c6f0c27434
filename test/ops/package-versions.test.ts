import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../helpers/child-server.ts'

const run = promisify(execFile)

interface PackageJson {
  name: string
  version: string
  workspaces?: string[]
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
}
const read = (dir: string): PackageJson => JSON.parse(readFileSync(join(REPO_ROOT, dir, 'package.json'), 'utf8'))
const root = read('.')

/** The npm workspaces of docs/packages.md: one version, the root's ranges, no build tool at run time. */
describe('the @tabour packages', () => {
  it('are the five workspaces, each at the repository version (npm run versions passes)', async () => {
    expect(root.workspaces).toEqual(['protocol', 'drivers', 'server', 'hub', 'ui'])
    for (const dir of root.workspaces!) expect(read(dir), dir).toMatchObject({ name: `@tabour/${dir}`, version: root.version })
    const { stdout } = await run(process.execPath, ['scripts/package-versions.mjs'], { cwd: REPO_ROOT })
    expect(stdout).toContain(`at ${root.version}`)
  })

  it('depend on what the root installs, at the same ranges, and never on a TypeScript loader or bundler', () => {
    const ranges = { ...root.devDependencies, ...root.dependencies }
    for (const dir of root.workspaces!) {
      for (const [name, range] of Object.entries(read(dir).dependencies ?? {})) expect(range, `${dir}: ${name}`).toBe(ranges[name])
    }
    // production (the compiled dist/server, `npm prune --omit=dev` in deploy/INSTALL.md) runs without them
    for (const tool of ['tsx', 'esbuild', 'vite', 'typescript']) {
      expect(root.dependencies, tool).not.toHaveProperty(tool)
      for (const dir of root.workspaces!) expect(read(dir).dependencies ?? {}, `${dir}: ${tool}`).not.toHaveProperty(tool)
    }
  })

  it('`npm run versions -- X` sets every package to X and the check then names none; a lagging package fails the check', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'tabour-versions-'))
    try {
      mkdirSync(join(copy, 'scripts'))
      cpSync(join(REPO_ROOT, 'scripts', 'package-versions.mjs'), join(copy, 'scripts', 'package-versions.mjs'))
      for (const dir of ['.', ...root.workspaces!]) {
        mkdirSync(join(copy, dir), { recursive: true })
        cpSync(join(REPO_ROOT, dir, 'package.json'), join(copy, dir, 'package.json'))
      }
      await run(process.execPath, ['scripts/package-versions.mjs', '9.8.7'], { cwd: copy })
      for (const dir of ['.', ...root.workspaces!])
        expect(JSON.parse(readFileSync(join(copy, dir, 'package.json'), 'utf8')).version).toBe('9.8.7')
      await run(process.execPath, ['scripts/package-versions.mjs'], { cwd: copy })

      const hub = JSON.parse(readFileSync(join(copy, 'hub', 'package.json'), 'utf8'))
      writeFileSync(join(copy, 'hub', 'package.json'), JSON.stringify({ ...hub, version: '9.8.6' }))
      const failed = await run(process.execPath, ['scripts/package-versions.mjs'], { cwd: copy }).then(
        () => null,
        (err: { code: number; stderr: string }) => err,
      )
      expect(failed?.code).toBe(1)
      expect(failed?.stderr).toContain('hub/package.json: @tabour/hub@9.8.6, the repository is at 9.8.7')
    } finally {
      rmSync(copy, { recursive: true, force: true })
    }
  })
})
