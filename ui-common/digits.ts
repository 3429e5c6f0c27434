/** The screens' digit shaping lives beside the message catalogue (protocol/messages/digits.ts), which the printer shares. */
export {
  digitStyleOf,
  digitsFor,
  intlLocale,
  formatNumber,
  toArabicIndic,
  inDigitStyle,
  toWesternDigits,
  ticketLabel,
  type DigitStyle,
  type FormatNumberOptions,
} from '../protocol/messages/digits.ts'
