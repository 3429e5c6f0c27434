/**
 * Formats catalogue messages (ICU MessageFormat through intl-messageformat): plurals follow
 * CLDR's rules through Intl.PluralRules (Arabic has six forms: 0, 1, 2, 3–10, 11–99, 100…),
 * and every number in a message follows the screen's digit style. The one way a screen, the
 * hub page and the paper ticket turn a key into words.
 */
import { IntlMessageFormat, type Formatters } from 'intl-messageformat'
import type { Lang } from '../common.ts'
import { formatNumber, type DigitStyle } from './digits.ts'

export type { Lang }

/** One message in ICU syntax in every language; a missing language is a compile error. Built pages hold it parsed (`MessageSource`). */
export type Message = Readonly<Record<Lang, string>>

/** A catalogue: messages by key. Each screen's file holds one; `satisfies Catalogue` checks it. */
export type Catalogue = Readonly<Record<string, Message>>

/** Values for a message's placeholders: counts as numbers (plurals need them), names as strings. */
export type MessageValues = Readonly<Record<string, string | number>>

/** Formats one key of a catalogue; digits default to 'western'. */
export type MessageFormatter<C extends Catalogue> = (
  key: keyof C & string,
  lang: Lang,
  values?: MessageValues,
  digits?: DigitStyle,
) => string

const pluralRules = new Map<string, Intl.PluralRules>()
const AS_WRITTEN = { format: (value: unknown) => String(value) } as unknown as Intl.DateTimeFormat

// `#` and `{n, number}` go through these, so a count reads ١١ on an Arabic-Indic screen and 11
// on a Western one; Intl's own 'ar' digits vary with the runtime's ICU data, formatNumber does not.
// No message formats a date or time itself (`{d, date}`): a formatter knows no time zone, so the
// caller writes them with intlLocale in the center's zone and passes the text (test/protocol/messages.test.ts).
function formattersFor(digits: DigitStyle): Formatters {
  const numbers = { format: (n: number) => formatNumber(n, { digits }) } as unknown as Intl.NumberFormat
  return {
    getNumberFormat: () => numbers,
    // no catalogue message has a date or time argument (tested) and a new admin template may not (server/notify/templates.ts);
    // one saved before that rule gets its value as written (the caller's text in the center's zone), never "Invalid Date" or a throw
    getDateTimeFormat: () => AS_WRITTEN,
    getPluralRules: (locales, options) => {
      const key = `${String(locales)}|${options?.type ?? 'cardinal'}`
      let rules = pluralRules.get(key)
      if (!rules) pluralRules.set(key, (rules = new Intl.PluralRules(locales, options)))
      return rules
    },
  }
}

const FORMATTERS: Readonly<Record<DigitStyle, Formatters>> = {
  western: formattersFor('western'),
  'arabic-indic': formattersFor('arabic-indic'),
}

/**
 * A message as written (ICU syntax), or as production builds ship it: vite.config.ts parses the
 * catalogue at build time, so the pages carry no ICU parser.
 */
export type MessageSource = ConstructorParameters<typeof IntlMessageFormat>[0]

// Every new IntlMessageFormat resolves its locale through Intl.NumberFormat.supportedLocalesOf,
// whose first call walks every locale the runtime knows: on a kiosk's weak CPU that was about a
// fifth of the start-up script (a Chromium profile at 4× CPU slow-down, issue 22). We only ever
// pass 'ar' or 'en', which every runtime supports, so those two are taken as given, once each.
// The hook is the library's static, shared with a host application that embeds us and uses the
// same copy: any other locale goes to the library's own resolution, untouched.
const resolvedLocales = new Map<string, Intl.Locale>()
const libraryResolveLocale = IntlMessageFormat.resolveLocale
IntlMessageFormat.resolveLocale = (locales) => {
  const tag = typeof locales === 'string' ? locales : locales.length === 1 ? locales[0] : undefined
  if (tag !== 'ar' && tag !== 'en') return libraryResolveLocale(locales)
  let locale = resolvedLocales.get(tag)
  if (!locale) resolvedLocales.set(tag, (locale = new Intl.Locale(tag)))
  return locale
}

// Compiled once per message, language and digit style: parsing is the slow part.
const compiledText = new Map<string, IntlMessageFormat>()
const compiledTree = new WeakMap<object, Map<string, IntlMessageFormat>>()

function compile(message: MessageSource, lang: Lang, digits: DigitStyle): IntlMessageFormat {
  let cache = compiledText
  if (typeof message !== 'string') {
    let byTree = compiledTree.get(message)
    if (!byTree) compiledTree.set(message, (byTree = new Map()))
    cache = byTree
  }
  const key = typeof message === 'string' ? `${lang}|${digits}|${message}` : `${lang}|${digits}`
  let format = cache.get(key)
  // ignoreTag: a '<' is text (an admin's SMS template may say "<script>" or "<3"), never a rich-text tag nobody formats
  if (!format)
    cache.set(key, (format = new IntlMessageFormat(message, lang, undefined, { formatters: FORMATTERS[digits], ignoreTag: true })))
  return format
}

// A value the caller forgot shows as its `{name}` instead of blanking the screen with a throw.
const withFallback = (values: MessageValues): MessageValues =>
  new Proxy(values, {
    has: () => true,
    get: (target, name) => (typeof name === 'string' && Object.hasOwn(target, name) ? target[name] : `{${String(name)}}`),
  })

/** `message` (ICU syntax) in `lang` with `values`; digits default to 'western'. */
export function formatMessage(message: MessageSource, lang: Lang, values: MessageValues = {}, digits: DigitStyle = 'western'): string {
  return String(compile(message, lang, digits).format(withFallback(values)))
}

/** A formatter over one catalogue (or several spread into one): what a screen's components call. */
export function messagesOf<C extends Catalogue>(catalogue: C): MessageFormatter<C> {
  return (key, lang, values, digits) => formatMessage(catalogue[key][lang], lang, values, digits)
}
