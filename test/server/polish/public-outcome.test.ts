import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'

/**
 * The public ticket (GET /tickets/:id, what the status page shows) names a finish outcome that is
 * not the default: the walk of 2026-12-05 saw "You have been served" for a ticket finished as
 * incomplete papers. The default outcome (named, plain or renamed) says nothing more; the clerk's
 * note never leaves the center.
 */
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

describe('the public ticket names its finish outcome', () => {
  it('names a non-default outcome in both languages, says nothing more for the default, and never the note', async () => {
    const clock = new TestClock(Date.parse('2026-03-10T08:00:00Z'))
    const center = await TestCenter.start({ clock })
    cleanups.push(() => center.close())
    const a = await center.createService({ prefix: 'A' })
    const counter = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const kiosk = (await center.createDevice('kiosk')).token
    const clerk = await center.openCounterAs('clerk1', counter.id)
    const finishWith = async (body: Record<string, string>) => {
      const t = await center.issue(kiosk, { serviceId: a.id })
      for (const [action, payload] of [['call-next'], ['start'], ['finish', body]] as const) {
        clock.advance(30)
        const res = await center.action(clerk, counter.id, action, payload)
        expect(res.statusCode, res.body).toBe(200)
      }
      return shown(t.id)
    }
    const shown = async (id: string) => (await center.request('GET', `/api/v1/tickets/${id}`)).json()

    const incomplete = await finishWith({ outcome: 'incomplete_papers', note: 'missing birth certificate of Ahmed' })
    expect(incomplete.status).toBe('done')
    expect(incomplete.endedWith).toEqual({ code: 'incomplete_papers', nameAr: 'أوراق غير مكتملة', nameEn: 'Incomplete papers' })
    expect(JSON.stringify(incomplete)).not.toContain('birth certificate')
    const referred = await finishWith({ outcome: 'referred' })
    expect(referred.endedWith?.nameEn).toBe('Referred elsewhere')
    expect((await finishWith({ outcome: 'served' })).endedWith).toBeUndefined()
    // a finish naming none records none: the page says only that the visit ended (s51: "served")
    expect((await finishWith({})).endedWith).toEqual({ code: null, nameAr: null, nameEn: null })

    // a manager makes another outcome the default: the console picks it already, and it is no news either
    const manager = (await center.createUser('boss', 'manager')).token
    const put = await center.request('PUT', '/api/v1/center/finish-outcomes', {
      token: manager,
      body: {
        outcomes: [
          { code: 'served', nameAr: 'تمت الخدمة', nameEn: 'Served' },
          { code: 'incomplete_papers', nameAr: 'أوراق غير مكتملة', nameEn: 'Incomplete papers' },
          { nameAr: 'أُنجزت المعاملة', nameEn: 'Transaction completed', default: true },
        ],
      },
    })
    expect(put.statusCode, put.body).toBe(200)
    const completedCode = put.json().defaultCode as string
    expect((await finishWith({ outcome: completedCode })).endedWith).toBeUndefined()
    // the referred ticket's outcome left the list: its code stays, its names go (the page says only that the visit ended)
    expect((await shown(referred.id)).endedWith).toEqual({ code: 'referred', nameAr: null, nameEn: null })
    expect((await shown(incomplete.id)).endedWith?.nameEn).toBe('Incomplete papers')
  })
})
