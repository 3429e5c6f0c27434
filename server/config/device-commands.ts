import type { CreateDeviceBody, UpdateDeviceBody } from '../../protocol/requests.ts'
import type { Device } from '../../protocol/entities.ts'
import type { QueueContext, WriteScope } from '../queue/queue-context.ts'
import type { Actor } from '../queue/actor.ts'
import { newDeviceToken, newPairingCode, PAIRING_CODE_TTL_MS } from '../auth/tokens.ts'
import { ErrorCodes, domainError, fieldError } from '../errors.ts'
import { auditChange, fieldChanges } from './config-audit.ts'
import { assertNoReorderingControls } from './public-text-check.ts'
import { validateDeviceConfig, type DeviceConfigContext } from './device-config.ts'
import type { DevicePathRules } from './device-paths.ts'
import type { PairingCodeDigest } from '../auth/pairing-codes.ts'
import { PAIRING_KINDS } from '../../protocol/device-verdict.ts'

/** A device with the one-time code that pairs it (null: a kind that never pairs, PAIRING_KINDS). */
export type DeviceWithCode = Device & { pairingCode: string | null }

/**
 * Devices: created with a one-time pairing code (the kinds that pair), edited, given a new code,
 * revoked, reinstated (the kinds that never pair), paired.
 * Every change but pairing is followed by `device:changed` (serial lines open or close to match);
 * pairing by `device:paired` (the dashboard's devices table says so at once).
 */
export class DeviceCommands {
  private readonly configContext: DeviceConfigContext

  constructor(
    private readonly ctx: QueueContext,
    private readonly codeDigest: PairingCodeDigest,
    devicePaths?: DevicePathRules,
  ) {
    this.configContext = { counterExists: (id) => ctx.counters.get(id) !== undefined, devicePaths }
  }

  /** Every device. */
  list(): Device[] {
    return this.ctx.devices.list()
  }

  /** One device, or DEVICE_NOT_FOUND. */
  get(id: number): Device {
    const device = this.ctx.devices.get(id)
    if (!device) throw domainError(ErrorCodes.DEVICE_NOT_FOUND, `device ${id} does not exist`)
    return device
  }

  create(actor: Actor, body: CreateDeviceBody): DeviceWithCode {
    assertNoReorderingControls(body)
    return this.ctx.write((tx) => {
      validateDeviceConfig(body.kind, body.config ?? {}, this.configContext)
      this.assertZoneSpelling(body.zone)
      const device = this.ctx.devices.insert(
        { kind: body.kind, name: body.name, zone: body.zone ?? null, config: body.config ?? {} },
        tx.now,
      )
      // a printer, board or keypad is opened by the server itself: a code would pair nothing of it
      const pairingCode = PAIRING_KINDS.has(device.kind) ? this.issueCode(tx, device.id) : null
      auditChange(tx, actor, 'device.create', {}, body)
      tx.emit({ type: 'device:changed', deviceId: device.id })
      return { ...device, pairingCode }
    })
  }

  update(actor: Actor, id: number, body: UpdateDeviceBody): Device {
    assertNoReorderingControls(body)
    return this.ctx.write((tx) => {
      const current = this.get(id)
      if (body.config) validateDeviceConfig(current.kind, body.config, this.configContext)
      if (body.zone !== undefined && body.zone !== current.zone) this.assertZoneSpelling(body.zone)
      const updated = this.ctx.devices.update(current.id, {
        name: body.name ?? current.name,
        zone: body.zone === undefined ? current.zone : body.zone,
        config: body.config ?? current.config,
      })
      // what it changed, field by field (each of its settings on its own); a save that changed nothing is not logged
      const changes = fieldChanges(deviceFields(current), deviceFields(updated))
      if (changes.length > 0) auditChange(tx, actor, 'device.update', { id }, body, changes)
      tx.emit({ type: 'device:changed', deviceId: id })
      return updated
    })
  }

  /**
   * Zones match exactly (a TV shows the calls of its zone's counters): a zone a counter spells in
   * other capitals ("Ground" for "ground") is a typo whose TV would list every line and show no
   * call (walk s55), so it is refused. A zone no counter has is accepted: a floor's TV may be set
   * up before its counters, and the dashboard's devices list says that no counter is there.
   */
  private assertZoneSpelling(zone: string | null | undefined): void {
    if (!zone) return
    const counters = this.ctx.counters.zones()
    if (counters.includes(zone)) return
    const other = counters.find((z) => z.toLowerCase() === zone.toLowerCase())
    if (other !== undefined) {
      throw fieldError(
        ErrorCodes.ZONE_SPELLED_OTHERWISE,
        { field: 'zone', reason: 'duplicate' },
        `zone ${zone}: the counters spell it ${other} (zones match exactly)`,
      )
    }
  }

  /**
   * A new one-time code (re-pairing a replaced kiosk); it also lifts a revocation. A printer,
   * board or keypad never pairs: DEVICE_NEVER_PAIRS (a code for one was a promise nothing keeps).
   */
  newPairingCode(actor: Actor, id: number): Device & { pairingCode: string } {
    return this.ctx.write((tx) => {
      const device = this.get(id)
      if (!PAIRING_KINDS.has(device.kind))
        throw domainError(ErrorCodes.DEVICE_NEVER_PAIRS, `a ${device.kind} never pairs: the server opens it itself`)
      const pairingCode = this.issueCode(tx, id)
      auditChange(tx, actor, 'device.pairing-code', { id }, null)
      tx.emit({ type: 'device:changed', deviceId: id })
      return { ...this.get(id), pairingCode }
    })
  }

  /** Revokes the device and every token it had; its sockets end after commit. */
  revoke(actor: Actor, id: number): Device {
    return this.ctx.write((tx) => {
      this.get(id)
      this.ctx.devices.revoke(id, tx.now)
      this.ctx.tokens.revokeSubject('device', id, tx.now)
      auditChange(tx, actor, 'device.revoke', { id }, null)
      tx.emit({ type: 'access:revoked', subject: 'device', id })
      tx.emit({ type: 'device:changed', deviceId: id })
      return this.get(id)
    })
  }

  /**
   * Puts a revoked printer, board or keypad back in use, from its config: having no code, it had
   * no other way back (a new code used to lift its revocation). A kiosk, display or feedback tablet
   * comes back by pairing again (DEVICE_PAIRS_AGAIN): lifting its revocation would bring back no token.
   */
  reinstate(actor: Actor, id: number): Device {
    return this.ctx.write((tx) => {
      const device = this.get(id)
      if (PAIRING_KINDS.has(device.kind))
        throw domainError(ErrorCodes.DEVICE_PAIRS_AGAIN, `a ${device.kind} comes back by pairing again, with a new code`)
      this.ctx.devices.reinstate(id)
      auditChange(tx, actor, 'device.reinstate', { id }, null)
      tx.emit({ type: 'device:changed', deviceId: id })
      return this.get(id)
    })
  }

  /**
   * Trades a pairing code for a device token (a code works once). Pairing again (a replaced
   * kiosk) retires whatever token the device had before. An expired code is used up all the same.
   */
  pair(pairingCode: string): { token: string; device: Device } {
    const paired = this.ctx.write((tx) => {
      const device = this.ctx.devices.consumePairingCode(this.codeDigest.of(pairingCode), tx.now)
      if (!device) return undefined
      const token = newDeviceToken()
      this.ctx.tokens.revokeSubject('device', device.id, tx.now)
      this.ctx.tokens.insert(token, 'device', device.id, tx.now, null)
      auditChange(tx, { type: 'device', id: device.id, kind: device.kind, zone: device.zone }, 'device.pair', {}, { pairingCode: '***' })
      tx.emit({ type: 'device:paired', deviceId: device.id })
      // read again: it is paired now that its token is stored (DevicesRepo PAIRED_NOW_SQL)
      return { token, device: this.get(device.id) }
    })
    if (!paired) throw domainError(ErrorCodes.BAD_PAIRING_CODE, 'unknown, used or expired pairing code')
    return paired
  }

  private issueCode(tx: WriteScope, id: number): string {
    const pairingCode = newPairingCode()
    this.ctx.devices.setPairingCode(id, this.codeDigest.of(pairingCode), tx.now + PAIRING_CODE_TTL_MS)
    return pairingCode
  }
}

/** A device's name, zone and each of its settings (`config.<key>`), for the change log. */
function deviceFields(d: Device): Record<string, unknown> {
  return { name: d.name, zone: d.zone, ...Object.fromEntries(Object.entries(d.config).map(([k, v]) => [`config.${k}`, v])) }
}
