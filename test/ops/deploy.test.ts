import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../helpers/child-server.ts'

const deploy = (path: string) => join(REPO_ROOT, 'deploy', path)
const analyze = ['/usr/bin/systemd-analyze', '/bin/systemd-analyze'].find((p) => existsSync(p))

describe('deploy/', () => {
  it.skipIf(!analyze)(
    'the systemd unit passes systemd-analyze verify against the compiled entry point (paths rewritten to this checkout)',
    () => {
      const unit = readFileSync(deploy('systemd/tabour.service'), 'utf8')
      expect(unit).toMatch(/^User=tabour$/m)
      expect(unit).toMatch(/^Restart=on-failure$/m)
      expect(unit).toMatch(/^StateDirectory=tabour$/m)
      expect(unit).toMatch(/^ProtectSystem=strict$/m)
      expect(unit).toMatch(/^NoNewPrivileges=yes$/m)
      // the compiled CLI (npm run build), run by node alone: no TypeScript loader at run time
      expect(unit).toMatch(
        /^ExecStart=\/usr\/bin\/node \/opt\/tabour\/dist\/server\/tabour\.js start --config \/etc\/tabour\/config\.json$/m,
      )
      expect(unit).not.toMatch(/tsx|--import|--loader/)
      // the same file the package's `tabour` command is (test/ops/compiled-server.test.ts runs this ExecStart)
      const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> }
      expect(`/opt/tabour/${pkg.bin.tabour}`).toBe('/opt/tabour/dist/server/tabour.js')
      // verify wants ExecStart's binary to exist: point it at this node and this checkout
      const dir = mkdtempSync(join(tmpdir(), 'tabour-unit-'))
      try {
        const file = join(dir, 'tabour.service')
        writeFileSync(file, unit.replaceAll('/usr/bin/node', process.execPath).replaceAll('/opt/tabour', REPO_ROOT.replace(/\/$/, '')))
        const res = spawnSync(analyze!, ['verify', file], { encoding: 'utf8' })
        // verify exits 0 on unknown keys and bad values and only prints them: any line about our unit is a failure
        expect(res.status, res.stderr).toBe(0)
        expect(
          res.stderr.split('\n').filter((l) => l.includes('tabour.service')),
          res.stderr,
        ).toEqual([])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  )

  it('the launchers are executable shell scripts that pass sh -n, with the kiosk flags', () => {
    for (const name of ['kiosk/tabour-kiosk.sh', 'kiosk/tabour-display.sh', 'kiosk/tabour-browser.sh']) {
      const file = deploy(name)
      expect(statSync(file).mode & 0o111, `${name} is executable`).not.toBe(0)
      execFileSync('sh', ['-n', file])
    }
    const browser = readFileSync(deploy('kiosk/tabour-browser.sh'), 'utf8')
    for (const flag of [
      '--kiosk',
      '--autoplay-policy=no-user-gesture-required',
      '--disable-translate',
      '--disable-features=Translate',
      '--noerrdialogs',
      '--disable-infobars',
      '--touch-events=enabled',
    ]) {
      expect(browser, flag).toContain(flag)
    }
    expect(browser).toContain('systemd-inhibit')
    expect(browser).toContain('xset s off')
  })

  it('the udev rules give stable /dev/tabour-* names to printers and serial adapters', () => {
    const rules = readFileSync(deploy('udev/99-tabour.rules'), 'utf8')
    const active = rules.split('\n').filter((l) => l.trim() && !l.trimStart().startsWith('#'))
    expect(active.length).toBeGreaterThan(0)
    for (const line of active) {
      // every rule: KEY=="match" pairs, then SYMLINK+="tabour-…"
      expect(line, line).toMatch(/^(\s*[A-Z_]+(\{[^}]+\})?(==|!=|\+=|=|:=)"[^"]*",?)+\s*$/)
      expect(line).toMatch(/SYMLINK\+="tabour-[a-z0-9-]+"/)
    }
    expect(rules).toMatch(/SUBSYSTEM=="usbmisc"/)
    expect(rules).toMatch(/SUBSYSTEM=="tty"/)
  })
})
