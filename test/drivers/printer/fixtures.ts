import type { TicketContent } from '../../../drivers/printer/index.ts'

/** A typical Arabic ticket: long center name, Arabic-Indic digits, fixed time (Tuesday 11 March 2025, 10:34 in Cairo). */
export const SAMPLE: TicketContent = {
  centerName: { ar: 'المركز التكنولوجي لخدمة المواطنين - حي مدينة نصر', en: 'Citizen Service Technology Center - Nasr City' },
  serviceName: { ar: 'استخراج شهادة ميلاد مميكنة', en: 'Computerized birth certificate' },
  label: 'A-015',
  issuedAt: Date.UTC(2025, 2, 11, 8, 34),
  timeZone: 'Africa/Cairo',
  peopleAhead: 3,
  estimatedWaitSeconds: 15 * 60,
  statusUrl: 'https://tabour.example.eg/t/7f3c9a2e',
  digits: 'arabic-indic',
}

/** The same ticket with Western digits. */
export const SAMPLE_WESTERN: TicketContent = { ...SAMPLE, digits: 'western' }

/** SAMPLE with what to bring (issue 21): three documents, one long enough to wrap. */
export const SAMPLE_DOCUMENTS: TicketContent = {
  ...SAMPLE,
  documents: [
    { ar: 'بطاقة الرقم القومي سارية', en: 'Valid national ID card' },
    { ar: 'شهادة ميلاد الأب أو الأم', en: "Father's or mother's birth certificate" },
    {
      ar: 'إيصال مرافق حديث (كهرباء أو مياه أو غاز) لا يزيد عمره عن ثلاثة أشهر',
      en: 'A recent utility bill (electricity, water or gas), at most three months old',
    },
  ],
}

/** SAMPLE with nobody ahead and no counter serving: the paper says «لا أحد أمامك الآن» and the wait is unknown (walk 2026-12-05). */
export const SAMPLE_NOBODY_AHEAD: TicketContent = { ...SAMPLE, peopleAhead: 0, estimatedWaitSeconds: null }

/** SAMPLE as a booking's check-in gave it: the slot starts at 10:30 in Cairo, and the paper says so under the label. */
export const SAMPLE_APPOINTMENT: TicketContent = { ...SAMPLE, appointmentSlot: Date.UTC(2025, 2, 11, 8, 30) }

/**
 * SAMPLE taken when its wait runs past the 15:00 closing of a calendar that serves the line out (the
 * default): the paper carries the note the kiosk's screen ticket shows (until s55 "You may not be served…").
 */
export const SAMPLE_CLOSING: TicketContent = {
  ...SAMPLE,
  closing: { kind: 'served-past-close', at: '2025-03-11T13:00:00.000Z', timeZone: 'Africa/Cairo', dayClose: false },
}

/** SAMPLE for a visit of two steps (issue 21): the paper names them under the label, so a citizen without a phone knows they will be called again. */
export const SAMPLE_TWO_STEPS: TicketContent = {
  ...SAMPLE,
  route: [
    { ar: 'استخراج شهادة ميلاد مميكنة', en: 'Computerized birth certificate' },
    { ar: 'الخزينة', en: 'Cashier' },
  ],
}
