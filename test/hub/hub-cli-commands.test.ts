import { afterEach, describe, expect, it } from 'vitest'
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REPO_ROOT } from '../helpers/child-server.ts'
import { loadHubConfig } from '../../hub/config.ts'
import { openHubStore } from '../../hub/open-store.ts'
import { catalogueCommand } from '../../hub/cli-catalogue.ts'
import { analystCommand } from '../../hub/cli-analyst.ts'
import { centerCommand } from '../../hub/cli-center.ts'
import { hubCli } from '../../hub/cli.ts'
import type { HubStore } from '../../hub/store/store.ts'
import { childEnv } from '../helpers/child-env.ts'

/**
 * `npm run hub -- catalogue list|add|rename` and `analyst add|list|disable`: as child processes
 * on a temp SQLite hub (exit codes, stdout, stderr), then every refusal in-process (fast).
 */

const dirs: string[] = []
const stores: HubStore[] = []
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close()
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'tabour-hub-cli-'))
  dirs.push(d)
  return d
}

/** One `npm run hub -- …` as a child process: its exit code, stdout and stderr. */
function hub(dataDir: string, args: string[], stdin?: string): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', 'hub/main.ts', ...args],
      { cwd: REPO_ROOT, env: childEnv({ HUB_DATA_DIR: dataDir }) },
      (error, out, err) => resolve({ code: error ? Number(error.code) : 0, out, err }),
    )
    child.stdin!.end(stdin ?? '')
  })
}

describe('the hub CLI as a child process', () => {
  it('adds and lists national codes, adds and disables an analyst; refuses with exit 1 or 2 and says why on stderr', {
    timeout: 120_000,
  }, async () => {
    const dataDir = tempDir()
    // the database exists first (as after `npm run hub`), so the commands can run three at a time (six processes: each costs ~1.5 s of CPU)
    await (await openHubStore(loadHubConfig({}, { dataDir }))).close()
    const [added, sara, badCode] = await Promise.all([
      hub(dataDir, ['catalogue', 'add', 'CIV-BIRTH', '--name-ar', 'شهادات الميلاد', '--name-en', 'Birth certificates']),
      hub(
        dataDir,
        ['analyst', 'add', 'sara', '--name', 'Sara Hassan', '--role', 'governorate', '--governorate', 'Cairo', '--password-stdin'],
        'a-long-enough-password\n',
      ),
      hub(dataDir, ['catalogue', 'add', 'civ birth', '--name-ar', 'س', '--name-en', 'x']),
    ])
    expect(added).toMatchObject({ code: 0, err: '' })
    expect(added.out).toContain('added CIV-BIRTH: Birth certificates / شهادات الميلاد')
    expect(sara).toMatchObject({ code: 0, err: '' })
    expect(sara.out).not.toContain('password') // it came from stdin: not printed
    expect(badCode.code).toBe(2)
    expect(badCode.err).toContain('"civ birth" is not a national code')
    const [duplicate, disabled, list] = await Promise.all([
      hub(dataDir, ['catalogue', 'add', 'CIV-BIRTH', '--name-ar', 'س', '--name-en', 'Other']),
      hub(dataDir, ['analyst', 'disable', 'sara']),
      hub(dataDir, ['catalogue', 'list']),
    ])
    expect([duplicate.code, duplicate.out]).toEqual([1, ''])
    expect(duplicate.err).toBe(
      'national code CIV-BIRTH exists (Birth certificates): to change its names, use `catalogue rename CIV-BIRTH`\n',
    )
    expect(disabled).toMatchObject({ code: 0, out: 'analyst sara disabled: their sessions are closed\n' })
    expect(list.code).toBe(0)
    expect(list.out.split('\n')[0]).toBe('CIV-BIRTH\t-\tBirth certificates\tشهادات الميلاد')

    // what the commands wrote is what the hub serves: the password works only while enabled
    const store = await openHubStore(loadHubConfig({}, { dataDir }))
    stores.push(store)
    expect(await store.analysts.signIn('sara', 'a-long-enough-password', Date.now(), 60_000)).toBeNull()
    expect(await store.analysts.list()).toEqual([
      { username: 'sara', displayName: 'Sara Hassan', role: 'governorate', governorate: 'EG-C', active: false },
    ])
  })
})

describe('the CLI commands’ refusals', () => {
  const run = async () => {
    const store = await openHubStore(loadHubConfig({}, { dataDir: tempDir() }))
    stores.push(store)
    const lines = { out: [] as string[], err: [] as string[] }
    const out = { print: (l: string) => lines.out.push(l), fail: (l: string) => lines.err.push(l) }
    return { store, lines, out, dataDir: tempDir() }
  }

  it('center: usage, duplicate, unknown center go to stderr with exit 2 or 1; results to stdout', async () => {
    const { store, lines, out, dataDir } = await run()
    const add = ['add', '--id', 'C-0101', '--name-ar', 'مدينة نصر', '--name-en', 'Nasr City', '--governorate', 'Cairo']
    expect(await centerCommand(store, dataDir, ['add', '--id', 'C-0101'], out)).toBe(2)
    expect(await centerCommand(store, dataDir, [...add, '--kind', 'boat'], out)).toBe(2)
    expect(lines.err.at(-1)).toMatch(/^usage: center add --id ID/)
    // what --governorate takes is in the usage (walk s50: "Giza" worked, nothing said so), and in the refusal
    expect(lines.err.at(-1)).toContain('EG-GZ Giza')
    expect(
      await centerCommand(store, dataDir, ['add', '--id', 'C-0102', '--name-ar', 'م', '--name-en', 'C', '--governorate', 'Gotham'], out),
    ).toBe(2)
    expect(lines.err.at(-1)).toMatch(/^--governorate: Gotham is no governorate of Egypt; use one of EG-MT Matrouh, .*EG-C Cairo, /)
    expect(await centerCommand(store, dataDir, ['activate'], out)).toBe(2)
    expect(lines.err.at(-1)).toBe('usage: center activate <id>')
    expect(await centerCommand(store, dataDir, ['deactivate', 'C-9999'], out)).toBe(1)
    expect(lines.err.at(-1)).toBe('no center C-9999: `center list` shows the centers')
    expect(await centerCommand(store, dataDir, ['fly'], out)).toBe(2)
    expect(lines.out).toEqual([])

    expect(await centerCommand(store, dataDir, add, out)).toBe(0)
    expect(lines.err).toContain('center C-0101 added; its upstream config:')
    expect(JSON.parse(lines.out.join('\n')).upstream).toMatchObject({
      centerId: 'C-0101',
      secret: expect.any(String),
      hubPublicKey: expect.any(String),
    })
    // stdout is the block alone (scripts parse it); what to do with it goes to stderr beside it:
    // the variables (the public key's too), the demo, the wait, the mapping
    expect(lines.out).toHaveLength(1)
    const notes = lines.err.join('\n')
    for (const said of ['TABOUR_UPSTREAM_HUB_PUBLIC_KEY', '"demo": true', 'scanSeconds (60 s', 'Not mapped to a national service'])
      expect(notes).toContain(said)
    const errors = lines.err.length
    expect(await centerCommand(store, dataDir, add, out)).toBe(1)
    expect(lines.err.slice(errors)).toEqual([
      'center C-0101 exists: `center list` shows the centers, `center rotate-secret C-0101` gives it a new secret',
    ])
    expect(await centerCommand(store, dataDir, ['deactivate', 'C-0101'], out)).toBe(0)
    lines.out.length = 0
    expect(await centerCommand(store, dataDir, ['list'], out)).toBe(0)
    expect(lines.out).toEqual(['C-0101\tfixed\tEG-C\t\tNasr City\tمدينة نصر\t\t(inactive)'])
  })

  it("center rename: the name every hub page shows, changed from the command line (it is not the center's own)", async () => {
    const { store, lines, out, dataDir } = await run()
    const add = ['add', '--id', 'C-0101', '--name-ar', 'الدقي', '--name-en', 'Dokki center', '--governorate', 'Giza']
    expect(await centerCommand(store, dataDir, add, out)).toBe(0)
    expect(await centerCommand(store, dataDir, ['rename', 'C-0101'], out)).toBe(2)
    expect(lines.err.at(-1)).toBe('usage: center rename <id> [--name-ar NAME] [--name-en NAME]')
    expect(await centerCommand(store, dataDir, ['rename', 'C-0101', '--name-en', 'x'.repeat(201)], out)).toBe(2)
    expect(await centerCommand(store, dataDir, ['rename', 'C-9', '--name-en', 'X'], out)).toBe(1)
    expect(await centerCommand(store, dataDir, ['rename', 'C-0101', '--name-en', 'Dokki technology center'], out)).toBe(0)
    expect(lines.out.at(-1)).toBe('center C-0101: «الدقي» / "Dokki technology center"')
    expect(await store.getCenter('C-0101')).toMatchObject({ nameAr: 'الدقي', nameEn: 'Dokki technology center', governorate: 'EG-GZ' })
  })

  it('center: the city in each language (--city is the English one, as before), set later with `center city`', async () => {
    const { store, lines, out, dataDir } = await run()
    const add = (id: string, ...city: string[]) =>
      centerCommand(store, dataDir, ['add', '--id', id, '--name-ar', 'مركز', '--name-en', 'Center', '--governorate', 'Cairo', ...city], out)
    expect(await add('C-1', '--city-ar', 'مدينة نصر', '--city-en', 'Nasr City')).toBe(0)
    expect(await add('C-2', '--city', 'Smouha')).toBe(0)
    expect(await add('C-3', '--city', 'Heliopolis', '--city-en', 'Masr El Gedida')).toBe(2)
    expect(lines.err.at(-1)).toMatch(/^--city, --city-en: city \(the English city, as before\) and cityEn differ/)
    expect(await store.getCenter('C-3')).toBeNull()
    expect(await store.getCenter('C-1')).toMatchObject({ cityAr: 'مدينة نصر', cityEn: 'Nasr City' })
    expect(await store.getCenter('C-2')).toMatchObject({ cityAr: '', cityEn: 'Smouha' })

    expect(await centerCommand(store, dataDir, ['city', 'C-2', '--city-ar', 'سموحة'], out)).toBe(0)
    expect(lines.out.at(-1)).toBe('center C-2: city «سموحة» / "Smouha"')
    expect(await centerCommand(store, dataDir, ['city', 'C-2'], out)).toBe(2)
    expect(lines.err.at(-1)).toBe('usage: center city <id> [--city-ar CITY] [--city-en CITY]')
    expect(await centerCommand(store, dataDir, ['city', 'C-9', '--city-ar', 'س'], out)).toBe(1)
    lines.out.length = 0
    expect(await centerCommand(store, dataDir, ['list'], out)).toBe(0)
    expect(lines.out).toEqual(['C-1\tfixed\tEG-C\tNasr City\tCenter\tمركز\tمدينة نصر', 'C-2\tfixed\tEG-C\tSmouha\tCenter\tمركز\tسموحة'])
  })

  it('catalogue: usage, missing names, unknown code, nothing to rename', async () => {
    const { store, lines, out } = await run()
    expect(await catalogueCommand(store, [], out)).toBe(2)
    expect(lines.err[0]).toBe('usage: catalogue list')
    expect(await catalogueCommand(store, ['add', 'PASSPORT', '--name-en', 'Passports'], out)).toBe(2)
    expect(lines.err.at(-1)).toBe('--name-ar: required')
    expect(await catalogueCommand(store, ['rename', 'PASSPORT', '--name-en', 'x'], out)).toBe(1)
    expect(lines.err.at(-1)).toContain('the national catalogue has no code PASSPORT')
    expect(await catalogueCommand(store, ['add', 'PASSPORT', '--name-ar', 'جوازات', '--name-en', 'Passports'], out)).toBe(0)
    expect(await catalogueCommand(store, ['rename', 'PASSPORT'], out)).toBe(2)
    expect(lines.err.at(-1)).toBe('catalogue rename: give at least one of --name-ar, --name-en, --group-ar, --group-en')
    expect(await catalogueCommand(store, ['rename', 'PASSPORT', '--name-en', 'x'.repeat(201)], out)).toBe(2)
    expect(lines.err.at(-1)).toMatch(/^--name-en: /)
    expect((await store.nationalServices.get('PASSPORT'))?.nameEn).toBe('Passports')
    expect(
      await catalogueCommand(
        store,
        ['rename', 'PASSPORT', '--name-en', 'Passports and travel documents', '--group-en', 'Civil registry'],
        out,
      ),
    ).toBe(0)
    lines.out.length = 0
    expect(await catalogueCommand(store, ['list'], out)).toBe(0)
    expect(lines.out[0]).toBe('PASSPORT\tCivil registry\tPassports and travel documents\tجوازات')
  })

  it('analyst: bad username, role, governorate, short password, duplicate; a made-up password is printed once and works', async () => {
    const { store, lines, out } = await run()
    const stdin = (text: string) => async () => text
    const none = stdin('')
    expect(await analystCommand(store, ['add', 'Bad Name', '--name', 'x', '--role', 'national'], out, none)).toBe(2)
    expect(await analystCommand(store, ['add', 'ali', '--name', 'Ali', '--role', 'boss'], out, none)).toBe(2)
    expect(lines.err.at(-1)).toBe('--role: national or governorate')
    expect(await analystCommand(store, ['add', 'ali', '--name', 'Ali', '--role', 'governorate'], out, none)).toBe(2)
    expect(lines.err.at(-1)).toBe('--governorate: a governorate analyst needs their governorate')
    expect(
      await analystCommand(store, ['add', 'ali', '--name', 'Ali', '--role', 'national', '--password-stdin'], out, stdin('short\n')),
    ).toBe(2)
    expect(lines.err.at(-1)).toBe('the password from stdin is shorter than 12 characters')
    expect(await analystCommand(store, ['add', 'ali', '--role', 'national'], out, none)).toBe(2)
    expect(await store.analysts.list()).toEqual([])
    expect(await analystCommand(store, ['add', 'ali', '--name', 'Ali', '--role', 'national'], out, none)).toBe(0)
    const password = lines.out.find((l) => l.startsWith('password (shown once): '))!.slice('password (shown once): '.length)
    expect(await store.analysts.signIn('ali', password, Date.now(), 60_000)).not.toBeNull()
    expect(await analystCommand(store, ['add', 'ali', '--name', 'Ali', '--role', 'national'], out, none)).toBe(1)
    expect(lines.err.at(-1)).toBe('analyst ali exists: `analyst list` shows the accounts')
    // disabling closes the sessions already open
    const session = await store.analysts.signIn('ali', password, Date.now(), 60_000)
    expect(await analystCommand(store, ['disable', 'ali'], out, none)).toBe(0)
    expect(await store.analysts.bySession(session!.token, Date.now())).toBeNull()
    expect(await analystCommand(store, ['enable', 'ali'], out, none)).toBe(0)
    expect(await store.analysts.bySession(session!.token, Date.now())).toBeNull() // closed, not suspended
    expect(await store.analysts.signIn('ali', password, Date.now(), 60_000)).not.toBeNull()
    lines.out.length = 0
    expect(await analystCommand(store, ['list'], out, none)).toBe(0)
    expect(lines.out).toEqual(['ali\tnational\t-\tAli\tactive'])
  })

  it('a listing with nothing in it says so (exit 0): `rejections`, `center list`, `analyst list`, `catalogue list`', async () => {
    const dataDir = tempDir()
    const config = loadHubConfig({}, { dataDir })
    const printed: string[] = []
    const cli = async (...args: string[]) => {
      printed.length = 0
      return [await hubCli(args, (l) => printed.push(l), config), ...printed]
    }
    expect(await cli('rejections')).toEqual([0, 'no refused requests'])
    expect(await cli('center', 'list')).toEqual([0, 'no centers: `center add` registers one'])
    expect(await cli('analyst', 'list')).toEqual([0, 'no analysts: `analyst add` makes an account'])
    expect((await cli('catalogue', 'list')).slice(0, 2)).toEqual([0, expect.stringMatching(/^national services: 0;/)])
    // one refusal: its line alone, no "none" line
    const store = await openHubStore(config)
    await store.countRejection('HUB_ERR_RATE_LIMITED', 'EG-C-01', Date.parse('2026-12-07T04:00:00Z'), 3)
    await store.close()
    expect(await cli('rejections')).toEqual([0, 'HUB_ERR_RATE_LIMITED\tEG-C-01\t3\t2026-12-07T04:00:00.000Z'])
  })
})
