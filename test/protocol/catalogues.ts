/** Every message catalogue of protocol/messages, by name: what the catalogue's own checks run over. */
import { COMMON_MESSAGES } from '../../protocol/messages/common.ts'
import { PAIRING_MESSAGES } from '../../protocol/messages/pairing.ts'
import { FEEDBACK_MESSAGES } from '../../protocol/messages/feedback.ts'
import { TICKET_MESSAGES } from '../../protocol/messages/ticket.ts'
import { KIOSK_MESSAGES } from '../../protocol/messages/kiosk.ts'
import { STATUS_MESSAGES } from '../../protocol/messages/status.ts'
import { DISPLAY_MESSAGES } from '../../protocol/messages/display.ts'
import { CONSOLE_MESSAGES } from '../../protocol/messages/console.ts'
import { DASHBOARD_MESSAGES } from '../../protocol/messages/dashboard.ts'
import { CONFIG_FORM_MESSAGES } from '../../protocol/messages/config-forms.ts'
import { HUB_MESSAGES } from '../../protocol/messages/hub.ts'
import { BUNDLE_REFUSAL_MESSAGES, HUB_BUNDLE_MESSAGES } from '../../protocol/messages/hub-bundles.ts'
import { TICKET_TOOLS_MESSAGES } from '../../protocol/messages/ticket-tools.ts'
import { PRINTER_ALERT_MESSAGES } from '../../protocol/messages/printer-alerts.ts'
import { STAFFING_MESSAGES } from '../../protocol/messages/staffing.ts'
import { PRINT_REPORT_MESSAGES } from '../../protocol/messages/print-report.ts'
import { HOURS_MESSAGES } from '../../protocol/messages/hours.ts'
import { HOURS_EDITOR_MESSAGES } from '../../protocol/messages/hours-editor.ts'
import { WEBHOOK_MESSAGES } from '../../protocol/messages/webhooks.ts'
import { MESSAGES_CONFIG_MESSAGES } from '../../protocol/messages/messages-config.ts'
import { PARKING_MESSAGES } from '../../protocol/messages/parking.ts'
import { VISIT_STEPS_MESSAGES } from '../../protocol/messages/visit-steps.ts'
import { APPOINTMENT_MESSAGES } from '../../protocol/messages/appointments.ts'
import { JOIN_MESSAGES } from '../../protocol/messages/join.ts'
import { APPOINTMENT_FIGURE_MESSAGES } from '../../protocol/messages/appointment-figures.ts'
import { OPEN_DATA_MESSAGES } from '../../protocol/messages/open-data.ts'
import { HUB_ANALYSIS_MESSAGES } from '../../protocol/messages/hub-analysis.ts'
import { CSV_MESSAGES } from '../../protocol/messages/csv.ts'
import { FINISH_OUTCOME_MESSAGES } from '../../protocol/messages/finish-outcome-name.ts'
import { SERVICE_MENU_MESSAGES } from '../../protocol/messages/service-menu.ts'
import { STAFF_APPOINTMENT_MESSAGES } from '../../protocol/messages/staff-appointments.ts'
import { CITIZEN_MESSAGES } from '../../protocol/messages/citizen.ts'
import { CONSENT_MESSAGES } from '../../protocol/messages/consent.ts'
import { MESSAGES_CARD_MESSAGES } from '../../protocol/messages/messages-card.ts'
import { HUB_ERROR_MESSAGES } from '../../protocol/messages/hub-errors.ts'
import { AUDIT_LOG_MESSAGES } from '../../protocol/messages/audit-log.ts'
import type { Catalogue } from '../../protocol/messages/format.ts'

export const CATALOGUES: Record<string, Catalogue> = {
  common: COMMON_MESSAGES,
  pairing: PAIRING_MESSAGES,
  feedback: FEEDBACK_MESSAGES,
  ticket: TICKET_MESSAGES,
  kiosk: KIOSK_MESSAGES,
  serviceMenu: SERVICE_MENU_MESSAGES,
  status: STATUS_MESSAGES,
  display: DISPLAY_MESSAGES,
  console: CONSOLE_MESSAGES,
  dashboard: DASHBOARD_MESSAGES,
  configForms: CONFIG_FORM_MESSAGES,
  hub: HUB_MESSAGES,
  hubBundles: HUB_BUNDLE_MESSAGES,
  bundleRefusals: BUNDLE_REFUSAL_MESSAGES,
  ticketTools: TICKET_TOOLS_MESSAGES,
  printerAlerts: PRINTER_ALERT_MESSAGES,
  staffing: STAFFING_MESSAGES,
  csv: CSV_MESSAGES,
  finishOutcome: FINISH_OUTCOME_MESSAGES,
  printReport: PRINT_REPORT_MESSAGES,
  hours: HOURS_MESSAGES,
  hoursEditor: HOURS_EDITOR_MESSAGES,
  webhooks: WEBHOOK_MESSAGES,
  citizen: CITIZEN_MESSAGES,
  consent: CONSENT_MESSAGES,
  messagesCard: MESSAGES_CARD_MESSAGES,
  messagesConfig: MESSAGES_CONFIG_MESSAGES,
  parking: PARKING_MESSAGES,
  visitSteps: VISIT_STEPS_MESSAGES,
  appointments: APPOINTMENT_MESSAGES,
  staffAppointments: STAFF_APPOINTMENT_MESSAGES,
  join: JOIN_MESSAGES,
  appointmentFigures: APPOINTMENT_FIGURE_MESSAGES,
  openData: OPEN_DATA_MESSAGES,
  hubAnalysis: HUB_ANALYSIS_MESSAGES,
  hubErrors: HUB_ERROR_MESSAGES,
  auditLog: AUDIT_LOG_MESSAGES,
}
