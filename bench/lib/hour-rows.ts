/**
 * One center-hour of figures for the hub benches: `services` rows whose counts vary with `seed`
 * (so rows differ and the rollups have sums to add), with or without national codes.
 */
import type { HourFigures } from '../../protocol/upstream.ts'

export function benchHourRows(
  seed: number,
  services: number,
  options: { nationalCodes?: boolean; transferredIn?: number } = {},
): HourFigures[] {
  return Array.from({ length: services }, (_, s) => {
    const n = 5 + ((seed * 31 + s * 7) % 40)
    const code = String(s).padStart(2, '0')
    return {
      serviceCode: `S${code}`,
      ...(options.nationalCodes ? { nationalCode: `N${code}` } : {}),
      serviceNameAr: `خدمة ${s}`,
      serviceNameEn: `Service ${s}`,
      issued: n,
      called: n - 1,
      served: n - 3,
      noShow: 1,
      cancelled: 1,
      transferredIn: options.transferredIn ?? 1,
      transferredOut: 1,
      waitSumSeconds: 600 * n,
      waitCount: n - 1,
      waitMaxSeconds: 2400,
      waitWithinTarget: n - 5,
      serviceSumSeconds: 280 * n,
      serviceCount: n - 3,
      counterOpenMinutes: 60,
    }
  })
}
