import { describe, expect, it } from 'vitest'
import { type DomainEvent, DomainEvents } from '../../../server/queue/domain-events.ts'

describe('domain events', () => {
  it('a listener subscribed as first hears each event before those subscribed earlier (the broadcaster: issue 22)', () => {
    const events = new DomainEvents()
    const heard: string[] = []
    events.on((e) => heard.push(`printer ${e.type}`))
    events.on((e) => heard.push(`outbox ${e.type}`))
    const stop = events.on((e) => heard.push(`screens ${e.type}`), { first: true })
    const commit: DomainEvent[] = [
      { type: 'queue:updated', serviceIds: [1] },
      { type: 'queue:updated', serviceIds: [2] },
    ]
    events.emit(commit)
    expect(heard).toEqual([
      'screens queue:updated',
      'printer queue:updated',
      'outbox queue:updated',
      'screens queue:updated',
      'printer queue:updated',
      'outbox queue:updated',
    ])
    stop()
    heard.length = 0
    events.emit(commit.slice(0, 1))
    expect(heard).toEqual(['printer queue:updated', 'outbox queue:updated'])
  })
})
