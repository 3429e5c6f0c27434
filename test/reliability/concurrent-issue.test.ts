import { describe, expect, it } from 'vitest'
import { useListeningCenter } from '../helpers/socket-client.ts'
import { http } from '../helpers/http.ts'

/** A burst of kiosks pressing "take a ticket" at once, over real HTTP: no duplicate, no gap. */
describe('concurrent ticket issuing over real HTTP', () => {
  const { start } = useListeningCenter()

  async function setUp() {
    const { center: c, url: base } = await start()
    const a = await c.createService({ prefix: 'A' })
    const b = await c.createService({ prefix: 'B' })
    const kiosk = await c.createDevice('kiosk')
    return { c, base, a, b, kiosk }
  }

  const numberOf = (label: string) => Number(label.split('-').at(-1))
  const oneToN = (n: number) => Array.from({ length: n }, (_, i) => i + 1)

  it('200 concurrent issues over 2 services: 200 × 201, distinct ids, numbers exactly 1..N per service', async () => {
    const { c, base, a, b, kiosk } = await setUp()
    const serviceIds = [...Array(120).fill(a.id), ...Array(80).fill(b.id)] as number[]
    // interleave the two services so both sequences are bumped concurrently
    serviceIds.sort((x, y) => (x === y ? 0 : Math.random() - 0.5))

    const answers = await Promise.all(
      serviceIds.map((serviceId) => http(base, 'POST', '/api/v1/tickets', { token: kiosk.token, body: { serviceId } })),
    )

    const bad = answers.filter((r) => r.status !== 201)
    expect(bad.map((r) => `${r.status} ${JSON.stringify(r.body)}`)).toEqual([])
    expect(new Set(answers.map((r) => r.body.id)).size).toBe(200)
    expect(new Set(answers.map((r) => r.body.label)).size).toBe(200)
    answers.forEach((r, i) => expect(r.body.serviceId).toBe(serviceIds[i]))

    const numbers = (prefix: string, serviceId: number) =>
      answers
        .filter((r) => r.body.serviceId === serviceId)
        .map((r) => {
          expect(r.body.label).toMatch(new RegExp(`^${prefix}-\\d{3,}$`))
          return numberOf(r.body.label)
        })
        .sort((x, y) => x - y)
    expect(numbers('A', a.id)).toEqual(oneToN(120))
    expect(numbers('B', b.id)).toEqual(oneToN(80))

    // the database agrees: the same tickets, numbers and sequences, and one issue event each
    const db = c.app.tabour.db
    const rows = db.prepare('SELECT id, service_id AS serviceId, number FROM tickets ORDER BY service_id, number').all() as {
      id: string
      serviceId: number
      number: number
    }[]
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(answers.map((r) => r.body.id)))
    expect(rows.filter((r) => r.serviceId === a.id).map((r) => r.number)).toEqual(oneToN(120))
    expect(rows.filter((r) => r.serviceId === b.id).map((r) => r.number)).toEqual(oneToN(80))
    const sequences = db.prepare('SELECT service_id AS serviceId, last_number AS last FROM ticket_sequences ORDER BY service_id').all()
    expect(sequences).toEqual([
      { serviceId: a.id, last: 120 },
      { serviceId: b.id, last: 80 },
    ])
    expect(db.prepare(`SELECT COUNT(DISTINCT ticket_id) AS n, COUNT(*) AS total FROM events WHERE type = 'ticket.issued'`).get()).toEqual({
      n: 200,
      total: 200,
    })

    // each ticket saw everyone issued before it: people ahead are exactly 0..N-1 per service, in number order
    for (const [serviceId, n] of [
      [a.id, 120],
      [b.id, 80],
    ] as const) {
      const ofService = answers.filter((r) => r.body.serviceId === serviceId)
      expect(ofService.map((r) => r.body.position as number).sort((x, y) => x - y)).toEqual(oneToN(n).map((i) => i - 1))
      for (const r of ofService) expect(r.body.position).toBe(numberOf(r.body.label) - 1)
    }
  })

  it('the same Idempotency-Key sent 20 times at once makes one ticket', async () => {
    const { c, base, a, kiosk } = await setUp()
    await c.issue(kiosk.token, { serviceId: a.id }) // A-001, so the keyed one is not trivially first

    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        http(base, 'POST', '/api/v1/tickets', {
          token: kiosk.token,
          body: { serviceId: a.id },
          headers: { 'idempotency-key': 'kiosk-press-7f3a' },
        }),
      ),
    )

    expect(answers.map((r) => r.status)).toEqual(Array(20).fill(201))
    expect(new Set(answers.map((r) => r.body.id)).size).toBe(1)
    expect(new Set(answers.map((r) => r.body.label))).toEqual(new Set(['A-002']))
    // exactly one of them created it; the 19 others say they replayed it
    expect(answers.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(19)

    const db = c.app.tabour.db
    expect(db.prepare(`SELECT COUNT(*) AS n FROM tickets WHERE idempotency_key = 'kiosk-press-7f3a'`).get()).toEqual({ n: 1 })
    expect(db.prepare('SELECT COUNT(*) AS n FROM tickets').get()).toEqual({ n: 2 })
    expect(db.prepare(`SELECT COUNT(*) AS n FROM events WHERE type = 'ticket.issued'`).get()).toEqual({ n: 2 })
    // no number was burnt by the replays: the next ticket is A-003
    expect((await c.issue(kiosk.token, { serviceId: a.id })).label).toBe('A-003')
  })
})
