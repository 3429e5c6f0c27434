/** `npm start`: the host app on PORT (default 3000), the center's data in TABOUR_DATA_DIR (default ./data). */
import { buildHost } from './host.mjs'

const app = await buildHost({
  logger: { level: process.env.LOG_LEVEL ?? 'info' },
  expose: (tabour) => {
    if (tabour.generatedAdminPassword) console.log(`Tabour admin password (shown once): ${tabour.generatedAdminPassword}`)
    for (const device of tabour.demo?.devices ?? [])
      if (device.pairingCode) console.log(`pair the ${device.kind} "${device.name}": ${device.pairingCode}`)
  },
})
await app.listen({ port: Number(process.env.PORT ?? 3000), host: process.env.HOST ?? '127.0.0.1' })
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => app.close().then(() => process.exit(0)))
