import type { Config } from '../config.ts'
import { DevicesRepo } from '../db/repositories/devices-repo.ts'
import { newPairingCode, PAIRING_CODE_TTL_MS } from '../auth/tokens.ts'
import { PairingCodeDigest } from '../auth/pairing-codes.ts'
import type { Device } from '../../protocol/entities.ts'
import { CENTER_HELP, CENTER_OPTIONS, centerConfig, CliError, parse, UsageError } from './args.ts'
import { openCenterDb } from './open-db.ts'
import { centerAddress } from '../center-address.ts'
import { PAIRING_KINDS } from '../../protocol/device-verdict.ts'

export const DEVICE_HELP = `Usage: tabour device list [options]
       tabour device pair <id|name> [options]

  list   the center's devices: id, kind, name, zone, paired or not
  pair   a new one-time pairing code for a kiosk, display or feedback tablet (valid 24 h),
         and the URL that pairs a kiosk or display in one go (a printer, board or keypad
         never pairs: the server opens it itself). The device's current token keeps working until
         the code is used.

Options:
${CENTER_HELP}

Examples:
  tabour device pair 3
  tabour device pair "Kiosk entrance"
`

export async function deviceCommand(args: string[]): Promise<number> {
  const [action, ...rest] = args
  if (action === undefined || action === '--help' || action === '-h' || action === 'help') {
    process.stdout.write(DEVICE_HELP)
    return action === undefined ? 2 : 0
  }
  if (action !== 'pair' && action !== 'list')
    throw new UsageError(`unknown device action ${JSON.stringify(action)} (list or pair)`, 'device')
  const { values, positionals } = parse('device', rest, CENTER_OPTIONS, action === 'pair' ? 1 : 0)
  if (values.help) {
    process.stdout.write(DEVICE_HELP)
    return 0
  }
  if (action === 'pair' && positionals.length === 0)
    throw new UsageError('which device? give its id or name (tabour device list shows them)', 'device')
  const config = centerConfig(values)
  const db = openCenterDb(config)
  try {
    const devices = new DevicesRepo(db)
    const all = devices.list()
    if (action === 'list') {
      if (all.length === 0) console.log('no devices yet: add them in the dashboard (or POST /api/v1/devices)')
      for (const d of all)
        console.log(
          `${String(d.id).padStart(4)}  ${d.kind.padEnd(8)} ${d.name}${d.zone ? ` [${d.zone}]` : ''}  ${d.revoked ? 'revoked' : d.paired ? 'paired' : 'not paired'}`,
        )
      return 0
    }
    const device = findDevice(all, positionals[0]!)
    // the server opens these itself: a code would pair nothing (as POST /devices/:id/pairing-code refuses it)
    if (!PAIRING_KINDS.has(device.kind))
      throw new CliError(`${device.kind} ${device.name} (id ${device.id}) never pairs: the server opens it itself, from its config`)
    const code = newPairingCode()
    const expiresAt = Date.now() + PAIRING_CODE_TTL_MS
    // only the digest is stored: this is the one time the code is shown
    devices.setPairingCode(device.id, PairingCodeDigest.forDataDir(config.dataDir).of(code), expiresAt)
    console.log(`pairing code for ${device.kind} ${device.name} (id ${device.id}): ${code}`)
    console.log(`valid until ${new Date(expiresAt).toISOString()}, once`)
    if (device.kind === 'kiosk' || device.kind === 'display')
      console.log(`open on the device: ${baseUrl(config)}/${device.kind}/?pair=${code}`)
    return 0
  } finally {
    db.close()
  }
}

function findDevice(all: Device[], which: string): Device {
  if (/^\d+$/.test(which)) {
    const byId = all.find((d) => d.id === Number(which))
    if (byId) return byId
  }
  const byName = all.filter((d) => d.name.toLowerCase() === which.toLowerCase())
  if (byName.length === 1) return byName[0]!
  if (byName.length > 1)
    throw new CliError(`${byName.length} devices are named ${JSON.stringify(which)}: use the id (${byName.map((d) => d.id).join(', ')})`)
  throw new CliError(`no device ${JSON.stringify(which)}; tabour device list shows them`)
}

const baseUrl = (config: Config): string => centerAddress(config)
