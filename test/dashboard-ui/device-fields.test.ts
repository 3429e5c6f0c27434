import { describe, expect, it } from 'vitest'
import { Value } from '@sinclair/typebox/value'
import { configToValues, valuesToConfig } from '../../dashboard-ui/config/device-fields.ts'
import { BoardConfig, DisplayConfig, KioskConfig } from '../../protocol/device-config.ts'

/** Issue 15 item 5: a device's config as form fields and back, writing only what changed. */
describe('device config as form fields', () => {
  it('a new kiosk with a printer: the printer written whole, the untouched defaults left out', () => {
    const initial = configToValues('kiosk', {})
    expect(initial).toMatchObject({
      hasPrinter: false,
      'config/askPriority': false,
      'config/idleSeconds': '',
      'config/printer/widthMm': '80',
    })
    const values = { ...initial, hasPrinter: true, 'config/printer/interface': 'tcp://10.0.0.5:9100', 'config/askPhone': true }
    const config = valuesToConfig('kiosk', {}, values, initial)
    expect(config).toEqual({ printer: { type: 'epson', interface: 'tcp://10.0.0.5:9100', widthMm: 80 }, askPhone: true })
    expect(Value.Check(KioskConfig, config)).toBe(true)
  })

  it('editing one key keeps every other stored key as it was, including ones the form does not show', () => {
    const stored = { printer: { type: 'star', interface: '/dev/usb/lp0', widthMm: 58 }, idleSeconds: 45, digits: 'western' }
    const initial = configToValues('kiosk', stored)
    expect(initial).toMatchObject({
      hasPrinter: true,
      'config/printer/type': 'star',
      'config/printer/widthMm': '58',
      'config/idleSeconds': '45',
    })
    expect(valuesToConfig('kiosk', stored, { ...initial, 'config/askPriority': true }, initial)).toEqual({ ...stored, askPriority: true })
    // an emptied field drops its key: the default applies again
    expect(valuesToConfig('kiosk', stored, { ...initial, 'config/idleSeconds': '' }, initial)).toEqual({
      printer: stored.printer,
      digits: 'western',
    })
    // the printer switched off removes it
    expect(valuesToConfig('kiosk', stored, { ...initial, hasPrinter: false }, initial)).toEqual({ idleSeconds: 45, digits: 'western' })
  })

  it('a stand-alone printer is one: its printer is on from the start, written once its address is typed (walk s52)', () => {
    const initial = configToValues('printer', {})
    expect(initial.hasPrinter).toBe(true)
    // nothing typed: nothing written (a printer whose address is not known yet)
    expect(valuesToConfig('printer', {}, initial, initial)).toEqual({})
    const config = valuesToConfig('printer', {}, { ...initial, 'config/printer/interface': 'tcp://10.0.0.9:9100' }, initial)
    expect(config).toEqual({ printer: { type: 'epson', interface: 'tcp://10.0.0.9:9100', widthMm: 80 } })
    expect(configToValues('printer', config).hasPrinter).toBe(true)
  })

  it('a display: announce languages from two boxes, numbers typed', () => {
    const initial = configToValues('display', {})
    expect(initial).toMatchObject({ 'config/announce/ar': true, 'config/announce/en': false, 'config/showWaiting': true })
    const config = valuesToConfig('display', {}, { ...initial, 'config/announce/en': true, 'config/recentCalls': '8' }, initial)
    expect(config).toEqual({ announceLanguages: ['ar', 'en'], recentCalls: 8 })
    expect(Value.Check(DisplayConfig, config)).toBe(true)
  })

  it('a board: wired is the whole line; not wired is an empty config', () => {
    const initial = configToValues('board', {})
    expect(initial.wired).toBe(false)
    const values = { ...initial, wired: true, 'config/path': '/dev/ttyUSB0', 'config/address': '3', 'config/counterId': '2' }
    const config = valuesToConfig('board', {}, values, initial)
    expect(config).toEqual({ path: '/dev/ttyUSB0', baudRate: 9600, address: 3, counterId: 2, protocol: 'tabour-ascii' })
    expect(Value.Check(BoardConfig, config)).toBe(true)
    const wired = configToValues('board', config)
    expect(valuesToConfig('board', config, { ...wired, wired: false }, wired)).toEqual({})
  })
})
