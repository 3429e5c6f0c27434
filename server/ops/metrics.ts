import type { FastifyInstance } from 'fastify'
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import type { Db } from '../db/connection.ts'
import type { DomainEvent, DomainEvents } from '../queue/domain-events.ts'
import { isFaulty } from '../../protocol/device-health.ts'
import { scraperCheck, type ScraperRules } from './scraper-access.ts'

/** Buckets of the issue→call wait, in seconds: 30 s to 2 h (a target wait is usually 10–30 min). */
export const CALL_WAIT_BUCKETS = [30, 60, 120, 300, 600, 900, 1200, 1800, 2700, 3600, 5400, 7200]

/** The parts of a center the metrics read: the database for the gauges, the domain events for the counters. */
export interface MetricsCenter {
  db: Db
  events: Pick<DomainEvents, 'on'>
  /** socket.io clients connected now. */
  socketCount: () => number
  /**
   * Devices faulty now, as the device list says (server/reports/device-health.ts DeviceHealthBoard):
   * this process's device:status events alone said 0 for a display muted before a restart.
   */
  faultyDevices: () => number
}

/** What the metrics read besides domain events; the backup scheduler adds its figures here. */
export interface MetricsSources {
  /** Last backup outcome for the backup gauges, or null when scheduled backups are off. */
  lastBackup?: () => { at: number; ok: boolean } | null
}

/**
 * One prom-client Registry per app (never the global one), so two centers in one process
 * (tests, embedding) keep separate figures. Counters move on the queue's domain events (after
 * commit); gauges are read from the database when scraped.
 */
export class TabourMetrics {
  readonly registry = new Registry()
  private readonly unsubscribe: () => void
  private readonly prefixes = new Map<number, string>()
  private readonly faulty = new Map<number, boolean>()
  private readonly issued: Counter<'service'>
  private readonly served: Counter<'service'>
  private readonly notServed: Counter<'service' | 'reason'>
  private readonly callWait: Histogram<'service'>
  private readonly deviceFaults: Counter<'kind'>

  constructor(
    private readonly center: MetricsCenter,
    sources: MetricsSources = {},
  ) {
    const registers = [this.registry]
    // process CPU/memory, GC and event-loop lag (nodejs_eventloop_lag_seconds and its percentiles)
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 20 })
    this.issued = new Counter({
      name: 'tabour_tickets_issued_total',
      help: 'Tickets issued, by service prefix',
      labelNames: ['service'],
      registers,
    })
    this.served = new Counter({
      name: 'tabour_tickets_served_total',
      help: 'Tickets finished as served (status done), by service prefix',
      labelNames: ['service'],
      registers,
    })
    this.notServed = new Counter({
      name: 'tabour_tickets_not_served_total',
      help: 'Tickets that ended without service, by service prefix and reason (no_show, cancelled)',
      labelNames: ['service', 'reason'],
      registers,
    })
    this.callWait = new Histogram({
      name: 'tabour_call_wait_seconds',
      help: "Wait in a line to its call (from the issue, or from joining the line again after a transfer, a next step or an arrival), by the line's service prefix",
      labelNames: ['service'],
      buckets: CALL_WAIT_BUCKETS,
      registers,
    })
    this.deviceFaults = new Counter({
      name: 'tabour_device_faults_total',
      help: 'Times a device went from healthy to faulty, by device kind',
      labelNames: ['kind'],
      registers,
    })

    const db = center.db
    const waitingStmt = db.prepare(
      `SELECT s.prefix AS prefix, COUNT(t.id) AS n FROM services s LEFT JOIN tickets t ON t.service_id = s.id AND t.status = 'waiting' GROUP BY s.id`,
    )
    new Gauge({
      name: 'tabour_tickets_waiting',
      help: 'Tickets waiting now, by service prefix',
      labelNames: ['service'],
      registers,
      collect() {
        this.reset()
        for (const row of waitingStmt.all() as { prefix: string; n: number }[]) this.set({ service: row.prefix }, row.n)
      },
    })
    const openStmt = db.prepare(`SELECT state, COUNT(*) AS n FROM counters WHERE active = 1 GROUP BY state`)
    new Gauge({
      name: 'tabour_counters',
      help: 'Counters by state (open, paused, closed)',
      labelNames: ['state'],
      registers,
      collect() {
        this.reset()
        for (const state of ['open', 'paused', 'closed']) this.set({ state }, 0)
        for (const row of openStmt.all() as { state: string; n: number }[]) this.set({ state: row.state }, row.n)
      },
    })
    new Gauge({
      name: 'tabour_sockets',
      help: 'socket.io clients connected now',
      registers,
      collect() {
        this.set(center.socketCount())
      },
    })
    const parkedStmt = db.prepare('SELECT COUNT(*) AS n FROM upstream_outbox WHERE parked_at IS NOT NULL')
    new Gauge({
      name: 'tabour_upstream_parked_batches',
      help: 'Upstream batches the hub refused as malformed, parked in the outbox (alert when above 0)',
      registers,
      collect() {
        this.set((parkedStmt.get() as { n: number }).n)
      },
    })
    const faultyNow = center.faultyDevices
    new Gauge({
      name: 'tabour_devices_faulty',
      help: 'Devices in service whose last reported status is a fault',
      registers,
      collect() {
        this.set(faultyNow())
      },
    })
    if (sources.lastBackup) {
      const last = sources.lastBackup
      new Gauge({
        name: 'tabour_backup_last_success_timestamp_seconds',
        help: 'When the last successful scheduled backup finished (0 before the first)',
        registers,
        collect() {
          const b = last()
          if (b?.ok) this.set(b.at / 1000)
          else if (!b) this.set(0)
        },
      })
      new Gauge({
        name: 'tabour_backup_last_ok',
        help: '1 when the last scheduled backup succeeded, 0 when it failed or none ran yet',
        registers,
        collect() {
          this.set(last()?.ok ? 1 : 0)
        },
      })
    }
    this.unsubscribe = center.events.on((event) => this.onEvent(event))
  }

  /** The Prometheus text exposition of this app's registry. */
  render(): Promise<string> {
    return this.registry.metrics()
  }

  close(): void {
    this.unsubscribe()
    this.registry.clear()
  }

  private prefix(serviceId: number): string {
    let prefix = this.prefixes.get(serviceId)
    if (prefix === undefined) {
      const row = this.center.db.prepare('SELECT prefix FROM services WHERE id = ?').get(serviceId) as { prefix: string } | undefined
      prefix = row?.prefix ?? String(serviceId)
      // a prefix never changes once tickets carry it, so caching it is safe
      this.prefixes.set(serviceId, prefix)
    }
    return prefix
  }

  private onEvent(event: DomainEvent): void {
    switch (event.type) {
      case 'ticket:issued':
        this.issued.inc({ service: this.prefix(event.ticket.issuedServiceId) })
        return
      case 'ticket:called':
        // each wait in a line once, as the call recorded it (from the issue, or from joining the line
        // again: wait-facts.ts), in the line's service; a recall and a return from parking end no wait
        if (event.waitedSeconds !== undefined) this.callWait.observe({ service: this.prefix(event.ticket.serviceId) }, event.waitedSeconds)
        return
      case 'ticket:updated': {
        const t = event.ticket
        const service = this.prefix(t.serviceId)
        if (t.status === 'done') this.served.inc({ service })
        else if (t.status === 'no_show' || t.status === 'cancelled') this.notServed.inc({ service, reason: t.status })
        return
      }
      case 'device:status': {
        const now = isFaulty(event.status)
        const before = this.faulty.get(event.deviceId) ?? false
        this.faulty.set(event.deviceId, now)
        if (now && !before) {
          const row = this.center.db.prepare('SELECT kind FROM devices WHERE id = ?').get(event.deviceId) as { kind: string } | undefined
          this.deviceFaults.inc({ kind: row?.kind ?? 'unknown' })
        }
        return
      }
      default:
        return
    }
  }
}

/** GET /metrics in the Prometheus text format. */
export async function metricsRoute(app: FastifyInstance, metrics: TabourMetrics, scrapers: ScraperRules): Promise<void> {
  const checkScraper = scraperCheck(scrapers)
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    checkScraper(request)
    const body = await metrics.render()
    return reply.type(metrics.registry.contentType).send(body)
  })
}
