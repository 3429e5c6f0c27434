/** The services as the reports list them (service rows, the hourly charts, served by outcome). */
import type Database from 'better-sqlite3'

/** A service as the reports name it. */
export interface ReportService {
  id: number
  prefix: string
  nameAr: string
  nameEn: string
}

/** Every service (active or not: a past range may hold one since switched off), in the order the reports list them. */
export function servicesInReportOrder(db: Database.Database): ReportService[] {
  return db
    .prepare('SELECT id, prefix, name_ar AS nameAr, name_en AS nameEn FROM services ORDER BY sort_order, prefix')
    .all() as ReportService[]
}
