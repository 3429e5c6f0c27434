/**
 * The kiosk's screens after the services (issue 22): what to bring, the priority and phone
 * questions, the ticket on screen with its QR code, and the booking check-in under the services.
 * kiosk-app.ts loads this module once the services are on screen, so its first chunk holds only
 * what draws them.
 */
import './booking-check-in.ts'
import './documents-step.ts'
import './ticket-options.ts'
import './ticket-confirmation.ts'
