/** What the hub's CLI commands share: flags, exit codes, where errors go. */

/** Exit codes of `npm run hub -- …`: 0 done, 1 refused (exists, not found), 2 a usage or input mistake. */
export const Exit = { ok: 0, refused: 1, usage: 2 } as const

/**
 * Where a command writes: results to `print` (stdout, what a script reads: `center add`'s block
 * parses as JSON after its first line), errors, usage and notes for a person to `fail` (stderr).
 */
export interface CliOutput {
  print: (line: string) => void
  fail: (line: string) => void
}

/** `--name value` and `--name=value` pairs, and the words that are not flags (positional arguments). */
export function parseArgs(args: readonly string[], booleans: readonly string[] = []): { flags: Record<string, string>; words: string[] } {
  const flags: Record<string, string> = {}
  const words: string[] = []
  for (let i = 0; i < args.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(args[i])
    if (!m) words.push(args[i])
    else if (booleans.includes(m[1])) flags[m[1]] = 'true'
    else flags[m[1]] = m[2] ?? args[++i] ?? ''
  }
  return { flags, words }
}

/**
 * A listing: one line per row, or one line saying there are none. An empty list printed nothing,
 * which reads as a command that did not run or a database that was not the one meant (walk s48).
 */
export function printList<T>(out: Pick<CliOutput, 'print'>, rows: readonly T[], line: (row: T) => string, none: string): void {
  if (rows.length === 0) out.print(none)
  for (const row of rows) out.print(line(row))
}
