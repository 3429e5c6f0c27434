import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { HubErrorCodes } from '../../protocol/upstream.ts'
import { HUB_ERROR_MESSAGES, hubErrorText } from '../../protocol/messages/hub-errors.ts'
import { BundleRefusalCodes } from '../../protocol/config-bundle.ts'
import { BUNDLE_REFUSAL_MESSAGES, bundleRefusalText } from '../../protocol/messages/hub-bundles.ts'

/**
 * The hub's refusals reach its pages in the reader's language: every code the hub can answer has
 * an Arabic and an English text of the pages' own (protocol/messages/hub-errors.ts), and the hub's
 * English message is only the fallback for a code the pages do not know.
 */

const ROOT = join(import.meta.dirname, '..', '..')
const ARABIC = /[\u0600-\u06FF]/

/** Every HUB_ERR_ code named anywhere in the hub's and the protocol's source (a code answered from a string literal too). */
function codesInSource(): Set<string> {
  const codes = new Set<string>()
  for (const dir of ['hub', 'protocol'])
    for (const file of readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' }))
      if (file.endsWith('.ts') && !file.split('/').includes('dist'))
        for (const m of readFileSync(join(ROOT, dir, file), 'utf8').matchAll(/\bHUB_ERR_[A-Z_]*[A-Z]\b/g)) codes.add(m[0])
  return codes
}

describe("the hub's error codes in the pages' words", () => {
  it('has an Arabic and an English text for every code the hub answers', () => {
    const codes = Object.values(HubErrorCodes)
    expect(codes.length).toBeGreaterThan(20)
    for (const code of codes) {
      const text = (HUB_ERROR_MESSAGES as Record<string, { ar: string; en: string } | undefined>)[code]
      expect(text, code).toBeDefined()
      expect(text!.ar, code).toMatch(ARABIC)
      expect(text!.en, code).toMatch(/^[A-Z]/)
      expect(text!.en, code).not.toMatch(ARABIC)
    }
    // nothing in the catalogue the hub does not answer
    expect(Object.keys(HUB_ERROR_MESSAGES).sort()).toEqual([...codes].sort())
  })

  it('covers every HUB_ERR_ code the source names, not only those of HubErrorCodes', () => {
    const named = [...codesInSource()].sort()
    expect(named.length).toBeGreaterThan(20)
    expect(named.filter((c) => !(c in HUB_ERROR_MESSAGES))).toEqual([])
  })

  it("says a known code in the reader's language, and an unknown one with the hub's message marked as English", () => {
    const refused = { code: 'HUB_ERR_FORBIDDEN_GOVERNORATE', message: 'analyst alex may read governorate EG-ALX only' }
    expect(hubErrorText(refused, 'ar')).toEqual({ text: 'صلاحيات حسابك لا تشمل هذه المحافظة.', lang: 'ar' })
    expect(hubErrorText(refused, 'en')).toEqual({ text: 'Your account’s scope does not include that governorate.', lang: 'en' })
    expect(hubErrorText({ code: 'HUB_ERR_FROM_A_NEWER_HUB', message: 'something new' }, 'ar')).toEqual({
      text: 'something new',
      lang: 'en',
    })
    expect(hubErrorText({ code: 'HUB_ERR_FROM_A_NEWER_HUB' }, 'ar')).toBeNull()
  })

  it("says why a center refused a bundle in the reader's language, for every code a center sends", () => {
    for (const code of Object.values(BundleRefusalCodes)) {
      expect(bundleRefusalText(code, 'ar'), code).toMatch(ARABIC)
      expect(bundleRefusalText(code, 'en'), code).not.toMatch(ARABIC)
    }
    expect(Object.keys(BUNDLE_REFUSAL_MESSAGES).sort()).toEqual([...Object.values(BundleRefusalCodes), 'other'].sort())
    // a code of a newer center: said as unknown (the page shows the code beside it)
    expect(bundleRefusalText('TABOUR_BUNDLE_FROM_THE_FUTURE', 'en')).toBe('A reason this page does not know')
  })
})
