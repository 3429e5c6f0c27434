/**
 * `npm run hub`: the national hub process (HUB_PORT, default 8090; data in HUB_DATA_DIR or
 * HUB_DATABASE_URL). `npm run hub -- center …` manages the center registry instead (hub/cli.ts).
 */
import closeWithGrace from 'close-with-grace'
import { buildHub } from './app.ts'
import { HubConfigError, loadHubConfig } from './config.ts'
import { openHubStore } from './open-store.ts'
import { hubCli } from './cli.ts'

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  if (args.length > 0) process.exit(await hubCli(args))
  const config = loadHubConfig()
  const store = await openHubStore(config)
  const app = buildHub(config, { store })
  app.addHook('onClose', async () => store.close())
  // SIGTERM/SIGINT finish what is in flight and close the store (exit 0); a second signal or 10 s exits 1; so does an uncaught error, after closing
  closeWithGrace({ delay: 10_000, logger: app.log }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'uncaught error: shutting down')
    else app.log.info({ signal }, 'shutting down')
    await app.close()
  })
  await app.listen({ port: config.port, host: config.host })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  console.log(
    `\n  Tabour national hub on http://${config.host}:${port}/  (${store.dialect}${store.dialect === 'sqlite' ? ` in ${config.dataDir}` : ''})\n`,
  )
}

main().catch((err) => {
  console.error(`tabour hub: ${err instanceof HubConfigError ? err.message : err instanceof Error ? (err.stack ?? err.message) : err}`)
  process.exit(err instanceof HubConfigError ? 2 : 1)
})
