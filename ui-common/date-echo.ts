/**
 * A date field's value written beside it in the page's language: `<input type=date>` shows the
 * browser's format, not the page's (mm/dd/yyyy on the Arabic page in an English browser, walks of
 * 2026-12-06 on the hub and the dashboard), and «05/12/2026» reads as May or December. The field
 * is kept (its calendar, its keyboard entry, its checking of the day are the browser's and known
 * to its users); the echo names the month in the page's own date words, as the caller's `format`
 * writes them (the dashboard's «السبت، ٥ ديسمبر ٢٠٢٦» / "Saturday, 5 December 2026", the hub's
 * day), and is the field's description, so a screen reader says it too.
 */
import { html, type TemplateResult } from 'lit'

/** A calendar day as YYYY-MM-DD (a field's value is one, or ''). */
const wholeDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))

/** The echo of a date field's value (empty while the field holds no whole day); `id` is what the field's aria-describedby names. */
export function dateEcho(value: string, format: (day: string) => string, id: string): TemplateResult {
  const shown = wholeDay(value) ? format(value) : ''
  return html`<span class="date-echo" id=${id} data-date-echo>${shown}</span>`
}
