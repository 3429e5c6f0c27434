import { afterEach, describe, expect, it, vi } from 'vitest'
import { normalizeBase } from '../../ui-common/base-path.ts'
import { screenBase, screenLangRoots, withScreenMount, type ScreenMount } from '../../ui-common/screen-base.ts'

/**
 * The prefix a screen app talks to, and where it shows its language: handed over by
 * `<tabour-kiosk base=…>` (ui/), else the page's URL and the page's `<html>`.
 */
describe('screen base', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('normalizes what a host writes in base="…"', () => {
    expect(normalizeBase('/queue')).toBe('/queue')
    expect(normalizeBase('/queue/')).toBe('/queue')
    expect(normalizeBase('queue')).toBe('/queue')
    expect(normalizeBase(' /a/b// ')).toBe('/a/b')
    expect(normalizeBase('')).toBe('')
    expect(normalizeBase('/')).toBe('')
  })

  const element = { tagName: 'TABOUR-KIOSK' } as unknown as Element
  const at = (base: string, pageLang = false): ScreenMount => ({ base, element, pageLang })
  const page = { documentElement: {} } as unknown as Document

  it("uses the handed-over base during the app's construction only, then the page's URL again", () => {
    vi.stubGlobal('location', { pathname: '/center/kiosk/' })
    expect(screenBase('kiosk')).toBe('/center')
    expect(withScreenMount(at('/queue/'), () => screenBase('kiosk'))).toBe('/queue')
    // the root is a base too: a host page at /shop/ embedding the center mounted at /
    expect(withScreenMount(at(''), () => screenBase('kiosk'))).toBe('')
    expect(screenBase('kiosk')).toBe('/center')
  })

  it('lets go of the base when the construction throws', () => {
    vi.stubGlobal('location', { pathname: '/display/' })
    vi.stubGlobal('document', page)
    expect(() =>
      withScreenMount(at('/queue'), () => {
        throw new Error('boom')
      }),
    ).toThrow('boom')
    expect(screenBase('display')).toBe('')
    expect(screenLangRoots()).toEqual([page])
  })

  it("shows the language on the page's <html> when the page is the screen's own, else on the embedding element (and <html> when asked)", () => {
    vi.stubGlobal('document', page)
    expect(screenLangRoots()).toEqual([page])
    expect(withScreenMount(at('/queue'), screenLangRoots)).toEqual([element])
    expect(withScreenMount(at('/queue', true), screenLangRoots)).toEqual([element, page])
    expect(screenLangRoots()).toEqual([page])
  })
})
