/** The screens' digit shaping lives beside the message catalogue (protocol/messages/digits.ts), which the printer shares. */
export {
  digitStyleOf,
  formatNumber,
  toArabicIndic,
  toWesternDigits,
  type DigitStyle,
  type FormatNumberOptions,
} from '../protocol/messages/digits.ts'
