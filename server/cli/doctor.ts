import { ConfigError, type Config } from '../config.ts'
import { runDoctor, type Check } from '../ops/doctor.ts'
import { CENTER_HELP, CENTER_OPTIONS, centerConfig, parse, UsageError } from './args.ts'

export const DOCTOR_HELP = `Usage: tabour doctor [options]

Checks that this box can run the center, and says what to fix:
  config      the config file loads and is valid
  storage     data dir writable, free disk space, log folder
  database    integrity_check, schema version, an admin exists
  server      a server holds the data dir and /healthz answers
  backups     backup folder writable, last backup younger than 36 h
  printers    every kiosk printer: TCP printers answer DLE EOT (online, cover, paper);
              device files and serial printers are present and writable
  serial      the serial port of every LED board and keypad exists and is writable
  clock       the clock is set (and NTP synchronized), the center's time zone

✓ ok, ! warning, ✗ failure. Exit code 0 when nothing failed (warnings allowed), 1 otherwise.

Options:
      --json                 the checks as JSON on stdout
      --printer-timeout MS   connect and reply timeout per printer (default 3000)
${CENTER_HELP}
`

const MARK = { ok: '✓', warn: '!', fail: '✗' } as const

export async function doctorCommand(args: string[]): Promise<number> {
  const { values } = parse('doctor', args, { ...CENTER_OPTIONS, json: { type: 'boolean' }, 'printer-timeout': { type: 'string' } }, 0)
  if (values.help) {
    process.stdout.write(DOCTOR_HELP)
    return 0
  }
  const timeout = values['printer-timeout'] === undefined ? 3000 : Number(values['printer-timeout'])
  if (!Number.isInteger(timeout) || timeout < 100 || timeout > 60_000)
    throw new UsageError('--printer-timeout is milliseconds, 100 to 60000', 'doctor')

  let config: Config
  const checks: Check[] = []
  try {
    config = centerConfig(values)
    checks.push({ group: 'config', name: 'config', status: 'ok', detail: `${values.config ?? 'defaults and environment'}: valid` })
    checks.push(...(await runDoctor(config, { printerTimeoutMs: timeout })))
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err
    checks.push({ group: 'config', name: 'config', status: 'fail', detail: err.message })
  }
  const failed = checks.filter((c) => c.status === 'fail').length
  if (values.json) {
    console.log(JSON.stringify({ ok: failed === 0, checks }, null, 2))
    return failed ? 1 : 0
  }
  let group = ''
  for (const c of checks) {
    if (c.group !== group) {
      group = c.group
      console.log(group)
    }
    console.log(`  ${MARK[c.status]} ${c.name.padEnd(18)} ${c.detail}`)
  }
  const warned = checks.filter((c) => c.status === 'warn').length
  console.log(
    `\n${checks.length} checks: ${checks.length - failed - warned} ok, ${warned} warning${warned === 1 ? '' : 's'}, ${failed} failed`,
  )
  return failed ? 1 : 0
}
