import { ConfigError } from '../config.ts'
import { DataDirLockedError } from '../ops/data-dir-lock.ts'
import { MigrationError } from '../db/migrate.ts'
import { CliError, UsageError } from './args.ts'
import { TABOUR_VERSION } from '../version.ts'

type Command = (args: string[]) => Promise<number | 'running'>

// each command is loaded only when called: `tabour --help` must not load the whole server
const COMMANDS: Record<string, { load: () => Promise<Command>; summary: string }> = {
  start: { load: async () => (await import('./start.ts')).startCommand, summary: 'run the center server (what the systemd unit runs)' },
  admin: {
    load: async () => (await import('./admin.ts')).adminCommand,
    summary: 'create a staff account or reset a password (create | reset-password)',
  },
  device: {
    load: async () => (await import('./device.ts')).deviceCommand,
    summary: 'list devices, or print a pairing code for one (list | pair <id|name>)',
  },
  backup: {
    load: async () => (await import('./backup.ts')).backupCommand,
    summary: 'online backup of the database, safe while the server runs',
  },
  restore: {
    load: async () => (await import('./backup.ts')).restoreCommand,
    summary: 'replace the database with a backup (server stopped)',
  },
  doctor: {
    load: async () => (await import('./doctor.ts')).doctorCommand,
    summary: 'check config, database, disk, printers, serial ports, clock',
  },
  migrate: { load: async () => (await import('./migrate.ts')).migrateCommand, summary: "bring the database to this version's schema" },
}

export const MAIN_HELP = `Usage: tabour <command> [options]

Runs and looks after a Tabour center server.

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(9)} ${c.summary}`)
  .join('\n')}

Every command takes --config FILE (default: $TABOUR_CONFIG) and --help.
Exit codes: 0 done, 1 failed (the message says why), 2 bad arguments or config.
`

/** Runs one CLI invocation and returns its exit code (or 'running' when the server was started). */
export async function runCli(argv: string[]): Promise<number | 'running'> {
  const [name, ...args] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(MAIN_HELP)
    return name === undefined ? 2 : 0
  }
  if (name === '--version' || name === '-V') {
    console.log(TABOUR_VERSION)
    return 0
  }
  const command = COMMANDS[name]
  if (!command) throw new UsageError(`unknown command ${JSON.stringify(name)}`)
  return (await command.load())(args)
}

/** The message and exit code for an error: what went wrong in one line, never a stack trace. */
export function explain(err: unknown): { message: string; code: number } {
  if (err instanceof UsageError) {
    return { message: `${err.message}\nRun 'tabour ${err.command ? `${err.command} ` : ''}--help' for usage.`, code: 2 }
  }
  if (err instanceof ConfigError) return { message: err.message, code: 2 }
  if (err instanceof CliError) return { message: err.message, code: err.exitCode }
  if (err instanceof DataDirLockedError || err instanceof MigrationError) return { message: err.message, code: 1 }
  const e = err as NodeJS.ErrnoException
  if (e && typeof e.code === 'string' && e.message) return { message: e.message, code: 1 }
  return { message: err instanceof Error ? err.message : String(err), code: 1 }
}

runCli(process.argv.slice(2)).then(
  (code) => {
    // exit now: an idle keep-alive socket or a timer must not keep a finished command waiting
    if (code !== 'running') process.exit(code)
  },
  (err) => {
    const { message, code } = explain(err)
    console.error(`tabour: ${message}`)
    process.exit(code)
  },
)
