/**
 * A device's `config` as form fields, per kind (protocol/device-config.ts): each key its own
 * field named by its path (`config/printer/widthMm`, the name a refusal's `field` carries), and
 * back. Only the keys whose field changed are written over the stored config, so an untouched
 * default stays a default (unit-tested in test/dashboard-ui).
 */
import type { DeviceKind } from '../../protocol/common.ts'
import { PAPER_WIDTHS_MM, PRINTER_TYPES } from '../../protocol/printer-settings.ts'

export type FieldValues = Record<string, string | boolean>

/** How one config key is edited. */
export interface ConfigKey {
  /** Path under `config`, `/` between levels. */
  path: string
  kind: 'check' | 'number' | 'text' | 'select'
  /** The value the device uses when the key is absent (shown checked or as the hint). */
  default?: boolean | number | string
  /** Fixed choices of a select. */
  options?: readonly string[]
  ltr?: boolean
}

/** Speeds LED boards and keypads commonly use. */
export const BAUD_RATES = ['1200', '2400', '4800', '9600', '19200', '38400', '57600', '115200'] as const

const PRINTER_KEYS: readonly ConfigKey[] = [
  { path: 'printer/type', kind: 'select', options: PRINTER_TYPES },
  { path: 'printer/interface', kind: 'text', ltr: true },
  // the wider (80 mm, the usual kiosk roll) first
  { path: 'printer/widthMm', kind: 'select', options: PAPER_WIDTHS_MM.map(String).reverse() },
]

const SERIAL_KEYS: readonly ConfigKey[] = [
  { path: 'path', kind: 'text', ltr: true },
  { path: 'baudRate', kind: 'select', options: BAUD_RATES, default: '9600' },
  { path: 'address', kind: 'number' },
  { path: 'counterId', kind: 'select' },
]

/** The keys each kind's form edits (a deprecated key such as `digits` is kept as stored, not shown). */
export const CONFIG_KEYS: Readonly<Record<DeviceKind, readonly ConfigKey[]>> = {
  kiosk: [
    ...PRINTER_KEYS,
    { path: 'askPriority', kind: 'check', default: false },
    { path: 'askPhone', kind: 'check', default: false },
    { path: 'phonePattern', kind: 'text', default: '^01[0125][0-9]{8}$', ltr: true },
    { path: 'idleSeconds', kind: 'number', default: 30 },
  ],
  printer: PRINTER_KEYS,
  display: [
    { path: 'recentCalls', kind: 'number', default: 6 },
    { path: 'showWaiting', kind: 'check', default: true },
    { path: 'announce/ar', kind: 'check' },
    { path: 'announce/en', kind: 'check' },
    { path: 'chime', kind: 'check', default: false },
    { path: 'announcement', kind: 'select', options: ['short', 'long'], default: 'short' },
    { path: 'hijriDate', kind: 'check', default: true },
    { path: 'media', kind: 'check', default: false },
    { path: 'mediaSeconds', kind: 'number', default: 10 },
    { path: 'flashSeconds', kind: 'number', default: 6 },
  ],
  board: [...SERIAL_KEYS, { path: 'protocol', kind: 'select', options: ['tabour-ascii'], default: 'tabour-ascii' }],
  keypad: SERIAL_KEYS,
  // the counter it asks about after each finish, and how long it says thank you (protocol/device-config.ts FeedbackConfig)
  feedback: [
    { path: 'counterId', kind: 'select' },
    { path: 'idleSeconds', kind: 'number', default: 60 },
  ],
}

/** The form field of a config key. */
export const fieldName = (path: string) => `config/${path}`

/** Whether the kind's printer or serial line is switched on in the form. */
export const HAS_PRINTER = 'hasPrinter'
export const WIRED = 'wired'

const get = (config: Record<string, unknown>, path: string): unknown =>
  path.split('/').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), config)

/** The form's values for a device of `kind` with `config` (a new device: `{}`). */
export function configToValues(kind: DeviceKind, config: Record<string, unknown>): FieldValues {
  const values: FieldValues = {}
  const languages = Array.isArray(config.announceLanguages) ? (config.announceLanguages as string[]) : ['ar']
  for (const key of CONFIG_KEYS[kind]) {
    const stored = key.path.startsWith('announce/') ? languages.includes(key.path.slice(9)) : get(config, key.path)
    values[fieldName(key.path)] =
      key.kind === 'check'
        ? typeof stored === 'boolean'
          ? stored
          : key.default === true
        : stored === undefined
          ? key.kind === 'select' && key.options
            ? String(key.default ?? key.options[0])
            : ''
          : String(stored)
  }
  // a kiosk may have a printer; a stand-alone printer is one, so its form does not ask (walk s52: "A ticket printer is
  // attached", unticked, on a device of kind Printer); until its address is typed nothing of it is written
  if (kind === 'kiosk') values[HAS_PRINTER] = config.printer !== undefined
  if (kind === 'printer') values[HAS_PRINTER] = true
  if (kind === 'board' || kind === 'keypad') values[WIRED] = Object.keys(config).length > 0
  return values
}

const typed = (key: ConfigKey, v: string | boolean): unknown => {
  if (key.kind === 'check') return v === true
  const text = String(v).trim()
  return key.kind === 'number' || key.path === 'printer/widthMm' || key.path === 'baudRate' || key.path === 'counterId'
    ? Number(text)
    : text
}

/**
 * The config to save: the stored one with every changed field written (an emptied field drops
 * its key: the default applies again). The printer and a serial line are written whole when any
 * of their fields changed, since their keys only make sense together; an empty required field is
 * left out, so the server names it.
 */
export function valuesToConfig(
  kind: DeviceKind,
  stored: Record<string, unknown>,
  values: FieldValues,
  initial: FieldValues,
): Record<string, unknown> {
  const config: Record<string, unknown> = structuredClone(stored)
  const changed = (name: string) => values[name] !== initial[name]
  const keys = CONFIG_KEYS[kind]
  const whole = (subset: readonly ConfigKey[], strip: (path: string) => string) =>
    Object.fromEntries(
      subset.flatMap((k) => {
        const v = values[fieldName(k.path)] ?? ''
        return v === '' ? [] : [[strip(k.path), typed(k, v)]]
      }),
    )
  if (kind === 'board' || kind === 'keypad') {
    if (values[WIRED] !== true) return {}
    if (!keys.some((k) => changed(fieldName(k.path))) && !changed(WIRED)) return config
    return whole(keys, (p) => p)
  }
  const printerKeys = keys.filter((k) => k.path.startsWith('printer/'))
  if (printerKeys.length > 0) {
    if (values[HAS_PRINTER] !== true) delete config.printer
    else if (changed(HAS_PRINTER) || printerKeys.some((k) => changed(fieldName(k.path))))
      config.printer = whole(printerKeys, (p) => p.slice(8))
  }
  if (changed(fieldName('announce/ar')) || changed(fieldName('announce/en')))
    config.announceLanguages = (['ar', 'en'] as const).filter((lang) => values[fieldName(`announce/${lang}`)] === true)
  for (const key of keys) {
    if (key.path.startsWith('printer/') || key.path.startsWith('announce/')) continue
    const name = fieldName(key.path)
    if (!changed(name)) continue
    const v = values[name] ?? ''
    if (v === '') delete config[key.path]
    else config[key.path] = typed(key, v)
  }
  return config
}
