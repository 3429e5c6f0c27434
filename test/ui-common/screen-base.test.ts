import { afterEach, describe, expect, it, vi } from 'vitest'
import { normalizeBase, screenBase, withScreenBase } from '../../ui-common/screen-base.ts'

/** The prefix a screen app talks to: handed over by `<tabour-kiosk base=…>` (ui/), else read from the page's URL. */
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

  it("uses the handed-over base during the app's construction only, then the page's URL again", () => {
    vi.stubGlobal('location', { pathname: '/center/kiosk/' })
    expect(screenBase('kiosk')).toBe('/center')
    expect(withScreenBase('/queue/', () => screenBase('kiosk'))).toBe('/queue')
    // the root is a base too: a host page at /shop/ embedding the center mounted at /
    expect(withScreenBase('', () => screenBase('kiosk'))).toBe('')
    expect(screenBase('kiosk')).toBe('/center')
  })

  it('lets go of the base when the construction throws', () => {
    vi.stubGlobal('location', { pathname: '/display/' })
    expect(() =>
      withScreenBase('/queue', () => {
        throw new Error('boom')
      }),
    ).toThrow('boom')
    expect(screenBase('display')).toBe('')
  })
})
