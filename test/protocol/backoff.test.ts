import { describe, expect, it } from 'vitest'
import { backoffDelay } from '../../protocol/backoff.ts'

const low = () => 0
const high = () => 1

describe('backoffDelay: the one rule of the screens, the reporter, the printers and the serial lines', () => {
  it('without jitter doubles from the base up to the ceiling (the serial lines: 500 ms up to 10 s)', () => {
    const serial = (a: number) => backoffDelay(a, { baseMs: 500, maxMs: 10_000, jitter: 0 }, Math.random)
    expect([0, 1, 2, 3, 4, 5, 6, 30, 1000].map(serial)).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000, 10_000])
  })

  it('with no ceiling keeps doubling (the printer queue: 250, 500, 1000 …)', () => {
    const printer = (a: number) => backoffDelay(a, { baseMs: 250, maxMs: Number.POSITIVE_INFINITY, jitter: 0 })
    expect([0, 1, 2, 5].map(printer)).toEqual([250, 500, 1000, 8000])
  })

  it('equal jitter (0.5) lands between half and all of the delay (the upstream reporter)', () => {
    const opts = { baseMs: 2000, maxMs: 60_000, jitter: 0.5 }
    expect(backoffDelay(2, opts, low)).toBe(4000)
    expect(backoffDelay(2, opts, high)).toBe(8000)
    expect(backoffDelay(10, opts, low)).toBe(30_000)
    expect(backoffDelay(10, opts, high)).toBe(60_000)
  })

  it('a huge attempt or a zero base stays a number', () => {
    expect(backoffDelay(5000, { baseMs: 0, maxMs: 1000, jitter: 0 })).toBe(0)
    expect(backoffDelay(5000, { baseMs: 1, maxMs: Number.POSITIVE_INFINITY, jitter: 0 })).toBe(2 ** 30)
  })
})
