import { describe, expect, it } from 'vitest'
import { createAnnouncementQueue } from '../../../display-ui/announcer/announcement-queue.ts'
import type { ClipPlayer } from '../../../display-ui/announcer/clip-player.ts'

/** A player whose play() settles only when the test says so, on a clock the test moves. */
function fakePlayer() {
  const clock = { t: 0 }
  const plays: Array<{ clips: readonly string[]; startedAt: number; endedAt?: number; resolve: () => void; reject: (e: Error) => void }> =
    []
  let active = 0
  let maxActive = 0
  const events: string[] = []
  const player: ClipPlayer = {
    play(clips) {
      active++
      maxActive = Math.max(maxActive, active)
      return new Promise<void>((resolve, reject) => {
        const entry = {
          clips,
          startedAt: clock.t,
          endedAt: undefined as number | undefined,
          resolve: () => {
            entry.endedAt = clock.t
            active--
            resolve()
          },
          reject: (e: Error) => {
            entry.endedAt = clock.t
            active--
            reject(e)
          },
        }
        plays.push(entry)
      })
    },
    preload: async () => undefined,
    unlock: async () => {
      events.push('unlock')
    },
    stop: () => events.push('stop'),
    close: () => {
      events.push('close')
      for (const p of plays) if (p.endedAt === undefined) p.resolve()
    },
  }
  return { player, plays, clock, events, maxActive: () => maxActive }
}

/** Lets the queue's awaits run. */
const tick = () => new Promise((r) => setTimeout(r, 0))
const call = (label: string, counterNumber = 3, recall = false) => ({ label, counterNumber, recall })

function setup(languages: Array<'ar' | 'en'> = ['ar'], chime = true) {
  const fake = fakePlayer()
  const warnings: string[] = []
  const announcer = createAnnouncementQueue({
    player: fake.player,
    languages,
    chime,
    now: () => fake.clock.t,
    warn: (m) => warnings.push(m),
  })
  return { ...fake, announcer, warnings }
}

describe('announcement queue', () => {
  it('plays two quick calls in order, the second only after the first has ended', async () => {
    const { announcer, plays, clock, maxActive } = setup()
    announcer.announce(call('A-1', 1))
    announcer.announce(call('B-2', 2))
    await tick()
    expect(plays).toHaveLength(1)
    expect(plays[0].clips).toContain('ar/letter-a')
    expect(announcer.log.map((r) => r.state)).toEqual(['playing', 'queued'])

    clock.t = 4000
    plays[0].resolve()
    await tick()
    expect(plays).toHaveLength(2)
    expect(plays[1].clips).toContain('ar/letter-b')
    expect(plays[1].startedAt).toBeGreaterThanOrEqual(plays[0].endedAt!)

    clock.t = 8000
    plays[1].resolve()
    await tick()
    const [first, second] = announcer.log
    expect([first.state, second.state]).toEqual(['done', 'done'])
    expect(first.startedAt).toBe(0)
    expect(first.endedAt).toBe(4000)
    expect(second.startedAt!).toBeGreaterThanOrEqual(first.endedAt!)
    expect(maxActive()).toBe(1)
  })

  it('records the clips it plays: chime first, then the sentence', async () => {
    const { announcer, plays } = setup(['ar', 'en'])
    announcer.announce(call('A-015', 3))
    await tick()
    expect(announcer.log[0].clips).toEqual(plays[0].clips)
    expect(plays[0].clips[0]).toBe('chime')
    expect(plays[0].clips).toContain('ar/15')
    expect(plays[0].clips).toContain('en/15')
  })

  it('announces a recall again, like a first call', async () => {
    const { announcer, plays } = setup()
    announcer.announce(call('A-7', 4))
    await tick()
    plays[0].resolve()
    await tick()
    announcer.announce(call('A-7', 4, true))
    await tick()
    expect(plays).toHaveLength(2)
    expect(plays[1].clips).toEqual(plays[0].clips)
    expect(announcer.log.map((r) => [r.announcement.recall, r.state])).toEqual([
      [false, 'done'],
      [true, 'playing'],
    ])
  })

  it('a failed play is marked failed and the next call still plays', async () => {
    const { announcer, plays, warnings } = setup()
    announcer.announce(call('A-1'))
    announcer.announce(call('A-2'))
    await tick()
    plays[0].reject(new Error('audio is locked'))
    await tick()
    expect(announcer.log[0].state).toBe('failed')
    expect(announcer.log[0].endedAt).toBeDefined()
    expect(warnings.join()).toContain('A-1')
    expect(plays).toHaveLength(2)
    plays[1].resolve()
    await tick()
    expect(announcer.log[1].state).toBe('done')
  })

  it('a player that throws synchronously does not block the queue either', async () => {
    const { announcer, player, plays } = setup()
    const play = player.play
    let first = true
    player.play = (clips) => {
      if (first) {
        first = false
        throw new Error('boom')
      }
      return play(clips)
    }
    announcer.announce(call('A-1'))
    announcer.announce(call('A-2'))
    await tick()
    expect(announcer.log[0].state).toBe('failed')
    expect(plays).toHaveLength(1)
  })

  it('drops nothing when calls pile up: ten calls play in order, one at a time', async () => {
    const { announcer, plays, clock, maxActive } = setup()
    for (let i = 1; i <= 10; i++) announcer.announce(call(`A-${i}`, i))
    for (let i = 0; i < 10; i++) {
      await tick()
      expect(plays).toHaveLength(i + 1)
      clock.t += 1000
      plays[i].resolve()
    }
    await tick()
    expect(announcer.log.map((r) => r.announcement.label)).toEqual(Array.from({ length: 10 }, (_, i) => `A-${i + 1}`))
    expect(announcer.log.every((r) => r.state === 'done')).toBe(true)
    expect(plays.map((p) => p.clips.at(-1))).toEqual(Array.from({ length: 10 }, (_, i) => `ar/${i + 1}`))
    expect(maxActive()).toBe(1)
  })

  it('keeps only the last 50 records, but still plays every queued call', async () => {
    const { announcer, plays } = setup([], true)
    for (let i = 1; i <= 60; i++) announcer.announce(call(`A-${i}`))
    expect(announcer.log).toHaveLength(50)
    expect(announcer.log[0].announcement.label).toBe('A-11')
    for (let i = 0; i < 60; i++) {
      await tick()
      plays[i].resolve()
    }
    expect(plays).toHaveLength(60)
  })

  it('close() stops the playing call, drops the queue and ignores later calls', async () => {
    const { announcer, plays, events } = setup()
    announcer.announce(call('A-1'))
    announcer.announce(call('A-2'))
    await tick()
    announcer.close()
    await tick()
    expect(events).toContain('close')
    expect(announcer.log.map((r) => r.state)).toEqual(['failed', 'queued'])
    announcer.announce(call('A-3'))
    await tick()
    expect(plays).toHaveLength(1)
    expect(announcer.log).toHaveLength(2)
  })

  it('unlock() goes to the player', async () => {
    const { announcer, events } = setup()
    await announcer.unlock()
    expect(events).toEqual(['unlock'])
  })
})
