/**
 * A number box that writes its figure in the screen's digits. An `<input type="number">` shows
 * Western digits whatever the page and the center's setting (walks of 2026-12-05 and 12-06 found
 * «7» beside «الشباك ٦», «0» and «30» in the hours tab, «15» in the console's park dialog on an
 * Arabic-Indic screen), so the dashboard's and the console's number boxes are text boxes for numbers: `inputmode` brings a tablet's number pad,
 * the pattern keeps letters out, and a figure typed in either digits is read back as the API
 * takes it (`typedFigure`).
 */
import { type DigitStyle, inDigitStyle, toWesternDigits } from './digits.ts'

/** What a number box takes, in either digits: a whole number, or one with a decimal point (. or the Arabic ٫). */
export const FIGURE_PATTERN = {
  whole: '[0-9\u0660-\u0669\u06F0-\u06F9]+',
  decimal: '[0-9\u0660-\u0669\u06F0-\u06F9]+([.\u066B][0-9\u0660-\u0669\u06F0-\u06F9]+)?',
}

/** A figure as typed («١٢», "12", «٠٫٥») as the API takes it ("12", "0.5"). */
export const typedFigure = (text: string): string => toWesternDigits(text).replace(/\u066B/g, '.')

/** A whole figure as typed, as a number; NaN for an empty box (sent as null, the server says at the field what it takes), not 0. */
export const typedWholeFigure = (text: string): number => (text.trim() === '' ? Number.NaN : Number(typedFigure(text)))

/** A figure as its box shows it, in `digits`; an emptied box's NaN (typedWholeFigure) stays empty, not «NaN». */
export const figureText = (n: number, digits: DigitStyle): string => (Number.isFinite(n) ? inDigitStyle(String(n), digits) : '')
