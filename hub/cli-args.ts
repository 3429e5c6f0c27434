/** What the hub's CLI commands share: flags, exit codes, where errors go. */

/** Exit codes of `npm run hub -- …`: 0 done, 1 refused (exists, not found), 2 a usage or input mistake. */
export const Exit = { ok: 0, refused: 1, usage: 2 } as const

/** Where a command writes: results to `print` (stdout), errors and usage to `fail` (stderr). */
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
