import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { fillTemplate } from '../../../server/notify/templates.ts'
import { MESSAGE_KINDS, WHATSAPP_PARAMETERS, WHATSAPP_VARIANTS } from '../../../protocol/messages/citizen.ts'
import { WHATSAPP_BODIES } from '../../../protocol/messages/whatsapp-bodies.ts'

/**
 * s53: docs/messages.md said the WhatsApp template bodies mirror the SMS texts, and every text that ends with
 * `{link}` (the ticket taken, the booking's three) ends with a parameter, which Meta refuses: a center could not
 * get them approved. Every template Tabour sends (each kind's, and the variants) has its own body, as submitted.
 */
const templates = [
  ...MESSAGE_KINDS.map((kind) => ({ name: kind, parameters: WHATSAPP_PARAMETERS[kind], body: WHATSAPP_BODIES[kind] })),
  ...Object.entries(WHATSAPP_VARIANTS).map(([name, v]) => ({ name, parameters: v.parameters, body: { ar: v.ar, en: v.en } })),
]
const cases = templates.flatMap((t) => (['ar', 'en'] as const).map((lang) => ({ ...t, lang, text: t.body[lang] })))
const docs = readFileSync(new URL('../../../docs/messages.md', import.meta.url), 'utf8')

/** As a center submits it to Meta: the parameters numbered in their order. */
const submitted = (text: string, parameters: readonly string[]) =>
  text.replace(/\{(\w+)\}/g, (_, name: string) => `{{${parameters.indexOf(name) + 1}}}`)

describe('the WhatsApp template bodies', () => {
  it.each(cases)('tabour_$name ($lang) starts and ends with words, its parameters between words', ({ text }) => {
    const words = text.split(/\{\w+\}/)
    // Meta refuses a body that starts or ends with a parameter (punctuation alone is not enough)
    expect(words[0]).toMatch(/\p{L}/u)
    expect(words.at(-1)).toMatch(/\p{L}/u)
    // two parameters side by side ("{date} {time}") read as one value: a word stands between each
    for (const between of words.slice(1, -1)) expect(between).toMatch(/\p{L}/u)
  })

  it.each(cases)('tabour_$name ($lang) names each of its parameters once, in their order, and nothing else', ({ text, parameters }) => {
    expect([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1])).toEqual([...parameters])
    // no plural or select: a template fills its numbered parameters as given
    expect(text.replace(/\{\w+\}/g, '')).not.toMatch(/[{}#]/)
    const values = Object.fromEntries(parameters.map((p) => [p, `<${p}>`]))
    expect(fillTemplate(text, 'en', values, 'western')).toBe(text.replace(/\{(\w+)\}/g, '<$1>'))
  })

  it.each(cases)('docs/messages.md lists tabour_$name ($lang) as it is submitted', ({ text, parameters }) => {
    expect(docs).toContain(submitted(text, parameters))
  })

  it('docs/messages.md names every template to submit', () => {
    for (const t of templates) expect(docs).toContain(`\`tabour_${t.name}\``)
  })
})
