import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter } from '../../helpers/test-center.ts'
import { encodeFrame, encodeKeyPress, FrameDecoder, type Frame } from '../../../drivers/serial/index.ts'
import type { SerialStatusReport } from '../../../protocol/device-config.ts'
import { RIGS, until, type SerialRig } from '../../drivers/serial/serial-rig.ts'

const BOARD_1 = 0x01
const BOARD_2 = 0x02
const KEYPAD = 0x10

/** Every good frame the server wrote, in order. */
function framesIn(bytes: Buffer): Frame[] {
  return new FrameDecoder().push(bytes).flatMap((r) => (r.ok ? [r.frame] : []))
}

describe.each(RIGS)('LED boards and keypads on a serial line (%s)', (_kind, makeRig) => {
  const cleanups: (() => Promise<unknown>)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  /** A center with counters 1 and 2, board 01 over counter 1, board 02 over counter 2 and keypad 10 at counter 1, all on one line. */
  async function setUp() {
    const rig: SerialRig = await makeRig()
    cleanups.push(() => rig.close())
    const center = await TestCenter.start({ deps: { serialBinding: rig.binding, serialBackoffMs: { min: 20, max: 200 } } })
    cleanups.push(() => center.close())
    const statuses: { deviceId: number; serial: SerialStatusReport }[] = []
    center.app.tabour.queue.events.on((e) => {
      if (e.type === 'device:status') statuses.push({ deviceId: e.deviceId, serial: e.status.serial as SerialStatusReport })
    })
    const service = await center.createService({ prefix: 'A' })
    const c1 = await center.createCounter({ number: 1, serviceIds: [service.id] })
    const c2 = await center.createCounter({ number: 2, serviceIds: [service.id] })
    const device = async (kind: 'board' | 'keypad', address: number, counterId: number) => {
      const res = await center.request('POST', '/api/v1/devices', {
        token: await center.admin(),
        body: { kind, name: `${kind} ${address}`, config: { path: rig.path, address, counterId } },
      })
      expect(res.statusCode, res.body).toBe(201)
      return res.json().id as number
    }
    const board1 = await device('board', BOARD_1, c1.id)
    const board2 = await device('board', BOARD_2, c2.id)
    const keypad = await device('keypad', KEYPAD, c1.id)
    expect(center.app.tabour.serialDevices.paths).toEqual([rig.path])
    await until(() => statuses.some((s) => s.deviceId === keypad && s.serial.open), 'the line open')
    // each board was painted with its counter's state (closed: blank) when it was attached or the line opened
    await until(() => framesIn(rig.received()).filter((f) => f.command === 'X').length >= 2, 'boards blanked')
    const frames = (address: number) => framesIn(rig.received()).filter((f) => f.address === address)
    const press = async (key: 'N' | 'R' | 'S' | 'F' | 'X', seq: string) => {
      const before = frames(KEYPAD).length
      await rig.send(encodeKeyPress(KEYPAD, key, seq))
      await until(() => frames(KEYPAD).length > before, `an answer to ${key}${seq}`)
      return frames(KEYPAD).at(-1)!
    }
    return { rig, center, statuses, service, c1, c2, board1, board2, keypad, frames, press }
  }

  it('a call puts the label on the board over that counter, flashing, with the exact frame bytes; finish, pause and close follow', async () => {
    const { rig, center, service, c1, c2, frames } = await setUp()
    const clerk = await center.openCounterAs('clerk1', c1.id)
    const kiosk = await center.createDevice('kiosk')
    await center.issue(kiosk.token, { serviceId: service.id })
    const before2 = frames(BOARD_2).length
    expect((await center.action(clerk, c1.id, 'call-next')).json().ticket.label).toBe('A-001')
    // STX "01" "F" "A-001" ETX, then XOR of "01FA-001"+ETX = 0x19 as "19"
    const expected = Buffer.from('\x0201FA-001\x0319', 'latin1')
    await until(() => rig.received().includes(expected), 'the call frame')
    expect(frames(BOARD_2).length).toBe(before2)

    await center.action(clerk, c1.id, 'recall')
    await until(() => frames(BOARD_1).filter((f) => f.command === 'F' && f.payload === 'A-001').length === 2, 'the recall flashes again')
    await center.action(clerk, c1.id, 'start')
    await center.action(clerk, c1.id, 'finish')
    await until(() => frames(BOARD_1).at(-1)?.command === 'X', 'blank after finish')
    await center.issue(kiosk.token, { serviceId: service.id })
    await center.action(clerk, c1.id, 'call-next')
    await until(() => frames(BOARD_1).at(-1)?.payload === 'A-002', 'the next call')
    expect((await center.action(clerk, c1.id, 'transfer', { counterId: c2.id })).statusCode).toBe(200)
    await until(() => frames(BOARD_1).at(-1)?.command === 'X', 'blank after a transfer')
    await center.action(clerk, c1.id, 'pause')
    await until(() => frames(BOARD_1).at(-1)?.payload === '--', 'dashes while paused')
    expect(frames(BOARD_1).at(-1)?.command).toBe('D')
    await center.action(clerk, c1.id, 'open')
    await center.action(clerk, c1.id, 'close')
    await until(() => frames(BOARD_1).at(-1)?.command === 'X', 'blank when closed')
    expect(frames(BOARD_2).length).toBe(before2)
  })

  it('a keypad press calls the next ticket for its counter as the clerk holding it; a resent press is answered without acting twice', async () => {
    const { center, service, c1, frames, press, statuses, keypad } = await setUp()
    const clerk = await center.openCounterAs('clerk1', c1.id)
    const kiosk = await center.createDevice('kiosk')
    const first = await center.issue(kiosk.token, { serviceId: service.id })
    const second = await center.issue(kiosk.token, { serviceId: service.id })

    expect(await press('N', '1')).toEqual({ address: KEYPAD, command: 'A', payload: '1A-001' })
    await until(() => frames(BOARD_1).some((f) => f.command === 'F' && f.payload === 'A-001'), 'the board shows the call')
    const counter = (await center.request('GET', `/api/v1/counters/${c1.id}`, { token: clerk })).json()
    expect(counter.currentTicketId).toBe(first.id)
    expect(counter.clerk.username).toBe('clerk1')

    // the answer was lost, the keypad sends the same press again: same answer, A-002 still waits
    expect(await press('N', '1')).toEqual({ address: KEYPAD, command: 'A', payload: '1A-001' })
    expect((await center.request('GET', `/api/v1/tickets/${second.id}`)).json().status).toBe('waiting')

    expect(await press('R', '2')).toEqual({ address: KEYPAD, command: 'A', payload: '2A-001' })
    // finish before start: the domain's lifecycle refuses it, exactly as for the console
    expect(await press('F', '3')).toEqual({ address: KEYPAD, command: 'N', payload: '3T' })
    expect(await press('S', '4')).toEqual({ address: KEYPAD, command: 'A', payload: '4A-001' })
    expect(await press('F', '5')).toEqual({ address: KEYPAD, command: 'A', payload: '5' })
    expect((await center.request('GET', `/api/v1/tickets/${first.id}`)).json().status).toBe('done')
    expect(await press('X', '6')).toEqual({ address: KEYPAD, command: 'N', payload: '6I' })
    expect(await press('N', '7')).toEqual({ address: KEYPAD, command: 'A', payload: '7A-002' })
    expect(await press('X', '8')).toEqual({ address: KEYPAD, command: 'A', payload: '8' })
    // nobody left: an ACK with no label
    expect(await press('N', '9')).toEqual({ address: KEYPAD, command: 'A', payload: '9' })
    expect(statuses.filter((s) => s.deviceId === keypad).at(-1)?.serial.lastKey).toMatchObject({ key: 'N', ok: true })
  })

  it('a press on a closed counter is refused and answered (NAK C), and so is an unknown key (NAK U); nothing crashes', async () => {
    const { rig, center, service, frames, press, statuses, keypad } = await setUp()
    const kiosk = await center.createDevice('kiosk')
    const ticket = await center.issue(kiosk.token, { serviceId: service.id })
    expect(await press('N', '1')).toEqual({ address: KEYPAD, command: 'N', payload: '1C' })
    expect((await center.request('GET', `/api/v1/tickets/${ticket.id}`)).json().status).toBe('waiting')
    expect(statuses.filter((s) => s.deviceId === keypad).at(-1)?.serial.lastKey).toMatchObject({
      key: 'N',
      ok: false,
      reason: expect.stringMatching(/not open/),
    })
    await rig.send(encodeFrame({ address: KEYPAD, command: 'K', payload: 'Q2' }))
    await until(() => frames(KEYPAD).at(-1)?.payload === '2U', 'NAK U')
    // a press for another address on the bus is not ours to answer
    const answers = frames(KEYPAD).length
    await rig.send(encodeKeyPress(0x33, 'N', '3'))
    expect(await press('N', '4')).toEqual({ address: KEYPAD, command: 'N', payload: '4C' })
    expect(frames(KEYPAD).length).toBe(answers + 1)
    expect(framesIn(rig.received()).some((f) => f.address === 0x33)).toBe(false)
  })

  it('garbage, split and corrupted frames are dropped and counted; the next good press still works', async () => {
    const { rig, center, service, c1, frames, statuses, keypad } = await setUp()
    await center.openCounterAs('clerk1', c1.id)
    const kiosk = await center.createDevice('kiosk')
    await center.issue(kiosk.token, { serviceId: service.id })
    const corrupt = encodeKeyPress(KEYPAD, 'N', '1')
    corrupt[corrupt.length - 1] ^= 0x01
    await rig.send(Buffer.concat([Buffer.from('\xff\xff\x00line noise', 'latin1'), corrupt, Buffer.from('\x0210KN', 'latin1')]))
    await until(() => (statuses.filter((s) => s.deviceId === keypad).at(-1)?.serial.badFrames ?? 0) >= 2, 'bad frames reported')
    expect(frames(KEYPAD)).toHaveLength(0)
    // a press split across two writes, the first after a truncated frame
    const good = encodeKeyPress(KEYPAD, 'N', '2')
    await rig.send(good.subarray(0, 3))
    await rig.send(good.subarray(3))
    await until(() => frames(KEYPAD).length === 1, 'the answer')
    expect(frames(KEYPAD)[0]).toEqual({ address: KEYPAD, command: 'A', payload: '2A-001' })
  })

  it('unplug: every device on the line reports it; replug on the same path: boards are repainted and keypads work again', async () => {
    const { rig, center, service, c1, board1, board2, keypad, frames, press, statuses } = await setUp()
    const clerk = await center.openCounterAs('clerk1', c1.id)
    const kiosk = await center.createDevice('kiosk')
    await center.issue(kiosk.token, { serviceId: service.id })
    await center.issue(kiosk.token, { serviceId: service.id })
    await rig.unplug()
    const down = (id: number) => statuses.some((s) => s.deviceId === id && !s.serial.open && s.serial.lastError)
    await until(() => down(board1) && down(board2) && down(keypad), 'all three report the line down')
    // the queue goes on without the board
    expect((await center.action(clerk, c1.id, 'call-next')).json().ticket.label).toBe('A-001')
    const seen = statuses.length
    await rig.replug()
    const backUp = (id: number) => statuses.slice(seen).some((s) => s.deviceId === id && s.serial.open && !s.serial.lastError)
    await until(() => backUp(board1) && backUp(keypad), 'the line back')
    // the call made while unplugged reaches the board: repainted on reopen
    await until(() => frames(BOARD_1).some((f) => f.command === 'D' && f.payload === 'A-001'), 'board 1 repainted')
    await center.action(clerk, c1.id, 'start')
    await center.action(clerk, c1.id, 'finish')
    expect(await press('N', '1')).toEqual({ address: KEYPAD, command: 'A', payload: '1A-002' })
    await until(() => frames(BOARD_1).some((f) => f.command === 'F' && f.payload === 'A-002'), 'board 1 shows the keypad call')
  })
})

describe('board and keypad devices: config and lifecycle', () => {
  const cleanups: (() => Promise<unknown>)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  it('nothing is opened with no board or keypad; bad configs are 400s naming the field; edits and revocations reopen or release the line', async () => {
    const { mockRig } = await import('../../drivers/serial/serial-rig.ts')
    const rig = mockRig()
    const center = await TestCenter.start({ deps: { serialBinding: rig.binding, serialBackoffMs: { min: 20, max: 200 } } })
    cleanups.push(() => center.close())
    expect(center.app.tabour.serialDevices.paths).toEqual([])
    const admin = await center.admin()
    const service = await center.createService({ prefix: 'A' })
    const counter = await center.createCounter({ number: 1, serviceIds: [service.id] })
    const create = (kind: string, config: unknown) =>
      center.request('POST', '/api/v1/devices', { token: admin, body: { kind, name: 'b', config } })

    const unwired = await create('board', {})
    expect(unwired.statusCode).toBe(201)
    expect(center.app.tabour.serialDevices.paths).toEqual([])
    const cases: [string, unknown, RegExp][] = [
      ['board', { path: 'ttyUSB0', address: 1, counterId: counter.id }, /config\/path/],
      ['board', { path: '/dev/../etc/passwd', address: 1, counterId: counter.id }, /config\/path/],
      ['board', { path: '/dev/ttyUSB0', address: 0, counterId: counter.id }, /config\/address/],
      ['board', { path: '/dev/ttyUSB0', address: 1, counterId: counter.id, protocol: 'other' }, /config\/protocol/],
      ['keypad', { path: '/dev/ttyUSB0', address: 1, counterId: counter.id, baudRate: 7 }, /config\/baudRate/],
      ['keypad', { path: '/dev/ttyUSB0', address: 1 }, /config\/counterId/],
      ['keypad', { path: '/dev/ttyUSB0', address: 1, counterId: 999 }, /config\/counterId 999: no such counter/],
      ['board', { path: '/dev/ttyUSB0', address: 1, counterId: counter.id, colour: 'red' }, /config/],
    ]
    for (const [kind, config, message] of cases) {
      const res = await create(kind, config)
      expect(res.statusCode, JSON.stringify(config)).toBe(400)
      expect(res.json()).toMatchObject({ code: 'TABOUR_ERR_VALIDATION', message: expect.stringMatching(message) })
    }

    const statuses: { deviceId: number; status: any }[] = []
    center.app.tabour.queue.events.on((e) => e.type === 'device:status' && statuses.push({ deviceId: e.deviceId, status: e.status }))
    const board = (await create('board', { path: rig.path, address: 1, counterId: counter.id })).json()
    expect(center.app.tabour.serialDevices.paths).toEqual([rig.path])
    await until(() => framesIn(rig.received()).some((f) => f.address === 1 && f.command === 'X'), 'board 01 painted')
    // one bus, one speed: a second device asking for another one is told, and the line is not reopened
    const keypad = (await create('keypad', { path: rig.path, address: 2, counterId: counter.id, baudRate: 19200 })).json()
    await until(() => statuses.some((s) => s.deviceId === keypad.id), 'the keypad status')
    expect(statuses.find((s) => s.deviceId === keypad.id)!.status.serial).toMatchObject({
      open: true,
      lastError: expect.stringMatching(/already open at 9600 baud/),
    })
    expect((await center.request('POST', `/api/v1/devices/${keypad.id}/revoke`, { token: admin })).statusCode).toBe(200)
    const patched = await center.request('PATCH', `/api/v1/devices/${board.id}`, {
      token: admin,
      body: { config: { path: rig.path, address: 3, counterId: counter.id } },
    })
    expect(patched.statusCode, patched.body).toBe(200)
    await until(() => framesIn(rig.received()).some((f) => f.address === 3), 'board repainted at its new address')
    const badPatch = await center.request('PATCH', `/api/v1/devices/${board.id}`, {
      token: admin,
      body: { config: { path: rig.path, address: 3, counterId: 12345 } },
    })
    expect(badPatch.statusCode).toBe(400)
    expect((await center.request('POST', `/api/v1/devices/${board.id}/revoke`, { token: admin })).statusCode).toBe(200)
    expect(center.app.tabour.serialDevices.paths).toEqual([])
    // reactivating lifts the revocation: the board is back on its line (it never pairs: no code does it)
    expect((await center.request('POST', `/api/v1/devices/${board.id}/reinstate`, { token: admin })).statusCode).toBe(200)
    expect(center.app.tabour.serialDevices.paths).toEqual([rig.path])
  })
})
