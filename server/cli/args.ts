import { parseArgs, type ParseArgsConfig } from 'node:util'
import { resolve } from 'node:path'
import { loadConfig, type Config } from '../config.ts'

/** A mistake in how the command was called: printed with a hint, exit code 2, never a stack trace. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message)
    this.name = 'UsageError'
  }
}

/** A command failed for a reason the user can act on (exit 1, message only). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message)
    this.name = 'CliError'
  }
}

type Options = NonNullable<ParseArgsConfig['options']>

/** --config and --data-dir, which every command that touches a center takes. */
export const CENTER_OPTIONS = {
  config: { type: 'string', short: 'c' },
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options

export const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const satisfies Options

export const CENTER_HELP = `  -c, --config FILE   the center's JSON config file (default: $TABOUR_CONFIG, else built-in defaults + env)
      --data-dir DIR  use this data dir instead of the config's dataDir
  -h, --help          show this help`

/**
 * util.parseArgs in strict mode, with its errors turned into UsageErrors (exit 2). Node's
 * parser is enough here: a handful of flags per command, no dependency to keep up to date.
 */
export function parse<O extends Options>(command: string, args: string[], options: O, maxPositionals: number) {
  let parsed
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: true })
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/\. To specify a positional argument.*$/s, ''), command)
  }
  if (parsed.positionals.length > maxPositionals) {
    throw new UsageError(`unexpected argument ${JSON.stringify(parsed.positionals[maxPositionals])}`, command)
  }
  return parsed
}

/** The center config for a CLI command: the file from --config (else TABOUR_CONFIG), env, and --data-dir on top. */
export function centerConfig(values: { config?: string; 'data-dir'?: string }): Config {
  const overrides: Record<string, unknown> = {}
  if (values['data-dir'] !== undefined) overrides.dataDir = resolve(values['data-dir'])
  return loadConfig({ ...(values.config !== undefined ? { file: values.config } : {}), overrides })
}

/** Progress on stderr: rewritten in place on a terminal, a line per step otherwise (logs, CI). */
export function progressLine(): { update(text: string): void; done(text?: string): void } {
  const tty = process.stderr.isTTY
  let last = ''
  return {
    update(text) {
      if (text === last) return
      last = text
      process.stderr.write(tty ? `\r\x1b[K${text}` : `${text}\n`)
    },
    done(text) {
      if (tty && last) process.stderr.write('\n')
      if (text) process.stderr.write(`${text}\n`)
    },
  }
}

/** A whole line from stdin (a password piped in, so it never shows in `ps` or the shell history). */
export async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? ''
}
