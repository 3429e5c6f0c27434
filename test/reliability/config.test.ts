import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../server/config.ts'

/** loadConfig: defaults ← JSON file ← environment, validated; every mistake a ConfigError naming the field. */
describe('loadConfig', () => {
  let dir: string
  let n = 0
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tabour-config-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  /** Writes `content` (an object as JSON, or a raw string) to a fresh file and returns its path. */
  const file = (content: unknown) => {
    const path = join(dir, `config-${++n}.json`)
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content))
    return path
  }

  /** The ConfigError thrown by `fn` (fails the test if none, or another error, is thrown). */
  const configError = (fn: () => unknown): ConfigError => {
    try {
      fn()
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError)
      return err as ConfigError
    }
    throw new Error('expected a ConfigError, nothing was thrown')
  }

  it('has a working default for everything when there is no env and no file', () => {
    const config = loadConfig({ env: {} })
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      dataDir: './data',
      demo: false,
      logLevel: 'info',
      timeZone: 'Africa/Cairo',
      uiDir: './dist/ui',
      auth: { userTokenTtlSeconds: 43_200, loginMaxAttempts: 10, loginWindowSeconds: 60 },
      queue: {
        // priority by default: the kiosk promises it (issue 14); fifo is a setting
        policy: 'priority',
        maxPriorityInARow: 3,
        priorityAgingSeconds: 1800,
        transferKeepsIssueTime: true,
        defaultServiceSeconds: 300,
        serviceTimeWindow: 20,
      },
      realtime: { recoveryWindowSeconds: 120 },
    })
    expect(config.adminPassword).toBeUndefined()
    expect(config.centerName.ar).not.toBe('')
    expect(config.centerName.en).not.toBe('')
    expect(config.queue.priorityCategories.map((c) => c.code)).toEqual(['elderly', 'disabled', 'pregnant'])
  })

  it('never reads process.env when an env is given', () => {
    const saved = process.env.PORT
    process.env.PORT = '1234'
    try {
      expect(loadConfig({ env: {} }).port).toBe(8080)
    } finally {
      if (saved === undefined) delete process.env.PORT
      else process.env.PORT = saved
    }
  })

  it('maps each env variable to its key', () => {
    const config = loadConfig({
      env: {
        PORT: '9090',
        HOST: '127.0.0.1',
        TABOUR_DATA_DIR: '/var/lib/tabour',
        TABOUR_ADMIN_PASSWORD: 'a-long-password',
        TABOUR_DEMO: '1',
        TABOUR_LOG_LEVEL: 'warn',
        TABOUR_TIME_ZONE: 'Asia/Riyadh',
        TABOUR_UI_DIR: '/opt/tabour/ui',
        TABOUR_CALL_POLICY: 'sla',
      },
    })
    expect(config).toMatchObject({
      port: 9090,
      host: '127.0.0.1',
      dataDir: '/var/lib/tabour',
      adminPassword: 'a-long-password',
      demo: true,
      logLevel: 'warn',
      timeZone: 'Asia/Riyadh',
      uiDir: '/opt/tabour/ui',
      queue: { policy: 'sla', maxPriorityInARow: 3 },
    })
  })

  it('reads TABOUR_DEMO as a yes/no switch', () => {
    for (const yes of ['1', 'true', 'TRUE', 'yes']) expect(loadConfig({ env: { TABOUR_DEMO: yes } }).demo, yes).toBe(true)
    for (const no of ['0', 'false', 'no']) expect(loadConfig({ env: { TABOUR_DEMO: no } }).demo, no).toBe(false)
    // an empty variable is as good as unset
    expect(loadConfig({ env: { TABOUR_DEMO: '', PORT: '' } })).toMatchObject({ demo: false, port: 8080 })
    // anything else is a mistake, not a silent "no"
    const err = configError(() => loadConfig({ env: { TABOUR_DEMO: 'maybe' } }))
    expect(err.message).toContain('/demo')
    expect(err.message).toContain('maybe')
  })

  it('takes the file named by TABOUR_CONFIG, or by the file option', () => {
    const path = file({ port: 7000, centerName: { ar: 'مركز الاختبار', en: 'Test Center' } })
    expect(loadConfig({ env: { TABOUR_CONFIG: path } })).toMatchObject({
      port: 7000,
      centerName: { ar: 'مركز الاختبار', en: 'Test Center' },
    })
    expect(loadConfig({ env: {}, file: path }).port).toBe(7000)
    // the option wins over the variable
    expect(loadConfig({ env: { TABOUR_CONFIG: file({ port: 1 }) }, file: path }).port).toBe(7000)
  })

  it('lets the env win over the file, key by key, keeping the rest of the file', () => {
    const path = file({
      port: 7000,
      host: '10.0.0.5',
      logLevel: 'debug',
      queue: { policy: 'priority', maxPriorityInARow: 5 },
      auth: { loginMaxAttempts: 3 },
    })
    const config = loadConfig({ env: { PORT: '9000', TABOUR_CALL_POLICY: 'sla' }, file: path })
    expect(config).toMatchObject({
      port: 9000,
      host: '10.0.0.5',
      logLevel: 'debug',
      queue: { policy: 'sla', maxPriorityInARow: 5, priorityAgingSeconds: 1800 },
      auth: { loginMaxAttempts: 3, loginWindowSeconds: 60 },
    })
  })

  it('rejects an unknown key, naming it, at the top level and inside a section', () => {
    const top = configError(() => loadConfig({ env: {}, file: file({ prot: 8080 }) }))
    expect(top.message).toContain('/prot')
    // a typo inside a section must not be silently ignored either (the center would run on the default)
    const nested = configError(() => loadConfig({ env: {}, file: file({ queue: { polcy: 'priority' } }) }))
    expect(nested.message).toContain('/queue/polcy')
    expect(configError(() => loadConfig({ env: {}, file: file({ auth: { userTokenTTL: 60 } }) })).message).toContain('/auth/userTokenTTL')
    expect(configError(() => loadConfig({ env: {}, file: file({ realtime: { recovery: 60 } }) })).message).toContain('/realtime/recovery')
  })

  it('names the field and the value of a wrong type or range', () => {
    const port = configError(() => loadConfig({ env: { PORT: 'notaport' } }))
    expect(port.message).toMatch(/\/port\b/)
    expect(port.message).toContain('notaport')
    expect(configError(() => loadConfig({ env: { PORT: '70000' } })).message).toMatch(/\/port\b.*70000/)
    expect(configError(() => loadConfig({ env: {}, file: file({ queue: { policy: 'lottery' } }) })).message).toMatch(
      /\/queue\/policy\b.*lottery/,
    )
    expect(configError(() => loadConfig({ env: { TABOUR_LOG_LEVEL: 'loud' } })).message).toContain('/logLevel')
    expect(configError(() => loadConfig({ env: {}, file: file({ adminPassword: 'short' }) })).message).toContain('/adminPassword')
    expect(configError(() => loadConfig({ env: {}, file: file({ auth: { loginMaxAttempts: 0 } }) })).message).toContain(
      '/auth/loginMaxAttempts',
    )
  })

  it('names an invalid time zone', () => {
    const err = configError(() => loadConfig({ env: { TABOUR_TIME_ZONE: 'Mars/Olympus_Mons' } }))
    expect(err.message).toContain('/timeZone')
    expect(err.message).toContain('Mars/Olympus_Mons')
    expect(loadConfig({ env: { TABOUR_TIME_ZONE: 'Europe/Berlin' } }).timeZone).toBe('Europe/Berlin')
  })

  it('refuses priority categories that reuse a code or take the reserved "none"', () => {
    const cat = (code: string) => ({ code, nameAr: 'فئة', nameEn: 'Category' })
    expect(configError(() => loadConfig({ env: {}, file: file({ queue: { priorityCategories: [cat('none')] } }) })).message).toContain(
      '/queue/priorityCategories',
    )
    expect(
      configError(() => loadConfig({ env: {}, file: file({ queue: { priorityCategories: [cat('vip'), cat('vip')] } }) })).message,
    ).toContain('/queue/priorityCategories')
    expect(loadConfig({ env: {}, file: file({ queue: { priorityCategories: [cat('vip')] } }) }).queue.priorityCategories).toEqual([
      cat('vip'),
    ])
  })

  it('gives a clear ConfigError for a file that is not JSON, not an object, or not there', () => {
    const notJson = file('{ "port": 8080, ')
    const err = configError(() => loadConfig({ env: {}, file: notJson }))
    expect(err.message).toContain(notJson)
    expect(err.message).toMatch(/not valid JSON/)

    expect(configError(() => loadConfig({ env: {}, file: file('[1, 2]') })).message).toMatch(/must hold a JSON object/)
    expect(configError(() => loadConfig({ env: {}, file: file('null') })).message).toMatch(/must hold a JSON object/)
    const missing = join(dir, 'missing.json')
    const gone = configError(() => loadConfig({ env: { TABOUR_CONFIG: missing } }))
    expect(gone.message).toContain(missing)
    expect(gone.message).toMatch(/cannot be read/)
  })
})
