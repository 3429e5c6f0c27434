import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { HELP_OPTION, parse, UsageError } from './args.ts'

export const START_HELP = `Usage: tabour start [--config FILE]

Runs the center server in the foreground (what npm start and the systemd unit run): loads the
config, migrates the database, listens, and stops cleanly on SIGTERM/SIGINT. Serves the built
UIs from uiDir (build them once with npm run build).

Options:
  -c, --config FILE   the center's JSON config file (sets TABOUR_CONFIG); env variables still apply
  -h, --help          show this help
`

export async function startCommand(args: string[]): Promise<number | 'running'> {
  const { values } = parse('start', args, { ...HELP_OPTION, config: { type: 'string', short: 'c' } }, 0)
  if (values.help) {
    process.stdout.write(START_HELP)
    return 0
  }
  if (values.config !== undefined) {
    const file = resolve(values.config)
    if (!existsSync(file)) throw new UsageError(`config file ${file} does not exist`, 'start')
    // the documented way to name the file; server/config.ts stays the only reader of the environment
    process.env.TABOUR_CONFIG = file
  }
  await import('../main.ts')
  return 'running'
}
