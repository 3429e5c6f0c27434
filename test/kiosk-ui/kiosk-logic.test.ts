import { describe, expect, it } from 'vitest'
import { DEFAULT_PHONE_PATTERN, kioskSettings } from '../../kiosk-ui/kiosk-settings.ts'
import { policyHonoursPriority } from '../../protocol/settings.ts'
import { normalizePairingCode } from '../../ui-common/pairing-code.ts'
import { printFailedFor } from '../../kiosk-ui/printer-state.ts'
import { visitStepLine } from '../../kiosk-ui/visit-steps-line.ts'
import { visitStepsText } from '../../protocol/messages/ticket.ts'
import type { PrinterStatusReport } from '../../protocol/device-config.ts'
import type { PublicTicket, ServiceWithQueue } from '../../protocol/entities.ts'
import { serviceGridStyles, serviceGridTemplate } from '../../kiosk-ui/service-grid-view.ts'
import { cssText, markup } from '../../server/first-screen/shadow-markup.ts'
import { closedNoticeView } from '../../kiosk-ui/closed-notice.ts'
import { kioskAppStyles } from '../../kiosk-ui/kiosk-frame.ts'

describe('kiosk settings from the device config', () => {
  it('defaults every key', () => {
    const s = kioskSettings({})
    expect(s).toMatchObject({ askPriority: false, askPhone: false, digits: 'western', idleSeconds: 30 })
    expect(s.phonePattern.source).toBe(DEFAULT_PHONE_PATTERN)
    expect(s.phonePattern.test('01012345678')).toBe(true)
    expect(s.phonePattern.test('01312345678')).toBe(false)
    expect(kioskSettings(null).idleSeconds).toBe(30)
  })

  it('the priority question is for a center whose call policy serves priority first, and only that', () => {
    expect(policyHonoursPriority('priority')).toBe(true)
    for (const policy of ['fifo', 'sla', '', null, undefined]) expect(policyHonoursPriority(policy), String(policy)).toBe(false)
  })

  it('takes valid values and ignores bad ones', () => {
    expect(kioskSettings({ askPriority: true, askPhone: true, idleSeconds: 45 }, { digits: 'arabic-indic', language: 'ar' })).toMatchObject(
      {
        askPriority: true,
        askPhone: true,
        digits: 'arabic-indic',
        idleSeconds: 45,
      },
    )
    const bad = kioskSettings({ askPriority: 'yes', digits: 'roman', idleSeconds: 1, phonePattern: '([' })
    expect(bad).toMatchObject({ askPriority: false, digits: 'western', idleSeconds: 30 })
    expect(bad.phonePattern.source).toBe(DEFAULT_PHONE_PATTERN)
    expect(kioskSettings({ phonePattern: '^9[0-9]{7}$' }).phonePattern.test('91234567')).toBe(true)
  })

  it("takes digits and the start language from the center; the kiosk's own (deprecated) digits are ignored", () => {
    expect(kioskSettings({}, null)).toMatchObject({ digits: 'western', startLang: 'ar' })
    expect(kioskSettings({}, { digits: 'arabic-indic', language: 'en' })).toMatchObject({ digits: 'arabic-indic', startLang: 'en' })
    // one setting for the center: a stored kiosk config with its own digits loads, and they change nothing
    expect(kioskSettings({ digits: 'western' }, { digits: 'arabic-indic', language: 'ar' }).digits).toBe('arabic-indic')
    expect(kioskSettings({ digits: 'arabic-indic' }, { digits: 'western', language: 'ar' }).digits).toBe('western')
    expect(kioskSettings({ digits: 'arabic-indic' }, null).digits).toBe('western')
    expect(kioskSettings({ digits: 'roman' }, { digits: 'arabic-indic', language: 'ar' }).digits).toBe('arabic-indic')
    // an odd value from the center (an older or broken server) falls back to the defaults
    expect(kioskSettings({}, { digits: 'roman', language: 'fr' } as never)).toMatchObject({ digits: 'western', startLang: 'ar' })
  })
})

describe('pairing codes', () => {
  it('keeps only the characters of the alphabet, upper-cased, at most 8', () => {
    expect(normalizePairingCode(' ab2c-d3ef9 ')).toBe('AB2CD3EF')
    // 0, O, 1, I and L are not in the alphabet
    expect(normalizePairingCode('O0I1Lxyz')).toBe('XYZ')
  })
})

describe('print failure', () => {
  const healthy: PrinterStatusReport = {
    reachable: true,
    online: true,
    coverOpen: false,
    paperNearEnd: false,
    paperOut: false,
    error: false,
    at: '2026-03-10T08:00:00Z',
  }
  it('follows the job of this ticket first, then the printer state', () => {
    expect(printFailedFor(healthy, 't1')).toBe(false)
    expect(printFailedFor({ ...healthy, paperOut: true }, 't1')).toBe(true)
    expect(printFailedFor({ ...healthy, paperNearEnd: true }, 't1')).toBe(false)
    expect(printFailedFor({ ...healthy, lastJob: { ticketId: 't1', outcome: 'failed', reason: 'x' } }, 't1')).toBe(true)
    expect(printFailedFor({ ...healthy, paperOut: true, lastJob: { ticketId: 't1', outcome: 'printed' } }, 't1')).toBe(false)
    expect(printFailedFor({ ...healthy, lastJob: { ticketId: 't0', outcome: 'failed', reason: 'x' } }, 't1')).toBe(false)
  })
})

describe("the service tiles' figures (walk s51)", () => {
  const service = {
    id: 1,
    prefix: 'A',
    nameAr: 'تراخيص',
    nameEn: 'Permits',
    active: true,
    waiting: 10,
    ahead: 10,
    estimatedWaitSeconds: 600,
    issuedToday: 10,
    dailyCap: null,
    staffed: true,
    available: true,
    checkIn: false,
  } as unknown as ServiceWithQueue
  const tile = (digits: 'western' | 'arabic-indic') =>
    markup(serviceGridTemplate({ services: [service], lang: 'ar', digits, timeZone: 'Africa/Cairo', busyServiceId: null })).replace(
      /<!--[^>]*-->/g,
      '',
    )

  it("draw an Arabic-Indic zero as the ticket screen and the TV do (a diamond), not as Cairo's dot", () => {
    const html = tile('arabic-indic')
    // «حوالي ١٠ دقائق» and «أمامك ١٠ أشخاص»: both zeros turned, the text still ١٠
    const wait = /<b data-wait="600">(.*?)<\/b>/s.exec(html)?.[1] ?? ''
    expect(wait).toContain('<span class="figure">١<span class="zero">٠</span></span>')
    expect(wait.replace(/<[^>]*>/g, '')).toContain('١٠ دقائق')
    const ahead = /<span data-ahead="10">(.*?)<\/span>\s*<span>/s.exec(html)?.[1] ?? ''
    expect(ahead).toContain('<span class="zero">٠</span>')
    expect(cssText(serviceGridStyles)).toContain('.zero')
    // Western figures are left as they are
    expect(tile('western')).not.toContain('class="zero"')
  })

  it("draw the zeros of a closed tile's times so too: «يفتح غدًا الساعة ١٢:٠٠ ص» read «١٢:··» (walk s52)", () => {
    // 20:00 in Cairo on Monday 7 December 2026: closed, opens at midnight (12:00 AM tomorrow)
    const hours = {
      at: '2026-12-07T18:00:00Z',
      open: false,
      closedReason: 'closed' as const,
      opensAt: '2026-12-07T22:00:00Z',
      closesAt: null,
      dayClose: false,
      lastTicketAt: null,
    }
    const closed = { ...service, available: false, hours }
    const html = (digits: 'western' | 'arabic-indic') =>
      markup(serviceGridTemplate({ services: [closed], lang: 'ar', digits, timeZone: 'Africa/Cairo', busyServiceId: null })).replace(
        /<!--[^>]*-->|<\?>/g,
        '',
      )
    const opens = /<span data-opens>(.*?)<\/span>\s*<\/span>\s*<\/button>/s.exec(html('arabic-indic'))?.[1] ?? ''
    expect(opens.replace(/<[^>]*>/g, '')).toContain('١٢:٠٠')
    expect(opens).toContain('<span class="figure">١٢:<span class="zero">٠</span><span class="zero">٠</span></span>')
    expect(html('western')).not.toContain('class="zero"')
  })

  it("and so does the notice of a tap refused for the hours, the tile's words in a dialog (walk s55: «١٢:··» there, «١٢:◆◆» on the tile)", () => {
    const closed = {
      at: '2026-12-07T18:00:00Z',
      closedReason: 'closed' as const,
      opensAt: '2026-12-07T22:00:00Z',
      closesAt: null,
      dayClose: false,
      lastTicketAt: null,
    }
    const notice = (digits: 'western' | 'arabic-indic') =>
      markup(closedNoticeView({ serviceId: service.id, closed }, service, 'Africa/Cairo', 'ar', digits)).replace(/<!--[^>]*-->|<\?>/g, '')
    expect(notice('arabic-indic')).toContain('<span class="figure">١٢:<span class="zero">٠</span><span class="zero">٠</span></span>')
    expect(notice('arabic-indic').replace(/<[^>]*>/g, '')).toContain('١٢:٠٠')
    expect(notice('western')).not.toContain('class="zero"')
    expect(cssText(kioskAppStyles)).toContain('.zero')
  })
})

describe('the closing note every offered tile carries, said once above them (walk s55)', () => {
  // 23:40 in Cairo; today's line closes at midnight (the day's close)
  const hours = {
    at: '2026-12-06T21:40:00Z',
    open: true,
    closedReason: null,
    opensAt: null,
    closesAt: '2026-12-06T22:00:00Z',
    dayClose: true,
    lastTicketAt: '2026-12-06T22:00:00Z',
  }
  const tile = (id: number, wait: number, available = true) =>
    ({
      id,
      prefix: String.fromCharCode(64 + id),
      nameAr: 'خدمة',
      nameEn: 'Service',
      active: true,
      waiting: 0,
      ahead: 0,
      estimatedWaitSeconds: wait,
      dailyCap: null,
      issuedToday: 0,
      staffed: true,
      available,
      hours,
    }) as unknown as ServiceWithQueue
  const grid = (services: ServiceWithQueue[]) =>
    markup(serviceGridTemplate({ services, lang: 'en', digits: 'western', timeZone: 'Africa/Cairo', busyServiceId: null }))
  const onTiles = (html: string) => (html.match(/<span class="closing-note"/g) ?? []).length
  const above = (html: string) => (html.match(/<p class="closing-note shared"/g) ?? []).length

  it('the same note on every offered tile: once above them, none on a tile', () => {
    const html = grid([tile(1, 60), tile(2, 120), tile(3, 60, false)])
    expect(above(html)).toBe(1)
    expect(onTiles(html)).toBe(0)
    expect(html).toContain('Today&#39;s line closes at 12:00')
  })

  it('a tile whose note differs (its wait runs past the close) keeps each on its tile; one offered tile keeps its own', () => {
    const differ = grid([tile(1, 60), tile(2, 3600)])
    expect(above(differ)).toBe(0)
    expect(onTiles(differ)).toBe(2)
    const one = grid([tile(1, 60), tile(2, 60, false)])
    expect(above(one)).toBe(0)
    expect(onTiles(one)).toBe(1)
  })
})

describe("a visit's step line on the status page", () => {
  const permits = { serviceId: 1, nameAr: 'تراخيص البناء', nameEn: 'Building permits' }
  const reconciliation = { serviceId: 2, nameAr: 'طلبات التصالح', nameEn: 'Reconciliation requests' }
  const inVisit = (status: PublicTicket['status'], step: 1 | 2, digits: 'western' | 'arabic-indic' = 'western') => {
    const here = step === 1 ? permits : reconciliation
    return {
      id: 't',
      label: 'A-002',
      serviceId: here.serviceId,
      serviceNameAr: here.nameAr,
      serviceNameEn: here.nameEn,
      status,
      position: 0,
      estimatedWaitSeconds: 0,
      issuedAt: '2026-12-07T13:18:47.000Z',
      counter: null,
      center: { nameAr: 'م', nameEn: 'C', digits, turnNearPeople: 2, turnNearMinutes: 15 },
      visit: { step, of: 2, next: step === 1 ? reconciliation : null, route: [permits, reconciliation] },
    } satisfies PublicTicket
  }

  it('says the step the ticket is in now and the one after, the same waiting, held from a phone or called (walk s52: "next, Building permits" read as if it came after)', () => {
    for (const status of ['waiting', 'remote', 'called', 'serving', 'parked'] as const) {
      expect(visitStepLine(inVisit(status, 1), 'en'), status).toBe('Step 1 of 2: Building permits, then Reconciliation requests')
      expect(visitStepLine(inVisit(status, 1, 'arabic-indic'), 'ar'), status).toBe('الخطوة ١ من ٢: تراخيص البناء ثم طلبات التصالح')
    }
    expect(visitStepLine(inVisit('waiting', 2), 'en')).toBe('Step 2 of 2: Reconciliation requests')
    expect(visitStepLine(inVisit('waiting', 2), 'ar')).toBe('الخطوة 2 من 2: طلبات التصالح')
  })

  it('in the words of the route on the kiosk and the paper ("…, then …" / «… ثم …»)', () => {
    const route = [permits, reconciliation].map((s) => ({ ar: s.nameAr, en: s.nameEn }))
    for (const lang of ['ar', 'en'] as const) {
      const page = visitStepLine(inVisit('waiting', 1), lang)
      const paper = visitStepsText(route, lang)!
      const routeWords = lang === 'ar' ? 'تراخيص البناء ثم طلبات التصالح' : 'Building permits, then Reconciliation requests'
      expect(page.endsWith(routeWords), page).toBe(true)
      expect(paper.endsWith(routeWords), paper).toBe(true)
    }
  })
})
