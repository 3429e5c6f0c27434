import { Type, type Static } from '@sinclair/typebox'
import { CounterState, Nullable } from './common.ts'

const Figures = {
  issued: Type.Integer(),
  called: Type.Integer(),
  served: Type.Integer(),
  noShow: Type.Integer(),
  cancelled: Type.Integer(),
  transferredOut: Type.Integer(),
  waiting: Type.Integer(),
  avgWaitSeconds: Nullable(Type.Number()),
  maxWaitSeconds: Nullable(Type.Number()),
  /** % of calls made within the service's target wait; null before the first call. */
  slaPercent: Nullable(Type.Number()),
  avgServiceSeconds: Nullable(Type.Number()),
}

export const ServiceStats = Type.Object({ serviceId: Type.Integer(), prefix: Type.String(), nameAr: Type.String(), nameEn: Type.String(), ...Figures })
export const CounterStats = Type.Object({
  counterId: Type.Integer(),
  number: Type.Integer(),
  name: Type.String(),
  state: CounterState,
  called: Type.Integer(),
  served: Type.Integer(),
  noShow: Type.Integer(),
  avgServiceSeconds: Nullable(Type.Number()),
})
export const StatsToday = Type.Object({
  day: Type.String(),
  totals: Type.Object(Figures),
  services: Type.Array(ServiceStats),
  counters: Type.Array(CounterStats),
})
export type StatsToday = Static<typeof StatsToday>

/** GET /stats/me: today's figures of the calling member of staff (the console's "my day"). */
export const ClerkStatsToday = Type.Object({
  day: Type.String(),
  userId: Type.Integer(),
  issued: Type.Integer(),
  called: Type.Integer(),
  served: Type.Integer(),
  noShow: Type.Integer(),
  transferredOut: Type.Integer(),
  avgServiceSeconds: Nullable(Type.Number()),
})
export type ClerkStatsToday = Static<typeof ClerkStatsToday>
