// `npm test` runs this first. The suite drives programs from Debian: socat (real serial
// pseudo-terminals), chromium (browser e2e), and, for the operations and hub tests, systemd's
// systemd-analyze (the unit in deploy/ is verified) and a PostgreSQL server (the hub's
// national-scale store). On a fresh Debian/Ubuntu box where we are root it installs them and
// readies PostgreSQL, so `npm test` stays the one command a newcomer needs; otherwise it says
// exactly what to install (socat and chromium are required; without the other two those tests
// are skipped, and say so).
import { execSync, spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'

const required = [
  { command: 'socat', pkg: 'socat' },
  { command: 'chromium', pkg: 'chromium' },
]
const optional = [
  { command: 'systemd-analyze', pkg: 'systemd' },
  { command: 'pg_ctlcluster', pkg: 'postgresql' },
]
const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0
const missingOf = (list) => list.filter((n) => !has(n.command)).map((n) => n.pkg)
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
const canInstall = isRoot && has('apt-get')

const missing = [...missingOf(required), ...missingOf(optional)]
if (missing.length > 0) {
  if (canInstall) {
    console.log(`tabour tests: installing ${missing.join(', ')} from Debian (apt-get)…`)
    execSync('apt-get update -qq', { stdio: 'inherit' })
    execSync(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${missing.join(' ')}`, { stdio: 'inherit' })
  } else if (missingOf(required).length > 0) {
    console.error(`tabour tests need: ${missingOf(required).join(', ')}. Install them, e.g.: sudo apt-get install ${missing.join(' ')}`)
    process.exit(1)
  } else {
    console.warn(`tabour tests: without ${missing.join(', ')} some tests are skipped (sudo apt-get install ${missing.join(' ')})`)
  }
}

// A local PostgreSQL with the hub tests' role: test/global-setup.ts finds it and points the
// tests at it. Each test creates and drops its own database.
if (canInstall && has('pg_ctlcluster') && !process.env.TABOUR_TEST_PG_URL) {
  const sh = (cmd) => spawnSync('sh', ['-c', cmd], { encoding: 'utf8' })
  const asPostgres = (sql) => sh(`su postgres -c "psql -tAc \\"${sql}\\""`).stdout.trim()
  const version = readdirSync('/usr/lib/postgresql')
    .sort((a, b) => Number(a) - Number(b))
    .at(-1)
  if (
    !sh(`pg_lsclusters -h`)
      .stdout.split('\n')
      .some((l) => l.startsWith(`${version} main`))
  )
    sh(`pg_createcluster ${version} main`)
  sh(`pg_ctlcluster ${version} main start`)
  // CI's cluster lives as long as its throwaway machine (.ci/run sets TABOUR_TEST_PG_NO_FSYNC=1): no
  // flush to disk per commit or per CREATE/DROP DATABASE (every hub test makes and drops its own).
  // No test stops or kills PostgreSQL itself, so nothing a test reads depends on what reached the disk.
  // Measured in s48 on a loaded box: a database made and dropped 0.68 s → 0.50 s, a commit 4.4 → 1.8 ms;
  // one run of six hub files forced 85 checkpoints. Never on a machine's own cluster, which may hold
  // other data: only when asked. Not asked, they are put back (ALTER SYSTEM outlives the run: a CI run on
  // a machine that is kept, a developer's box, must not leave its cluster without flushes, nor the hub's
  // benchmarks measuring a database that never waits for its disk)
  const noFlushes = ['fsync', 'synchronous_commit', 'full_page_writes']
  if (process.env.TABOUR_TEST_PG_NO_FSYNC === '1') {
    for (const setting of noFlushes) asPostgres(`ALTER SYSTEM SET ${setting} = off`)
    asPostgres('SELECT pg_reload_conf()')
  } else if (
    asPostgres("SELECT count(*) FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes') AND setting = 'off'") !==
    '0'
  ) {
    for (const setting of noFlushes) asPostgres(`ALTER SYSTEM RESET ${setting}`)
    asPostgres('SELECT pg_reload_conf()')
  }
  if (asPostgres("SELECT 1 FROM pg_roles WHERE rolname='tabour_test'") !== '1')
    asPostgres("CREATE ROLE tabour_test LOGIN CREATEDB PASSWORD 'tabour_test'")
  // DROP DATABASE … WITH (FORCE) after a test must also end an autovacuum worker busy in that
  // database (it runs as no role): without this the drop fails now and then
  asPostgres('GRANT pg_signal_backend TO tabour_test')
  if (asPostgres("SELECT 1 FROM pg_database WHERE datname='tabour_test'") !== '1')
    sh('su postgres -c "createdb -O tabour_test tabour_test"')
  // pg_partman (Debian's postgresql-<version>-partman) in a template database: the hub's
  // national-scale tests create a database from it to run with the extension (creating it needs a
  // superuser); every other database stays without, the hub's own monthly partitions
  if (!existsSync(`/usr/share/postgresql/${version}/extension/pg_partman.control`))
    sh(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql-${version}-partman`)
  if (
    existsSync(`/usr/share/postgresql/${version}/extension/pg_partman.control`) &&
    asPostgres("SELECT 1 FROM pg_database WHERE datname='tabour_test_partman'") !== '1'
  ) {
    sh('su postgres -c "createdb -O tabour_test tabour_test_partman"')
    const inTemplate = (sql) => sh(`su postgres -c "psql -d tabour_test_partman -tAc \\"${sql}\\""`)
    inTemplate('CREATE SCHEMA partman AUTHORIZATION tabour_test')
    inTemplate('CREATE EXTENSION pg_partman SCHEMA partman')
    inTemplate('GRANT ALL ON ALL TABLES IN SCHEMA partman TO tabour_test')
    inTemplate('GRANT ALL ON ALL SEQUENCES IN SCHEMA partman TO tabour_test')
    inTemplate('GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA partman TO tabour_test')
    inTemplate('GRANT EXECUTE ON ALL PROCEDURES IN SCHEMA partman TO tabour_test')
    asPostgres("UPDATE pg_database SET datistemplate = true WHERE datname = 'tabour_test_partman'")
  }
}
