/**
 * The texts of messages to citizens: the defaults in protocol/messages/citizen.ts, or the admin's
 * edit (table message_templates). An edit must be valid ICU and use only the placeholders its
 * kind fills; anything else is refused with a stable code, so a typo can never send `{labl}`.
 */
import { IntlMessageFormat } from 'intl-messageformat'
import type { Db } from '../db/connection.ts'
import type { Lang } from '../../protocol/common.ts'
import { CITIZEN_MESSAGES, CITIZEN_PLACEHOLDERS, MESSAGE_KINDS, type MessageKind } from '../../protocol/messages/citizen.ts'
import { formatMessage, type MessageValues } from '../../protocol/messages/format.ts'
import { digitsFor, type DigitStyle } from '../../protocol/messages/digits.ts'
import { domainError, ErrorCodes } from '../errors.ts'

/** The parts of a parsed ICU message this file reads. */
interface Element {
  type: number
  value?: unknown
  options?: Record<string, { value: Element[] }>
  children?: Element[]
}

/** The placeholders a template names, plural and select arguments included. */
export function placeholdersOf(text: string): string[] {
  let ast: Element[]
  try {
    ast = new IntlMessageFormat(text, 'en', undefined, { ignoreTag: true }).getAst() as unknown as Element[]
  } catch (err) {
    throw domainError(ErrorCodes.MESSAGE_TEMPLATE, `not a valid ICU message: ${(err as Error).message}`)
  }
  const names = new Set<string>()
  const walk = (elements: Element[]) => {
    for (const el of elements) {
      // literal (0) and # in a plural (7) name nothing; every other element's value is its argument's name
      if (el.type !== 0 && el.type !== 7 && typeof el.value === 'string') names.add(el.value)
      // {date, date} or {time, time}: the formatter knows no time zone; {date} and {time} are filled already written
      if (el.type === 3 || el.type === 4)
        throw domainError(ErrorCodes.MESSAGE_TEMPLATE, `{${String(el.value)}} is filled as text: write it without a date or time format`)
      if (el.options) for (const option of Object.values(el.options)) walk(option.value)
      if (el.children) walk(el.children)
    }
  }
  walk(ast)
  return [...names]
}

/** Throws MESSAGE_TEMPLATE (not ICU) or MESSAGE_PLACEHOLDER (a name `kind` does not fill); else returns the text. */
export function checkTemplate(kind: MessageKind, text: string): string {
  const allowed = new Set(CITIZEN_PLACEHOLDERS[kind])
  const unknown = placeholdersOf(text).filter((name) => !allowed.has(name))
  if (unknown.length > 0)
    throw domainError(
      ErrorCodes.MESSAGE_PLACEHOLDER,
      `unknown placeholder {${unknown[0]}} in ${kind}: it may use ${[...allowed].map((a) => `{${a}}`).join(', ')}`,
    )
  return text
}

export function isMessageKind(kind: string): kind is MessageKind {
  return (MESSAGE_KINDS as readonly string[]).includes(kind)
}

/** The templates in force: the admin's edits over the defaults. */
export class MessageTemplates {
  constructor(private readonly db: Db) {}

  /** The text of `kind` in `lang`: the admin's edit, else the default. */
  text(kind: MessageKind, lang: Lang): string {
    const row = this.db.prepare('SELECT text FROM message_templates WHERE kind = ? AND lang = ?').get(kind, lang) as
      | { text: string }
      | undefined
    return row?.text ?? CITIZEN_MESSAGES[kind][lang]
  }

  /** Every kind in both languages, with whether each is the default. */
  all(): { kind: MessageKind; lang: Lang; text: string; edited: boolean }[] {
    return MESSAGE_KINDS.flatMap((kind) =>
      (['ar', 'en'] as const).map((lang) => {
        const text = this.text(kind, lang)
        return { kind, lang, text, edited: text !== CITIZEN_MESSAGES[kind][lang] }
      }),
    )
  }

  /** Stores an edit after checking it; null goes back to the default. */
  save(kind: MessageKind, lang: Lang, text: string | null, now: number): void {
    if (text === null) {
      this.db.prepare('DELETE FROM message_templates WHERE kind = ? AND lang = ?').run(kind, lang)
      return
    }
    checkTemplate(kind, text)
    this.db
      .prepare(
        `INSERT INTO message_templates (kind, lang, text, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (kind, lang) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
      )
      .run(kind, lang, text, now)
  }

  /** The message `kind` with `values`, in `lang`; an Arabic text writes its figures in the center's `digits` (README "Digits"). */
  render(kind: MessageKind, lang: Lang, values: MessageValues, digits: DigitStyle = 'western'): string {
    return fillTemplate(this.text(kind, lang), lang, values, digitsFor(lang, digits))
  }
}

/**
 * A message's text with its values, as it is sent and previewed: its no-break spaces (a time's,
 * clock-time.ts TIME_SPACE, keeps "3:00 PM" on one line of a screen) become plain ones, which a
 * phone wraps as it likes, so an English text stays in GSM-7 (160 characters a part, not 70).
 */
export function fillTemplate(text: string, lang: Lang, values: MessageValues, digits: DigitStyle): string {
  return formatMessage(text, lang, values, digits).replace(/[\u00a0\u202f]/g, ' ')
}
