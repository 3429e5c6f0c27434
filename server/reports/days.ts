/** The reports' calendar: local days (YYYY-MM-DD) and the instant each begins, from the one center clock. */
export { addDays, dayCount, daysBetween, dayStartMs, isRealDay } from '../../protocol/center-clock.ts'
