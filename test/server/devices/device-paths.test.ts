import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter } from '../../helpers/test-center.ts'
import { checkDevicePath, isLocalHost } from '../../../server/config/device-paths.ts'
import { DomainError } from '../../../server/errors.ts'
import { expectError } from '../routes/route-helpers.ts'

const DEVICES = '/api/v1/devices'
const RULES = { allowedRoots: ['/dev'], allowPublicPrinterHosts: false }

const kioskWithPrinter = (iface: string) => ({
  kind: 'kiosk',
  name: 'k',
  config: { printer: { type: 'epson', interface: iface, widthMm: 80 } },
})

describe('device paths and printer hosts (issue 16 item 5)', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('a kiosk printer cannot point outside /dev: `..`, `.` and `//` are refused with 400 TABOUR_ERR_BAD_DEVICE_PATH', async () => {
    center = await TestCenter.start({ config: { devicePaths: { allowedRoots: ['/dev'] } } })
    const token = await center.admin()
    for (const iface of [
      '/dev/../tmp/tickets.log',
      '/dev/usb/../../etc/cron.d/x',
      '/dev/./lp0',
      '/dev//lp0',
      'serial:/dev/../tmp/x?baudRate=9600',
    ]) {
      const res = await center.request('POST', DEVICES, { token, body: kioskWithPrinter(iface) })
      expectError(res, 400, 'TABOUR_ERR_BAD_DEVICE_PATH')
      expect(res.json().message).toContain('config/printer/interface')
    }
    // a kiosk already there cannot be changed to one either
    const ok = await center.request('POST', DEVICES, { token, body: kioskWithPrinter('/dev/usb/lp0') })
    expect(ok.statusCode).toBe(201)
    const patch = await center.request('PATCH', `${DEVICES}/${ok.json().id}`, {
      token,
      body: { config: { printer: { type: 'epson', interface: '/dev/../home/x', widthMm: 80 } } },
    })
    expectError(patch, 400, 'TABOUR_ERR_BAD_DEVICE_PATH')
    expect(
      (await center.request('POST', DEVICES, { token, body: kioskWithPrinter('serial:/dev/ttyUSB0?baudRate=19200') })).statusCode,
    ).toBe(201)
  })

  it('a printer path follows devicePaths.allowedRoots like a board: a serial printer on an allowed pty link is taken, one outside is refused', async () => {
    // the schema allowed only /dev/…, so a center that allowed a pty folder could wire boards there but never a printer (walk s46)
    center = await TestCenter.start({ config: { devicePaths: { allowedRoots: ['/dev', '/run/tabour'] } } })
    const token = await center.admin()
    for (const iface of ['serial:/run/tabour/printer?baudRate=115200', '/run/tabour/lp0'])
      expect((await center.request('POST', DEVICES, { token, body: kioskWithPrinter(iface) })).statusCode, iface).toBe(201)
    for (const iface of ['serial:/tmp/printer?baudRate=115200', '/tmp/tickets.log', 'serial:/run/tabour/../x']) {
      const res = await center.request('POST', DEVICES, { token, body: kioskWithPrinter(iface) })
      expectError(res, 400, 'TABOUR_ERR_BAD_DEVICE_PATH')
      expect(res.json().field).toBe('config/printer/interface')
    }
  })

  it('boards and keypads take the same validator: a path outside the allowed roots is refused', async () => {
    center = await TestCenter.start({ config: { devicePaths: { allowedRoots: ['/dev'] } } })
    const token = await center.admin()
    const counter = await center.createCounter({ number: 1, active: false })
    for (const path of ['/tmp/tabour-A', '/devices/ttyS0', '/dev/ttyS0/']) {
      const res = await center.request('POST', DEVICES, {
        token,
        body: { kind: 'board', name: 'b', config: { path, address: 1, counterId: counter.id } },
      })
      expectError(res, 400, 'TABOUR_ERR_BAD_DEVICE_PATH')
      expect(res.json().message).toContain('config/path')
    }
    const good = await center.request('POST', DEVICES, {
      token,
      body: { kind: 'keypad', name: 'k', config: { path: '/dev/serial/by-id/usb-FTDI_1', address: 2, counterId: counter.id } },
    })
    expect(good.statusCode).toBe(201)
  })

  it('a tcp:// printer must be private or loopback unless devicePaths.allowPublicPrinterHosts', async () => {
    center = await TestCenter.start()
    const token = await center.admin()
    for (const iface of ['tcp://8.8.8.8:9100', 'tcp://printer.example.com:9100', 'tcp://[2001:db8::1]:9100', 'tcp://172.32.0.1:9100']) {
      expectError(
        await center.request('POST', DEVICES, { token, body: kioskWithPrinter(iface) }),
        400,
        'TABOUR_ERR_PRINTER_HOST_NOT_ALLOWED',
      )
    }
    for (const iface of [
      'tcp://192.168.1.50:9100',
      'tcp://10.0.0.5:9100',
      'tcp://172.20.1.2:9100',
      'tcp://127.0.0.1:9100',
      'tcp://localhost:9100',
      'tcp://[::1]:9100',
    ]) {
      expect((await center.request('POST', DEVICES, { token, body: kioskWithPrinter(iface) })).statusCode, iface).toBe(201)
    }
    await center.close()
    center = await TestCenter.start({ config: { devicePaths: { allowPublicPrinterHosts: true } } })
    expect(
      (await center.request('POST', DEVICES, { token: await center.admin(), body: kioskWithPrinter('tcp://8.8.8.8:9100') })).statusCode,
    ).toBe(201)
  })

  it('checkDevicePath and isLocalHost', () => {
    const refused = (path: string) => {
      try {
        checkDevicePath(path, 'p', RULES)
        return false
      } catch (err) {
        return err instanceof DomainError && err.code === 'TABOUR_ERR_BAD_DEVICE_PATH'
      }
    }
    for (const path of ['/dev/../etc/passwd', '/dev/..', 'dev/ttyS0', '/devx/ttyS0', '/dev', '/dev/a\0b', '/dev/a/./b'])
      expect(refused(path), path).toBe(true)
    for (const path of ['/dev/ttyS0', '/dev/usb/lp0', '/dev/serial/by-id/usb-1a86_USB2.0-Ser_-if00-port0'])
      expect(refused(path), path).toBe(false)
    expect(isLocalHost('::ffff:192.168.0.9')).toBe(true)
    expect(isLocalHost('::ffff:8.8.8.8')).toBe(false)
    expect(isLocalHost('fe80::1')).toBe(true)
  })
})
