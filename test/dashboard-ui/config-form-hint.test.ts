import { describe, expect, it } from 'vitest'
import { ServicesConfig } from '../../dashboard-ui/config/services-config.ts'
import type { FieldSpec } from '../../dashboard-ui/config/config-form.ts'
import { configText } from '../../protocol/messages/config-forms.ts'
import { markup } from '../../server/first-screen/shadow-markup.ts'

/**
 * A field whose hint is its error's own sentence says it once, as the error (walk s51: under a bad
 * prefix, "Prefix: one to three capital Latin letters, e.g. A" in grey and again in red).
 */
describe('a config form field', () => {
  type Form = { errors: Record<string, string>; field(f: FieldSpec): unknown }
  const label = configText('f.prefix', 'en')
  const pattern = configText('err.prefix.pattern', 'en', { field: label })
  const spec: FieldSpec = { name: 'prefix', label, ltr: true, hint: pattern }
  const drawn = (errors: Record<string, string>) => {
    const form = new ServicesConfig() as unknown as Form
    form.errors = errors
    return markup(form.field(spec)).replace(/<!--[^>]*-->/g, '')
  }
  const times = (html: string, text: string) => html.split(text).length - 1

  it('says the prefix pattern once when it is also the error, as the error', () => {
    const html = drawn({ prefix: pattern })
    expect(times(html, pattern)).toBe(1)
    expect(html).toContain('data-field-error="prefix"')
    expect(html).toContain('aria-describedby="f-prefix-error"')
  })

  it('keeps the hint under the field while there is no error, and beside another error', () => {
    expect(times(drawn({}), pattern)).toBe(1)
    const duplicate = configText('err.prefix.duplicate', 'en')
    const html = drawn({ prefix: duplicate })
    expect(times(html, pattern)).toBe(1)
    expect(html).toContain(duplicate)
  })
})
