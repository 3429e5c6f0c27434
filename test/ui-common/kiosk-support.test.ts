// The quantities in words (people ahead, the wait) moved with the catalogue: test/protocol/messages.test.ts.
import { describe, expect, it } from 'vitest'
import { apiUrl, basePathBefore, parseTicketPath, socketPath } from '../../ui-common/base-path.ts'
import { backoffDelay } from '../../protocol/backoff.ts'
import { SeqTracker } from '../../ui-common/feed.ts'
import { randomUuid } from '../../ui-common/random-id.ts'

describe('base path', () => {
  it('is what comes before the page folder', () => {
    expect(basePathBefore('/kiosk/', 'kiosk')).toBe('')
    expect(basePathBefore('/kiosk', 'kiosk')).toBe('')
    expect(basePathBefore('/queue/kiosk/', 'kiosk')).toBe('/queue')
    expect(basePathBefore('/a/b/kiosk/index.html', 'kiosk')).toBe('/a/b')
    expect(apiUrl('/queue', '/services')).toBe('/queue/api/v1/services')
    expect(socketPath('')).toBe('/socket.io')
  })

  it('reads a ticket page address', () => {
    expect(parseTicketPath('/t/abc_-9')).toEqual({ base: '', id: 'abc_-9' })
    expect(parseTicketPath('/queue/t/xyz/')).toEqual({ base: '/queue', id: 'xyz' })
    expect(parseTicketPath('/kiosk/')).toBeNull()
    expect(parseTicketPath('/t/%E0%A4%A')).toBeNull()
  })
})

describe('backoff', () => {
  it('doubles up to the cap, with bounded jitter', () => {
    const none = () => 1
    expect([0, 1, 2, 3, 10].map((a) => backoffDelay(a, { baseMs: 1000, maxMs: 5000 }, none))).toEqual([1000, 2000, 4000, 5000, 5000])
    expect(backoffDelay(0, { baseMs: 1000, jitter: 0.3 }, () => 0)).toBe(700)
  })
})

describe('feed sequence', () => {
  it('applies the next, drops replays, reports gaps', () => {
    const seq = new SeqTracker()
    seq.baseline(100)
    seq.baseline(50) // a baseline never moves a known position
    expect(seq.accept(101)).toBe('apply')
    expect(seq.accept(101)).toBe('stale')
    expect(seq.accept(104)).toBe('gap')
    seq.advanceTo(110)
    expect(seq.accept(105)).toBe('stale')
    expect(seq.accept(111)).toBe('apply')
    seq.reset()
    expect(seq.accept(5)).toBe('apply')
  })
})

describe('random ids', () => {
  it('are version-4 UUIDs without crypto.randomUUID', () => {
    const ids = new Set(Array.from({ length: 50 }, () => randomUuid()))
    expect(ids.size).toBe(50)
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })
})
