/**
 * The environment of a child process a test starts (a center, a hub, the CLI): nothing from the
 * developer's shell (TABOUR_*, HUB_*, PORT, NODE_OPTIONS) leaks in, only what the machine needs to
 * run a program, and the test run's clock. CI may run the tests on a shifted clock (libfaketime, an
 * offset in LD_PRELOAD and FAKETIME*: .ci/run, near Cairo's midnight); a child left on the real
 * clock would be hours away from the test that reads it (a signed batch refused as stale, a
 * deadline already past).
 */
const MACHINE = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'SYSTEMROOT']
const TEST_CLOCK = /^(LD_PRELOAD|FAKETIME\w*)$/

/** The clean environment plus `extra`; a key given `undefined` in `extra` is left out. */
export function childEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && (MACHINE.includes(key) || TEST_CLOCK.test(key))) env[key] = value
  }
  if (env.HOME === undefined) env.HOME = '/tmp'
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key]
    else env[key] = value
  }
  return env
}
