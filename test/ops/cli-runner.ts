import { spawn } from 'node:child_process'
import { REPO_ROOT } from '../helpers/child-server.ts'
import { childEnv } from '../helpers/child-env.ts'

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

/** The `tabour` command from the sources (tsx, in-process); the compiled one is test/ops/compiled-server.test.ts's. */
export const TABOUR_BIN = 'server/cli/tabour.mjs'

/**
 * Runs the real `tabour` command as a child process with a clean environment (nothing from
 * the developer's shell leaks in), optionally feeding stdin; resolves when it exits.
 */
export function runTabour(args: string[], options: { env?: Record<string, string>; input?: string } = {}): Promise<CliResult> {
  const env = childEnv({ TABOUR_LOG_LEVEL: 'warn', ...options.env })
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TABOUR_BIN, ...args], { cwd: REPO_ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')))
    child.once('error', reject)
    child.once('close', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(options.input ?? '')
  })
}
