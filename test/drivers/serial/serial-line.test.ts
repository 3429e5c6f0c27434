import { afterEach, describe, expect, it } from 'vitest'
import { encodeKeyPress, LinePool, SerialLine, type Frame, type LineStatus } from '../../../drivers/serial/index.ts'
import { RIGS, until, type SerialRig } from './serial-rig.ts'

describe.each(RIGS)('serial line on %s', (_kind, makeRig) => {
  let rig: SerialRig
  const closers: (() => Promise<unknown>)[] = []
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close()
  })

  async function setUp() {
    rig = await makeRig()
    closers.push(() => rig.close())
    const line = new SerialLine(rig.path, { baudRate: 9600, binding: rig.binding, minBackoffMs: 20, maxBackoffMs: 100 })
    closers.push(() => line.close())
    const statuses: LineStatus[] = []
    const frames: Frame[] = []
    line.onStatus((s) => statuses.push(s))
    line.onFrame((f) => frames.push(f))
    line.start()
    await until(() => line.status.open, 'line open')
    return { line, statuses, frames }
  }

  it('writes bytes to the far end and decodes frames from it, split or surrounded by garbage', async () => {
    const { line, frames } = await setUp()
    expect(line.write(Buffer.from('hello'))).toBe(true)
    await until(() => rig.received().toString() === 'hello', 'bytes at the far end')
    const press = encodeKeyPress(3, 'N', '1')
    await rig.send(Buffer.concat([Buffer.from('\xff\xfe junk', 'latin1'), press.subarray(0, 4)]))
    await rig.send(press.subarray(4))
    await until(() => frames.length === 1, 'one frame')
    expect(frames[0]).toEqual({ address: 3, command: 'K', payload: 'N1' })
    await until(() => line.status.badFrames >= 1, 'the garbage counted')
    expect(line.status.lastBadFrame?.kind).toBe('garbage')
    expect(line.status.lastFrameAt).toBeTypeOf('number')
  })

  it('reports an unplug, keeps retrying while the path is gone, and reopens when it comes back', async () => {
    const { line, statuses, frames } = await setUp()
    let opens = 0
    line.onOpen(() => opens++)
    await rig.unplug()
    await until(() => !line.status.open, 'line down')
    expect(line.status.lastError).toBeTruthy()
    expect(line.write(Buffer.from('x'))).toBe(false)
    await rig.replug()
    await until(() => line.status.open, 'line back')
    expect(opens).toBe(1)
    expect(line.status.lastError).toBeUndefined()
    expect(statuses.map((s) => s.open)).toEqual(expect.arrayContaining([true, false, true]))
    // and it works again, both ways
    expect(line.write(Buffer.from('again'))).toBe(true)
    await until(() => rig.received().toString().endsWith('again'), 'bytes after replug')
    await rig.send(encodeKeyPress(3, 'R', '2'))
    await until(() => frames.length === 1, 'frame after replug')
  })

  it('a path that never existed: stays closed with the reason, and close() stops the retries', async () => {
    rig = await makeRig()
    closers.push(() => rig.close())
    const line = new SerialLine(`${rig.path}-missing`, { baudRate: 9600, binding: rig.binding, minBackoffMs: 10, maxBackoffMs: 20 })
    const statuses: LineStatus[] = []
    line.onStatus((s) => statuses.push(s))
    line.start()
    await until(() => statuses.length > 0, 'a status')
    expect(statuses[0]).toMatchObject({ open: false, lastError: expect.stringMatching(/no such file|cannot open/i) })
    await line.close()
    const count = statuses.length
    await new Promise((r) => setTimeout(r, 60))
    expect(statuses.length).toBe(count)
  })

  it('a pool opens a shared path once and closes it with its last user', async () => {
    rig = await makeRig()
    closers.push(() => rig.close())
    const pool = new LinePool({ binding: rig.binding, minBackoffMs: 20 })
    closers.push(() => pool.close())
    const one = pool.acquire(rig.path, 9600)
    const two = pool.acquire(rig.path, 19200)
    expect(two).toBe(one)
    expect(two.baudRate).toBe(9600)
    await until(() => one.status.open, 'open')
    await pool.release(one)
    expect(pool.paths).toEqual([rig.path])
    const released = pool.release(two)
    expect(pool.paths).toEqual([])
    expect(one.write(Buffer.from('x'))).toBe(false)
    // reacquired at once (a device edited): the new line waits for the old port to close
    // instead of failing on the port's lock and reporting a fault
    const again = pool.acquire(rig.path, 9600)
    const statuses: LineStatus[] = []
    again.onStatus((s) => statuses.push(s))
    await released
    await until(() => again.status.open, 'reopened')
    expect(statuses.filter((s) => !s.open)).toEqual([])
  })
})
