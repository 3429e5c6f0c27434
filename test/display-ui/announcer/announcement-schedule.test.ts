import { describe, expect, it } from 'vitest'
import { createAnnouncementQueue } from '../../../display-ui/announcer/announcement-queue.ts'
import type { ClipPlayer } from '../../../display-ui/announcer/clip-player.ts'
import { composeCall, SHORTEST, type ComposeOptions } from '../../../display-ui/announcer/compose.ts'
import type { AnnouncementRecord } from '../../../display-ui/announcer/contract.ts'
import { withCall } from '../../../display-ui/now-serving.ts'
import { callKey, spokenBoard, voiceStateOf } from '../../../display-ui/spoken-board.ts'
import type { CalledTicket } from '../../../protocol/events.ts'
import { clipsSeconds } from './ogg-duration.ts'

/**
 * The announcer's schedule on a fake clock, with the real length of every committed clip (read
 * from the Ogg headers): when each call starts to be spoken, in which form, and what the board
 * shows at that moment. No timers, no audio: the player "plays" a call for as long as its clips
 * last on the fake clock.
 */

/** The display's defaults: the short Arabic sentence, no chime. */
const DEFAULTS: ComposeOptions = { languages: ['ar'], chime: false, form: 'short' }
/** What the display said before: chime, the long sentence in Arabic, then in English (~11 s). */
const BEFORE: ComposeOptions = { languages: ['ar', 'en'], chime: true, form: 'long' }
/** The bound: no call spoken more than ~15 s after it was made. */
const BOUND_MS = 15_000

const calledAt = (label: string, counter: number, atMs: number): CalledTicket => ({
  ticket: { id: `t-${label}`, label, serviceId: 1 },
  counter: { id: counter, number: counter, name: `Counter ${counter}`, zone: 'hall' },
  at: new Date(Date.UTC(2026, 2, 10, 8) + atMs).toISOString(),
  recall: false,
})

interface Moment {
  t: number
  /** The big panel's label. */
  board: string | undefined
  /** The label being spoken. */
  voice: string | undefined
}

/** Lets the queue's awaits run. */
const settle = async () => {
  for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r))
}

/**
 * Runs the calls (each at its time, ms) through a display: the board's calls as the session keeps
 * them, the announcer on a fake clock. Returns every record and the board/voice at every change.
 */
async function simulate(arrivals: readonly { at: number; call: CalledTicket }[], settings: ComposeOptions = DEFAULTS) {
  const clock = { t: 0 }
  let playing: { endsAt: number; done: () => void } | null = null
  const player: ClipPlayer = {
    play: (clips) => new Promise<void>((done) => (playing = { endsAt: clock.t + clipsSeconds(clips) * 1000, done })),
    preload: async () => undefined,
    unlock: async () => undefined,
    stop: () => undefined,
    close: () => undefined,
  }
  const records = new Set<AnnouncementRecord>()
  const moments: Moment[] = []
  let calls: CalledTicket[] = []
  const look = () => {
    const board = spokenBoard(calls, voiceStateOf(announcer))
    moments.push({ t: clock.t, board: board.now?.ticket.label, voice: announcer.current?.announcement.label })
  }
  const announcer = createAnnouncementQueue({
    player,
    ...settings,
    now: () => clock.t,
    onChange: (record) => {
      records.add(record)
      look()
    },
  })
  const queue = [...arrivals].sort((a, b) => a.at - b.at)
  while (queue.length > 0 || playing) {
    const ends = (playing as { endsAt: number } | null)?.endsAt ?? Number.POSITIVE_INFINITY
    if (queue.length > 0 && queue[0].at <= ends) {
      const { at, call } = queue.shift()!
      clock.t = at
      calls = withCall(calls, call)
      announcer.announce({ label: call.ticket.label, counterNumber: call.counter.number, recall: call.recall, id: callKey(call) })
    } else {
      clock.t = ends
      const finished = playing!
      playing = null
      finished.done()
    }
    await settle()
    look()
  }
  const spoken = [...records]
  return {
    spoken,
    moments,
    lateness: spoken.map((r) => r.startedAt! - r.queuedAt),
    starts: spoken.map((r) => r.startedAt!),
  }
}

/** At every moment something is spoken, the big panel shows exactly that call. */
function expectBoardFollowsVoice(moments: readonly Moment[]): void {
  for (const m of moments) if (m.voice !== undefined) expect(m.board, `at ${m.t} ms the voice says ${m.voice}`).toBe(m.voice)
}

/** No call is the big one before its announcement starts. */
function expectNeverShownBeforeSpoken(moments: readonly Moment[], spoken: readonly AnnouncementRecord[]): void {
  const startOf = new Map(spoken.map((r) => [r.announcement.label, r.startedAt!]))
  for (const m of moments)
    if (m.board !== undefined) expect(m.t, `${m.board} is on the big panel at ${m.t} ms`).toBeGreaterThanOrEqual(startOf.get(m.board)!)
}

const seconds = (ms: readonly number[]) => ms.map((x) => Math.round(x / 100) / 10)

describe('the default announcement', () => {
  it('is «A خمسة عشر، شباك ثلاثة» in at most 4 s of the committed clips', () => {
    const clips = composeCall({ label: 'A-015', counterNumber: 3, recall: false }, DEFAULTS)
    expect(clips).toEqual(['ar/letter-a', 'ar/15', 'pause-short', 'ar/counter', 'ar/3'])
    expect(clipsSeconds(clips)).toBeLessThanOrEqual(4)
    // the shortest form under load is the same sentence
    expect(composeCall({ label: 'A-015', counterNumber: 3, recall: false }, SHORTEST)).toEqual(clips)
    // what it was: chime, «العميل رقم…، الشباك رقم…», then English
    expect(clipsSeconds(composeCall({ label: 'A-015', counterNumber: 3, recall: false }, BEFORE))).toBeGreaterThan(10)
  })
})

describe('the announcer schedule (fake clock, real clip lengths)', () => {
  const three = [calledAt('A-015', 3, 0), calledAt('B-007', 5, 0), calledAt('C-021', 1, 0)]
  const threeWithinASecond = three.map((call, i) => ({ at: i * 450, call }))

  it('three counters call within one second: spoken back to back, the board shows each call as it is spoken', async () => {
    const { spoken, moments, starts, lateness } = await simulate(threeWithinASecond)
    expect(spoken.map((r) => [r.announcement.label, r.state])).toEqual([
      ['A-015', 'done'],
      ['B-007', 'done'],
      ['C-021', 'done'],
    ])
    // each starts when the one before it ends: ~0, 3.5 and 7.3 s (it was 0, 10.2 and 20.4 s)
    for (let i = 1; i < spoken.length; i++) expect(spoken[i].startedAt).toBe(spoken[i - 1].endedAt)
    expect(Math.max(...lateness)).toBeLessThan(8_000)
    expect(seconds(starts)[0]).toBe(0)
    expectBoardFollowsVoice(moments)
    expectNeverShownBeforeSpoken(moments, spoken)
    // the board's order is the voice's: each call reaches the big panel in the order it was spoken
    const firstShown = [...new Set(moments.flatMap((m) => m.board ?? []))]
    expect(firstShown).toEqual(['A-015', 'B-007', 'C-021'])
    // while the first is spoken the other two wait in the list, in speaking order
    const calls = three.reduce<CalledTicket[]>((list, c) => withCall(list, c), [])
    const board = spokenBoard(calls, { speaking: callKey(three[0]), queued: [callKey(three[1]), callKey(three[2])] })
    expect(board.now?.ticket.label).toBe('A-015')
    expect(board.next.map((c) => c.ticket.label)).toEqual(['B-007', 'C-021'])
    expect(board.earlier).toEqual([])
  })

  it('with the long form, English and the chime configured, the second and third are shortened: none later than 15 s', async () => {
    const { spoken, lateness, moments } = await simulate(threeWithinASecond, BEFORE)
    expect(spoken.map((r) => r.shortened)).toEqual([false, true, true])
    expect(spoken[0].clips[0]).toBe('chime')
    expect(spoken[0].clips).toContain('en/counter')
    for (const r of spoken.slice(1)) {
      expect(r.clips).not.toContain('chime')
      expect(r.clips.some((c) => c.startsWith('en/'))).toBe(false)
    }
    expect(Math.max(...lateness)).toBeLessThanOrEqual(BOUND_MS)
    expectBoardFollowsVoice(moments)
  })

  it('ten calls at once: none dropped, in order, every one after the first in the shortest form', async () => {
    const calls = Array.from({ length: 10 }, (_, i) => ({ at: 0, call: calledAt(`A-${101 + i}`, i + 1, 0) }))
    const { spoken, moments, lateness } = await simulate(calls, BEFORE)
    expect(spoken.map((r) => r.announcement.label)).toEqual(calls.map((c) => c.call.ticket.label))
    expect(spoken.every((r) => r.state === 'done')).toBe(true)
    expect(spoken.slice(1).every((r) => r.shortened)).toBe(true)
    // the queue drains at the shortest form's pace (~4–5 s a call), not at the configured ~11 s
    const shortest = (r: AnnouncementRecord) => clipsSeconds(composeCall(r.announcement, SHORTEST)) * 1000
    expect(lateness[9]).toBeCloseTo(clipsSeconds(spoken[0].clips) * 1000 + spoken.slice(1, 9).reduce((s, r) => s + shortest(r), 0), 0)
    expectBoardFollowsVoice(moments)
    expectNeverShownBeforeSpoken(moments, spoken)
  })

  it('a 60-counter peak (three counters at once every 18 s, 60 calls): none later than 15 s, none dropped', async () => {
    const arrivals = Array.from({ length: 60 }, (_, i) => ({
      at: Math.floor(i / 3) * 18_000 + (i % 3) * 400,
      call: calledAt(`${'ABCDE'[i % 5]}-${100 + i * 3}`, i + 1, i),
    }))
    const { spoken, moments, lateness } = await simulate(arrivals)
    expect(spoken).toHaveLength(60)
    expect(spoken.map((r) => r.announcement.label)).toEqual(arrivals.map((a) => a.call.ticket.label))
    expect(spoken.every((r) => r.state === 'done')).toBe(true)
    expect(Math.max(...lateness)).toBeLessThanOrEqual(BOUND_MS)
    expectBoardFollowsVoice(moments)
    expectNeverShownBeforeSpoken(moments, spoken)
    // the same peak said the old way (chime, Arabic, English, ~11 s each, no shortening) falls minutes behind
    let free = 0
    let worst = 0
    for (const { at, call } of arrivals) {
      const start = Math.max(free, at)
      worst = Math.max(worst, start - at)
      free =
        start + clipsSeconds(composeCall({ label: call.ticket.label, counterNumber: call.counter.number, recall: false }, BEFORE)) * 1000
    }
    expect(worst).toBeGreaterThan(3 * 60_000)
  })

  it('sixty calls in the same second: none dropped, in order, the board agrees with the voice throughout', async () => {
    const arrivals = Array.from({ length: 60 }, (_, i) => ({ at: i * 15, call: calledAt(`A-${100 + i}`, i + 1, i) }))
    const { spoken, moments, lateness } = await simulate(arrivals)
    expect(spoken.map((r) => r.announcement.label)).toEqual(arrivals.map((a) => a.call.ticket.label))
    expect(spoken.every((r) => r.state === 'done')).toBe(true)
    expect(spoken.slice(1).every((r) => r.shortened)).toBe(true)
    expectBoardFollowsVoice(moments)
    expectNeverShownBeforeSpoken(moments, spoken)
    // one voice cannot say 60 calls in 15 s: the last waits for the 59 before it, each as short as it can be
    const said = spoken.slice(0, 59).reduce((s, r) => s + (r.endedAt! - r.startedAt!), 0)
    expect(lateness[59]).toBeCloseTo(said - 59 * 15, 0)
    expect(said / 59).toBeLessThan(5_500)
  })

  it('a call that already waited longer than shortenAfterMs is said short even when nothing is behind it', async () => {
    const arrivals = [
      { at: 0, call: calledAt('A-015', 3, 0) },
      { at: 100, call: calledAt('B-007', 5, 100) },
    ]
    const { spoken } = await simulate(arrivals, BEFORE)
    expect(spoken.map((r) => r.shortened)).toEqual([false, true])
    expect(spoken[1].clips).toEqual(composeCall(spoken[1].announcement, SHORTEST))
  })
})
