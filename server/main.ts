import type { Server } from 'node:http'
import closeWithGrace from 'close-with-grace'
import { buildApp, databaseFile } from './app.ts'
import { ConfigError, loadConfig, type Config } from './config.ts'
import type { Tabour } from './app.ts'
import { acquireDataDirLock, DataDirLockedError, type DataDirLock } from './ops/data-dir-lock.ts'
import { loggerOptions } from './ops/logging.ts'
import { startHttpRedirect, tlsOn } from './ops/tls.ts'
import { centerAddress } from './center-address.ts'

/** How long a graceful shutdown may take before the process exits anyway: a stuck client must not keep a center from restarting. */
const SHUTDOWN_GRACE_MS = 10_000

/**
 * The center server's entry point: load the config, listen, print where everything is, and on
 * SIGTERM/SIGINT stop taking requests, finish those in flight, close sockets and the database
 * (exit 0); a second signal, or SHUTDOWN_GRACE_MS without finishing, exits 1 at once.
 */
async function main(): Promise<void> {
  let config: Config
  try {
    config = loadConfig()
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`tabour: ${err.message}`)
      process.exit(2)
    }
    throw err
  }

  // one server per data dir: restore and migrate check this lock before touching the file
  let lock: DataDirLock
  try {
    lock = acquireDataDirLock(config.dataDir, 'server')
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(`tabour: ${err.message}`)
      process.exit(1)
    }
    throw err
  }
  process.on('exit', () => lock.release())

  const app = buildApp(config, {}, { logger: loggerOptions(config) })
  let redirect: Server | undefined
  // an uncaught error closes the same way, then exits 1
  closeWithGrace({ delay: SHUTDOWN_GRACE_MS, logger: app.log }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'uncaught error: shutting down')
    else app.log.info({ signal }, 'shutting down: finishing in-flight requests')
    redirect?.close()
    await app.close()
  })

  await app.listen({ port: config.port, host: config.host })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  if (tlsOn(config)) {
    // a renewed certificate is taken without a restart: on file change by itself, or now on SIGHUP
    process.on('SIGHUP', () => app.reloadTls?.())
    if (config.tls.redirectHttpPort !== undefined) {
      redirect = await startHttpRedirect(config.tls.redirectHttpPort, config.host, port)
    }
  }
  lock.update({ port })
  console.log(banner(app.tabour, port, config))
}

function banner(tabour: Tabour, port: number, config: Config): string {
  // the address the center itself is configured with (publicUrl aside: kiosks may reach it by another name)
  const base = centerAddress({ ...config, publicUrl: undefined }, { port })
  const lines = [
    '',
    `  طابور Tabour — ${config.centerName.ar} / ${config.centerName.en}`,
    `  listening on ${base}   (database: ${databaseFile(config)})`,
    '',
    `  kiosk      ${base}/kiosk/`,
    `  display    ${base}/display/`,
    `  counter    ${base}/counter/`,
    `  dashboard  ${base}/dashboard/`,
    `  API        ${base}/api/v1/openapi.json   health: ${base}/healthz`,
  ]
  if (tabour.upstream)
    lines.push(`  upstream   ${config.upstream.url} as ${config.upstream.centerId} (${tabour.upstream.outbox.pending()} batches waiting)`)
  if (tabour.generatedAdminPassword) {
    lines.push('', `  admin password (shown once, change it): admin / ${tabour.generatedAdminPassword}`)
  }
  if (tabour.demo?.created) {
    lines.push('', '  demo center seeded; staff logins:')
    for (const u of tabour.demo.users) lines.push(`    ${u.role.padEnd(8)} ${u.username} / ${u.password}`)
    const codes = tabour.demo.devices.filter((d) => d.pairingCode)
    if (codes.length) {
      // shown this once: only their digests are stored
      lines.push('  device pairing codes (one use each, shown only now; the kiosk/display asks for it):')
      for (const d of codes) {
        const page = d.kind === 'kiosk' ? 'kiosk' : 'display'
        lines.push(
          `    ${d.kind.padEnd(8)} ${d.name}${d.zone ? ` [${d.zone}]` : ''}: ${d.pairingCode}   ${base}/${page}/?pair=${d.pairingCode}`,
        )
      }
    }
  } else if (tabour.demo) {
    lines.push('', '  demo: this center is not empty, nothing was seeded (demo staff, if any, use the password tabour-demo)')
  }
  const unpaired = tabour.demo?.devices.filter((d) => !d.pairingCode) ?? []
  if (unpaired.length) {
    lines.push('  devices waiting to pair (a new code: tabour device pair <id>):')
    for (const d of unpaired) lines.push(`    ${String(d.id).padStart(4)} ${d.kind.padEnd(8)} ${d.name}`)
  }
  return `${lines.join('\n')}\n`
}

main().catch((err) => {
  console.error('tabour: failed to start:', err instanceof Error ? err.message : err)
  process.exit(1)
})
