import { createCanvas, type ImageData, type SKRSContext2D } from '@napi-rs/canvas'
import type { TicketContent } from './ticket-content.ts'
import { ticketText } from './ticket-text.ts'
import { ARABIC_FAMILY, LATIN_FAMILY, registerTicketFonts } from './fonts.ts'
import type { PaperWidthMm } from '../../protocol/printer-settings.ts'

/** Printable dots across the paper at 203 dpi: 576 for 80 mm, 384 for 58 mm. */
export const TICKET_WIDTH_DOTS = { 58: 384, 80: 576 } as const

/** Options for `renderTicket`. */
export interface RenderOptions {
  /** Paper width; the image is 576 px wide for 80 mm, 384 px for 58 mm. */
  widthMm: PaperWidthMm
}

interface TextStyle {
  family: string
  weight: number
  /** Font size in px at 80 mm; scaled for 58 mm. */
  size: number
  rtl: boolean
  /** Lines tried first, shrinking the font down to 75% to stay within them. */
  maxLines: number
  /** Lines allowed at 75% before the rest is cut with "…": a name gets one more than maxLines, so it wraps rather than losing its end. */
  hardMaxLines: number
}

// Vertical room per line as a fraction of the font size: Naskh has tall marks and deep
// descenders, Cairo is compact. Tighter than the fonts' own boxes, which waste paper.
const LINE = {
  [ARABIC_FAMILY]: { ascent: 1.0, descent: 0.55 },
  [LATIN_FAMILY]: { ascent: 0.98, descent: 0.42 },
} as const

const AR = (size: number, weight = 700, maxLines = 2): TextStyle => ({
  family: ARABIC_FAMILY,
  weight,
  size,
  rtl: true,
  maxLines,
  hardMaxLines: maxLines,
})
const EN = (size: number, weight = 700, maxLines = 2): TextStyle => ({
  family: LATIN_FAMILY,
  weight,
  size,
  rtl: false,
  maxLines,
  hardMaxLines: maxLines,
})
/** A center's or service's name: wraps to a third line at the smallest size instead of being cut. */
const NAME = (style: TextStyle): TextStyle => ({ ...style, hardMaxLines: style.maxLines + 1 })

/** One paragraph as laid out on the paper: its font size in px and its lines with their widths. */
export interface LaidOutParagraph {
  /** Which line of the ticket text (ticketText's key: 'serviceAr', 'centerEn'…). */
  key: string
  size: number
  /** The CSS font the lines were drawn in (for tests: the same words drawn alone must match the paper). */
  font: string
  /** Each line with its width and its baseline's row on the image (`y`). */
  lines: { text: string; width: number; y: number }[]
  /** The printable width the lines must fit in, in dots. */
  maxWidth: number
}

// Thermal paper prints 1-bit: anything at least this dark becomes a black dot. A little above
// mid-grey keeps the anti-aliased edges of thin Naskh strokes, so small text stays solid.
const BLACK_BELOW = 160

/**
 * Draws the ticket as a black-and-white PNG the width of the paper's printable area: center,
 * service, the label very large, the priority category and the appointment's slot if any, date and time in the center's zone, people ahead and the
 * estimated wait (Arabic, then English), the closing note when one applies, what to bring when the service lists documents, and a
 * line that introduces the QR printed below it.
 */
export function renderTicket(content: TicketContent, options: RenderOptions): Buffer {
  const image = renderTicketPixels(content, options)
  const out = createCanvas(image.width, image.height)
  out.getContext('2d').putImageData(image, 0, 0)
  return out.toBuffer('image/png')
}

/** renderTicket's drawing without the PNG: the print job packs these pixels straight into raster rows. */
export function renderTicketPixels(content: TicketContent, options: RenderOptions): ImageData {
  return draw(content, options).image
}

/** The ticket's text paragraphs as `renderTicket` lays them out (for tests: what wraps where, at what size). */
export function ticketLayout(content: TicketContent, options: RenderOptions): LaidOutParagraph[] {
  return draw(content, options).paragraphs
}

function draw(content: TicketContent, options: RenderOptions): { image: ImageData; paragraphs: LaidOutParagraph[] } {
  registerTicketFonts()
  const width = TICKET_WIDTH_DOTS[options.widthMm]
  if (!width) throw new Error(`unsupported paper width ${String(options.widthMm)} mm: expected 58 or 80`)
  // Text shrinks less than the paper: at the full 384/576 ratio, 58 mm text gets too small to read.
  const scale = options.widthMm === 58 ? 0.8 : 1
  const text = ticketText(content)
  const margin = Math.round(14 * scale)
  // Drawn on a tall scratch canvas, then cropped: the height is known only after wrapping.
  // 2400 px is over twice the tallest possible layout (every paragraph is capped at 2 lines).
  // each document adds at most four lines (two per language): room for them below the rest
  const canvas = createCanvas(width, 2400 + 220 * text.documents.length)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  ctx.fillStyle = '#000'
  const pen: Pen = { ctx, width, margin, scale, y: margin, laidOut: [] }
  const paragraph = (key: Exclude<keyof typeof text, 'documents'>, style: TextStyle) => drawParagraph(pen, key, text[key] ?? '', style)

  paragraph('centerAr', NAME(AR(30)))
  paragraph('centerEn', NAME(EN(21, 700)))
  rule(pen, 3)
  paragraph('serviceAr', NAME(AR(34)))
  paragraph('serviceEn', NAME(EN(25)))
  pen.y += Math.round(22 * scale)
  label(pen, text.label)
  // a priority ticket says so under its label; an ordinary one keeps the layout it always had
  if (text.priorityAr) {
    pen.y += Math.round(8 * scale)
    star(pen, Math.round(30 * scale))
    paragraph('priorityAr', AR(29))
    paragraph('priorityEn', EN(22))
  }
  // a checked-in appointment says so, with its slot (docs/appointments.md); any other ticket keeps its layout
  if (text.appointmentAr) {
    pen.y += Math.round(8 * scale)
    paragraph('appointmentAr', AR(26))
    paragraph('appointmentEn', EN(20))
  }
  // a visit of several steps says so (a citizen without a phone learns they will be called again); one step keeps its layout
  if (text.visitAr) {
    pen.y += Math.round(8 * scale)
    paragraph('visitAr', AR(24))
    paragraph('visitEn', EN(19))
  }
  pen.y += Math.round(14 * scale)
  paragraph('dateAr', AR(22))
  paragraph('dateEn', EN(19, 400))
  rule(pen, 2)
  paragraph('aheadAr', AR(29))
  paragraph('aheadEn', EN(22))
  pen.y += Math.round(4 * scale)
  paragraph('waitAr', AR(27))
  paragraph('waitEn', EN(22))
  // the closing note the screen ticket shows (the wait runs past closing…), right under the wait it
  // is about; a ticket without one keeps the layout it always had
  if (text.closingAr) {
    pen.y += Math.round(8 * scale)
    paragraph('closingAr', AR(24))
    paragraph('closingEn', EN(19))
  }
  rule(pen, 2)
  // what to bring (issue 21), between the wait and the line that introduces the QR printed under
  // the image; a ticket without documents keeps the layout it always had
  if (text.documents.length > 0) {
    paragraph('bringAr', AR(26))
    paragraph('bringEn', EN(20))
    text.documents.forEach((d, i) => {
      pen.y += Math.round(6 * scale)
      drawParagraph(pen, `documentAr${i}`, d.ar, AR(22))
      drawParagraph(pen, `documentEn${i}`, d.en, EN(18, 400))
    })
    rule(pen, 2)
  }
  paragraph('scanAr', AR(22))
  paragraph('scanEn', EN(19, 400))

  const height = pen.y + margin
  const image = ctx.getImageData(0, 0, width, height)
  threshold(image.data)
  return { image, paragraphs: pen.laidOut }
}

interface Pen {
  ctx: SKRSContext2D
  width: number
  margin: number
  scale: number
  y: number
  /** Every paragraph drawn so far, as `ticketLayout` reports it. */
  laidOut: LaidOutParagraph[]
}

// Arabic lines list Cairo second: Western digits, Latin words and punctuation in an Arabic
// line then match the English lines, and no character is left for a host font to supply.
function font(style: TextStyle, size: number): string {
  return `${style.weight} ${size}px "${style.family}", "${LATIN_FAMILY}"`
}

/**
 * Centered lines: one line if a slightly smaller size (88%) fits, else wrapped at up to
 * maxLines (shrinking to 75% first), else at 75% over up to hardMaxLines, the rest cut with
 * "…". A word wider than the paper (a name without spaces) breaks between its letters.
 */
function drawParagraph(pen: Pen, key: string, value: string, style: TextStyle): void {
  if (!value) return
  const { ctx } = pen
  const maxWidth = pen.width - 2 * pen.margin
  const base = Math.round(style.size * pen.scale)
  const fits = (lines: string[]) => lines.length <= style.maxLines && lines.every((l) => ctx.measureText(l).width <= maxWidth)
  let size = base
  let lines = [value]
  search: {
    for (size = base; size >= Math.round(base * 0.88); size -= 1) {
      ctx.font = font(style, size)
      if (ctx.measureText(value).width <= maxWidth) break search
    }
    for (size = base; size >= Math.round(base * 0.75); size -= 1) {
      ctx.font = font(style, size)
      lines = wrap(ctx, value, maxWidth)
      if (fits(lines)) break search
    }
    size = Math.round(base * 0.75)
    ctx.font = font(style, size)
    lines = wrap(ctx, value, maxWidth)
    const most = style.hardMaxLines
    if (lines.length > most) lines = [...lines.slice(0, most - 1), lines.slice(most - 1).join(' ')]
    lines = lines.map((l) => (ctx.measureText(l).width > maxWidth ? ellipsize(ctx, l, maxWidth) : l))
  }
  // Without rtl, canvas lays an Arabic line's words out left to right: the sentence reads backwards.
  ctx.direction = style.rtl ? 'rtl' : 'ltr'
  ctx.textAlign = 'center'
  ctx.textBaseline = 'alphabetic'
  const metrics = LINE[style.family as keyof typeof LINE]
  const laidOut: LaidOutParagraph['lines'] = []
  for (const text of lines) {
    pen.y += Math.round(size * metrics.ascent)
    ctx.fillText(text, pen.width / 2, pen.y)
    laidOut.push({ text, width: ctx.measureText(text).width, y: pen.y })
    pen.y += Math.round(size * metrics.descent)
  }
  pen.laidOut.push({ key, size, font: font(style, size), maxWidth, lines: laidOut })
}

/** Greedy wrap, then narrowed to the smallest width that keeps the line count: lines of even length, no lone last word. */
function wrap(ctx: SKRSContext2D, value: string, maxWidth: number): string[] {
  const lines = greedy(ctx, value, maxWidth)
  if (lines.length < 2) return lines
  let lo = maxWidth / lines.length
  let hi = maxWidth
  while (hi - lo > 2) {
    const mid = (lo + hi) / 2
    if (greedy(ctx, value, mid, maxWidth).length > lines.length) lo = mid
    else hi = mid
  }
  return greedy(ctx, value, hi, maxWidth)
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/**
 * A word wider than the paper in pieces that fit, broken between letters (never inside a
 * letter with its marks); any other word as it is, so every ticket whose words fit lays out
 * exactly as before.
 */
function splitWider(ctx: SKRSContext2D, word: string, paperWidth: number): string[] {
  if (ctx.measureText(word).width <= paperWidth) return [word]
  const pieces: string[] = []
  let current = ''
  for (const { segment } of graphemes.segment(word)) {
    if (current && ctx.measureText(current + segment).width > paperWidth) {
      pieces.push(current)
      current = segment
    } else current += segment
  }
  if (current) pieces.push(current)
  return pieces
}

function greedy(ctx: SKRSContext2D, value: string, maxWidth: number, paperWidth = maxWidth): string[] {
  const lines: string[] = []
  let current = ''
  // never at a no-break space: «٣:٠٠\u00a0م» is one time (s55: the closing note broke it, «م،» led the next line)
  for (const word of value.split(/[^\S\u00a0]+/).flatMap((w) => splitWider(ctx, w, paperWidth))) {
    const candidate = current ? `${current} ${word}` : word
    if (current && ctx.measureText(candidate).width > maxWidth) {
      lines.push(current)
      current = word
    } else {
      current = candidate
    }
  }
  if (current) lines.push(current)
  return lines
}

function ellipsize(ctx: SKRSContext2D, value: string, maxWidth: number): string {
  let cut = value
  while (cut.length > 1 && ctx.measureText(`${cut}…`).width > maxWidth) cut = cut.slice(0, -1)
  return `${cut.trimEnd()}…`
}

/** The label as large as fits the width, up to ~27 mm tall glyphs on 80 mm paper. */
function label(pen: Pen, value: string): void {
  const { ctx } = pen
  const maxWidth = pen.width - 2 * pen.margin
  // The Arabic-Indic zero is a mid-height dot: right after the hyphen, "A-٠١٥" reads as a
  // double dash. A gap each side of the hyphen keeps the prefix and the number apart.
  const parts = /[\u0660-\u0669]/.test(value) ? value.split(/(-)/).filter(Boolean) : [value]
  const gapEm = parts.length > 1 ? 0.1 : 0
  const widthAt = (size: number) => {
    ctx.font = `900 ${size}px "${LATIN_FAMILY}"`
    return parts.reduce((w, p) => w + ctx.measureText(p).width, 0) + gapEm * size * (parts.length - 1)
  }
  let size = Math.round(230 * pen.scale)
  const measured = widthAt(size)
  if (measured > maxWidth) size = Math.floor((size * maxWidth) / measured)
  const total = widthAt(size)
  ctx.direction = 'ltr'
  ctx.textAlign = 'left'
  ctx.textBaseline = 'alphabetic'
  const m = ctx.measureText(value)
  // Placed by the glyphs' own extent, not the font box: the label's band is the ticket's
  // tallest block and Cairo's box adds a third of empty space above it.
  pen.y += Math.ceil(m.actualBoundingBoxAscent)
  let x = (pen.width - total) / 2
  for (const part of parts) {
    ctx.fillText(part, x, pen.y)
    x += ctx.measureText(part).width + gapEm * size
  }
  pen.y += Math.ceil(Math.max(m.actualBoundingBoxDescent, 0))
}

/** A filled five-pointed star, centred: the console's ★ for a priority ticket, drawn because the ticket fonts have no such glyph. */
function star(pen: Pen, size: number): void {
  const { ctx } = pen
  const cx = pen.width / 2
  const cy = pen.y + size / 2
  ctx.beginPath()
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? size / 2 : size / 5
    const angle = -Math.PI / 2 + (i * Math.PI) / 5
    ctx.lineTo(cx + r * Math.cos(angle), cy + r * Math.sin(angle))
  }
  ctx.closePath()
  ctx.fill()
  pen.y += size
}

function rule(pen: Pen, thickness: number): void {
  const gap = Math.round(10 * pen.scale)
  pen.y += gap
  pen.ctx.fillRect(pen.margin, pen.y, pen.width - 2 * pen.margin, thickness)
  pen.y += thickness + gap
}

function threshold(rgba: Uint8ClampedArray): void {
  for (let i = 0; i < rgba.length; i += 4) {
    const luminance = 0.2126 * rgba[i] + 0.7152 * rgba[i + 1] + 0.0722 * rgba[i + 2]
    const v = luminance < BLACK_BELOW ? 0 : 255
    rgba[i] = v
    rgba[i + 1] = v
    rgba[i + 2] = v
    rgba[i + 3] = 255
  }
}
