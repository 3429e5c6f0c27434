/**
 * The kiosk's question about messages (issue 20): the citizen's explicit yes to be texted about
 * this ticket at the number just typed. Unticked until the citizen ticks it.
 */
import { messagesOf, type Catalogue } from './format.ts'

export const CONSENT_MESSAGES = {
  'consent.messages': {
    ar: 'أوافق على تلقي رسائل عن دوري (رسالة نصية أو واتساب) على هذا الرقم',
    en: 'I agree to receive messages about my turn (SMS or WhatsApp) at this number',
  },
  'consent.note': { ar: 'لن يُستخدم رقمك في أي شيء آخر.', en: 'Your number will not be used for anything else.' },
} as const satisfies Catalogue

/** `consentText(key, lang)`: the consent question's words. */
export const consentText = messagesOf(CONSENT_MESSAGES)
