/**
 * The ticket as the printer would see it: each job is built with buildTicketJob, walked byte
 * by byte (test/helpers/escpos-decode.ts) and its raster checked.
 *
 * Golden images: test/golden/ticket-80mm.png is the decoded raster of SAMPLE on 80 mm paper
 * (Epson), ticket-80mm-long-name.png the same with LONG_NAME's service, ticket-80mm-nobody-ahead.png
 * SAMPLE_NOBODY_AHEAD's, ticket-80mm-closing.png SAMPLE_CLOSING's. After an intended layout change, look at the new image and regenerate it with
 *   UPDATE_GOLDEN=1 npx vitest run test/drivers/printer/render.test.ts
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { PNG } from 'pngjs'
import { createCanvas } from '@napi-rs/canvas'
import jsqrModule from 'jsqr'
import QRCode from 'qrcode'
import {
  buildTicketJob,
  registerTicketFonts,
  renderTicket,
  ticketFontFiles,
  ticketLayout,
  ticketText,
  ARABIC_FAMILY,
  LATIN_FAMILY,
  type LaidOutParagraph,
  type TicketContent,
} from '../../../drivers/printer/index.ts'
import { decodeJob, type DecodedImage } from '../../helpers/escpos-decode.ts'
import {
  SAMPLE,
  SAMPLE_APPOINTMENT,
  SAMPLE_CLOSING,
  SAMPLE_DOCUMENTS,
  SAMPLE_NOBODY_AHEAD,
  SAMPLE_TWO_STEPS,
  SAMPLE_WESTERN,
} from './fixtures.ts'
import { woffCodePoints } from './font-cmap.ts'

// jsqr is CommonJS with an ES-style default: depending on the loader the import is the function or holds it
type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null
const jsqrImport = jsqrModule as unknown as Decode | { default: Decode }
const jsQR: Decode = typeof jsqrImport === 'function' ? jsqrImport : jsqrImport.default

const GOLDEN = fileURLToPath(new URL('../../golden/ticket-80mm.png', import.meta.url))
const GOLDEN_LONG_NAME = fileURLToPath(new URL('../../golden/ticket-80mm-long-name.png', import.meta.url))
const GOLDEN_DOCUMENTS = fileURLToPath(new URL('../../golden/ticket-80mm-documents.png', import.meta.url))
const GOLDEN_NOBODY_AHEAD = fileURLToPath(new URL('../../golden/ticket-80mm-nobody-ahead.png', import.meta.url))
const GOLDEN_CLOSING = fileURLToPath(new URL('../../golden/ticket-80mm-closing.png', import.meta.url))

/** A service whose Arabic name has no space to break at and whose English name needs three lines (issue 15 item 3). */
const LONG_NAME: TicketContent = {
  ...SAMPLE,
  serviceName: {
    ar: 'تسجيلوقائعالميلادوالوفاةوالزواجوالطلاقللمواطنينالمقيمينبالخارج',
    en: 'Registration of births, deaths, marriages and divorces of citizens living abroad, with certified translations',
  },
}

async function decoded(content: TicketContent, widthMm: 58 | 80, type: 'epson' | 'star' = 'epson') {
  return decodeJob(await buildTicketJob(content, { type, widthMm }), type)
}

/** The tallest run of rows at least `minDark` black: the label, the only block that tall and dense. */
function densestBand(image: DecodedImage, minDark = 0.12): { top: number; bottom: number } {
  let best = { top: 0, bottom: 0 }
  let top = -1
  for (let y = 0; y <= image.height; y++) {
    const dense = y < image.height && image.dark(0, y, image.width, y + 1) >= minDark
    if (dense && top < 0) top = y
    if (!dense && top >= 0) {
      if (y - top > best.bottom - best.top) best = { top, bottom: y }
      top = -1
    }
  }
  return best
}

describe('ticket job', () => {
  for (const widthMm of [58, 80] as const) {
    it(`${widthMm} mm: starts with ESC @, one raster as wide as the paper, the QR, one cut`, async () => {
      const bytes = await buildTicketJob(SAMPLE, { type: 'epson', widthMm })
      expect([...bytes.subarray(0, 2)]).toEqual([0x1b, 0x40])
      const job = decodeJob(bytes)
      expect(job.ops.filter((op) => op === 'GS v 0')).toHaveLength(1)
      expect(job.images).toHaveLength(1)
      expect(job.images[0].width).toBe(widthMm === 80 ? 576 : 384)
      expect(job.qrPayloads).toEqual([SAMPLE.statusUrl])
      expect(job.cuts).toBe(1)
      // the QR comes after the image and the cut after both
      expect(job.ops.indexOf('GS v 0')).toBeLessThan(job.ops.indexOf('GS ( k P'))
      expect(job.ops.indexOf('GS ( k Q')).toBeLessThan(job.ops.indexOf('GS V'))
      expect(job.text).toBe('')
    })

    it(`${widthMm} mm: the label is a tall band of dense black`, async () => {
      const [image] = (await decoded(SAMPLE_WESTERN, widthMm)).images
      const band = densestBand(image)
      expect(band.bottom - band.top).toBeGreaterThan(widthMm === 80 ? 110 : 70)
      expect(image.dark(0, band.top, image.width, band.bottom)).toBeGreaterThan(0.25)
      // without a label there is no such band
      const [blank] = (await decoded({ ...SAMPLE_WESTERN, label: '' }, widthMm)).images
      const blankBand = densestBand(blank)
      expect(blankBand.bottom - blankBand.top).toBeLessThan(60)
    })
  }

  it('Star: the same raster in 24-row bands, a Star QR and a Star cut', async () => {
    const job = await decoded(SAMPLE, 80, 'star')
    expect(job.images).toHaveLength(1)
    expect(job.images[0].width).toBe(576)
    expect(job.qrPayloads).toEqual([SAMPLE.statusUrl])
    expect(job.cuts).toBe(1)
    const epson = (await decoded(SAMPLE, 80)).images[0]
    // Star pads the height to whole 24-row bands with white
    expect(job.images[0].height).toBe(Math.ceil(epson.height / 24) * 24)
    expect(job.images[0].dark(0, 0, 576, epson.height)).toBeCloseTo(epson.dark(0, 0, 576, epson.height), 6)
  })

  it('the raster is pure black and white', () => {
    const png = PNG.sync.read(renderTicket(SAMPLE, { widthMm: 80 }))
    const values = new Set<number>()
    for (let i = 0; i < png.data.length; i += 4)
      values
        .add(png.data[i])
        .add(png.data[i + 1])
        .add(png.data[i + 2])
    expect([...values].sort()).toEqual([0, 255])
  })

  it('Arabic-Indic digits change the Arabic lines, not the label (always Western: «A-٠١٥» reads as "A-·l٥") nor the layout', async () => {
    const arabic = (await decoded(SAMPLE, 80)).images[0]
    const western = (await decoded(SAMPLE_WESTERN, 80)).images[0]
    expect(arabic.png.equals(western.png)).toBe(false)
    expect(arabic.width).toBe(western.width)
    expect(arabic.height).toBe(western.height)
    const band = densestBand(western)
    expect(band.bottom - band.top).toBeGreaterThan(110)
    const differing = (top: number, bottom: number) => {
      let n = 0
      for (let y = top; y < bottom; y++) for (let x = 0; x < 576; x++) if (arabic.isDark(x, y) !== western.isDark(x, y)) n++
      return n
    }
    expect(differing(band.top, band.bottom)).toBe(0)
    // below the label: the date, people ahead and wait lines carry the Arabic-Indic figures
    expect(differing(band.bottom, western.height)).toBeGreaterThan(200)
  })

  it('the QR the printer draws from the payload scans back to the status URL', async () => {
    // The printer renders the QR itself; rendering the same payload proves it is a well-formed URL QR.
    const [payload] = (await decoded(SAMPLE, 58)).qrPayloads
    const png = PNG.sync.read(await QRCode.toBuffer(payload, { errorCorrectionLevel: 'M', scale: 4 }))
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(SAMPLE.statusUrl)
  })

  it('a non-ASCII status URL is percent-encoded; a non-URL is refused by name', async () => {
    const job = await decoded({ ...SAMPLE, statusUrl: 'https://tabour.example.eg/t/تذكرة' }, 58)
    expect(job.qrPayloads).toEqual(['https://tabour.example.eg/t/%D8%AA%D8%B0%D9%83%D8%B1%D8%A9'])
    await expect(buildTicketJob({ ...SAMPLE, statusUrl: 'not a url' }, { type: 'epson', widthMm: 80 })).rejects.toThrow(
      /statusUrl is not a URL/,
    )
  })

  it('long names wrap or shrink, never run off the paper', async () => {
    const long: TicketContent = {
      ...SAMPLE,
      centerName: {
        ar: 'المركز التكنولوجي لخدمة المواطنين بمجلس مدينة ومركز ومدينة القاهرة الجديدة التجمع الخامس',
        en: 'Citizen Service Technology Center of the City Council of New Cairo, Fifth Settlement',
      },
      serviceName: {
        ar: 'تجديد رخصة قيادة خاصة مع تغيير بيانات محل الإقامة',
        en: 'Renewal of a private driving licence with a change of address',
      },
      label: 'VIP-1234',
    }
    for (const widthMm of [58, 80] as const) {
      const [image] = (await decoded(long, widthMm)).images
      // the outermost 4 dots (inside the 14 dot margin) stay white
      expect(image.dark(0, 0, 4, image.height)).toBe(0)
      expect(image.dark(image.width - 4, 0, image.width, image.height)).toBe(0)
    }
  })

  it('every character on the ticket has a glyph in the bundled fonts (no host fallback)', () => {
    const files = ticketFontFiles()
    const covered = (family: string) => {
      const set = new Set<number>()
      for (const woff2 of files[family]) for (const c of woffCodePoints(woff2.replace(/\.woff2$/, '.woff'))) set.add(c)
      return set
    }
    const latin = covered(LATIN_FAMILY)
    const arabic = new Set([...covered(ARABIC_FAMILY), ...latin]) // Arabic lines fall through to Cairo
    const missing: string[] = []
    for (const content of [
      SAMPLE,
      SAMPLE_WESTERN,
      { ...SAMPLE, peopleAhead: 12, estimatedWaitSeconds: 4000 },
      { ...SAMPLE, peopleAhead: 0, estimatedWaitSeconds: 0 },
      { ...SAMPLE, priorityCategory: { ar: 'ذوو الهمم', en: 'People with disabilities' } },
      SAMPLE_APPOINTMENT,
      SAMPLE_TWO_STEPS,
    ]) {
      const text = ticketText(content)
      for (const [key, value] of Object.entries(text)) {
        const set = key.endsWith('Ar') ? arabic : latin
        for (const ch of value) if (!set.has(ch.codePointAt(0)!)) missing.push(`${key}: U+${ch.codePointAt(0)!.toString(16)} ${ch}`)
      }
    }
    expect(missing).toEqual([])
  })

  it('a long service name wraps over lines, all of it on the paper: no "…", no line wider than the printable width', () => {
    for (const widthMm of [58, 80] as const) {
      const service = ticketLayout(LONG_NAME, { widthMm }).filter((p) => p.key.startsWith('service'))
      expect(service.map((p) => p.key)).toEqual(['serviceAr', 'serviceEn'])
      for (const p of service) {
        const name = p.key === 'serviceAr' ? LONG_NAME.serviceName.ar : LONG_NAME.serviceName.en
        // every letter printed, in order (the breaks are the only difference)
        expect(
          p.lines
            .map((l) => l.text)
            .join('')
            .replace(/\s/g, ''),
        ).toBe(name.replace(/\s/g, ''))
        expect(p.lines.length).toBeGreaterThan(1)
        for (const line of p.lines) expect(line.width).toBeLessThanOrEqual(p.maxWidth)
      }
    }
  })

  for (const [name, content, file] of [
    ['the golden 80 mm Arabic ticket', SAMPLE, GOLDEN],
    ['the golden 80 mm ticket with a long service name', LONG_NAME, GOLDEN_LONG_NAME],
    ['the golden 80 mm ticket with documents to bring (issue 21)', SAMPLE_DOCUMENTS, GOLDEN_DOCUMENTS],
    ['the golden 80 mm ticket with nobody ahead and no counter serving (walk 2026-12-05)', SAMPLE_NOBODY_AHEAD, GOLDEN_NOBODY_AHEAD],
    ['the golden 80 mm ticket with the closing note (s42)', SAMPLE_CLOSING, GOLDEN_CLOSING],
  ] as const) {
    it(`matches ${name}`, async () => {
      const [image] = (await decoded(content, 80)).images
      if (process.env.UPDATE_GOLDEN === '1') {
        mkdirSync(dirname(file), { recursive: true })
        writeFileSync(file, image.png)
      }
      expect(existsSync(file), `${file} missing: run with UPDATE_GOLDEN=1`).toBe(true)
      const golden = PNG.sync.read(readFileSync(file))
      expect([image.width, image.height]).toEqual([golden.width, golden.height])
      let differing = 0
      for (let y = 0; y < golden.height; y++) {
        for (let x = 0; x < golden.width; x++) if (golden.data[(y * golden.width + x) * 4] < 128 !== image.isDark(x, y)) differing++
      }
      // A few edge pixels may move with another Skia build; a layout change moves thousands.
      expect(differing / (golden.width * golden.height)).toBeLessThan(0.005)
    })
  }
})

/**
 * How far the dots of a paragraph's first line on the decoded paper are from `words` drawn alone in
 * the paragraph's font at its baseline: the share of the line's rows that differ, over the dots
 * `words` inks. 0 when the paper shows exactly those words.
 */
function wordsMismatch(image: DecodedImage, p: LaidOutParagraph, words: string, rtl: boolean): number {
  registerTicketFonts()
  const canvas = createCanvas(image.width, image.height)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, image.width, image.height)
  ctx.fillStyle = '#000'
  ctx.font = p.font
  ctx.direction = rtl ? 'rtl' : 'ltr'
  ctx.textAlign = 'center'
  ctx.textBaseline = 'alphabetic'
  const { y } = p.lines[0]
  ctx.fillText(words, image.width / 2, y)
  const drawn = ctx.getImageData(0, 0, image.width, image.height).data
  // the line's own rows: a font size above the baseline, a little over half of one below (the ticket's line heights)
  let differing = 0
  let inked = 0
  for (let row = Math.max(0, y - p.size); row < Math.min(image.height, y + Math.ceil(p.size * 0.55)); row++) {
    for (let x = 0; x < image.width; x++) {
      const i = (row * image.width + x) * 4
      const dark = 0.2126 * drawn[i] + 0.7152 * drawn[i + 1] + 0.0722 * drawn[i + 2] < 160
      if (dark) inked++
      if (dark !== image.isDark(x, row)) differing++
    }
  }
  return differing / Math.max(1, inked)
}

describe('nobody ahead, on the paper (walk 2026-12-05, finding 1)', () => {
  it('the ESC/POS raster, decoded, shows «لا أحد أمامك الآن» and "Nobody ahead of you now", never "you are next"', async () => {
    const [image] = (await decoded(SAMPLE_NOBODY_AHEAD, 80)).images
    const layout = ticketLayout(SAMPLE_NOBODY_AHEAD, { widthMm: 80 })
    const ar = layout.find((p) => p.key === 'aheadAr')!
    const en = layout.find((p) => p.key === 'aheadEn')!
    expect([ar.lines.length, en.lines.length]).toEqual([1, 1])
    expect(wordsMismatch(image, ar, 'لا أحد أمامك الآن', true)).toBeLessThan(0.02)
    expect(wordsMismatch(image, en, 'Nobody ahead of you now', false)).toBeLessThan(0.02)
    // the check can tell words apart: the old promise drawn in the same place does not match
    expect(wordsMismatch(image, ar, 'أنت التالي', true)).toBeGreaterThan(0.3)
    expect(wordsMismatch(image, en, 'You are next', false)).toBeGreaterThan(0.3)
    // and the wait line beside it says no counter is serving
    expect(ticketText(SAMPLE_NOBODY_AHEAD)).toMatchObject({
      waitAr: 'الانتظار المتوقع: غير معروف، لا يوجد شباك يعمل الآن',
      waitEn: 'Estimated wait: unknown, no counter is serving now',
    })
  })
})

describe('the closing note on the paper (s42: the screen ticket said it, the paper did not)', () => {
  it('is printed under the wait in both languages, as the screen ticket words it; the decoded raster shows the words', async () => {
    // the default calendar serves the line out: the turn may come after closing, but it comes (s55: the paper
    // said "You may not be served before closing at 3:00 PM", read as "leave the line")
    expect(ticketText(SAMPLE_CLOSING)).toMatchObject({
      closingAr: 'قد يأتي دورك بعد الإغلاق الساعة ٣:٠٠\u00a0م، وتُخدم التذاكر المأخوذة قبل الإغلاق',
      closingEn: 'Your turn may come after closing at 3:00\u00a0PM; tickets taken before closing are still served',
    })
    // a ticket without a note has no such lines: the goldens above are the tickets as they were
    expect(ticketText(SAMPLE)).toMatchObject({ closingAr: '', closingEn: '' })
    const layout = ticketLayout(SAMPLE_CLOSING, { widthMm: 80 })
    const keys = layout.map((p) => p.key)
    expect(keys.slice(keys.indexOf('waitEn') + 1, keys.indexOf('scanAr'))).toEqual(['closingAr', 'closingEn'])
    for (const widthMm of [58, 80] as const) {
      for (const p of ticketLayout(SAMPLE_CLOSING, { widthMm }).filter((q) => q.key.startsWith('closing'))) {
        for (const line of p.lines) expect(line.width, `${widthMm} mm ${line.text}`).toBeLessThanOrEqual(p.maxWidth)
      }
    }
    const [image] = (await decoded(SAMPLE_CLOSING, 80)).images
    const ar = layout.find((p) => p.key === 'closingAr')!
    const en = layout.find((p) => p.key === 'closingEn')!
    // two lines each, the time whole on the first: never broken at its no-break space («م،» leading the second line)
    expect(ar.lines.map((l) => l.text)).toEqual(['قد يأتي دورك بعد الإغلاق الساعة ٣:٠٠\u00a0م،', 'وتُخدم التذاكر المأخوذة قبل الإغلاق'])
    expect(en.lines.map((l) => l.text)).toEqual([
      'Your turn may come after closing at 3:00\u00a0PM;',
      'tickets taken before closing are still served',
    ])
    expect(wordsMismatch(image, ar, 'قد يأتي دورك بعد الإغلاق الساعة ٣:٠٠ م،', true)).toBeLessThan(0.02)
    expect(wordsMismatch(image, en, 'Your turn may come after closing at 3:00 PM;', false)).toBeLessThan(0.02)
    // the calendar that cancels after closing: the plain sentence, its time whole on 58 mm too
    const cancelled = {
      ...SAMPLE_CLOSING,
      closing: { ...SAMPLE_CLOSING.closing!, kind: 'cancelled-past-close' as const, at: '2025-03-11T13:30:00.000Z' },
    }
    expect(ticketText(cancelled).closingEn).toBe('Your turn may come after closing; tickets not called by 3:30\u00a0PM are cancelled')
    for (const widthMm of [58, 80] as const) {
      const lines = ticketLayout(cancelled, { widthMm })
        .filter((p) => p.key.startsWith('closing'))
        .flatMap((p) => p.lines.map((l) => l.text))
      expect(
        lines.filter((l) => /^(م|PM)/.test(l)),
        `${widthMm} mm`,
      ).toEqual([])
    }
    // the check tells notes apart: another note drawn in the same place does not match
    expect(wordsMismatch(image, en, 'The center closes at 3:00 PM', false)).toBeGreaterThan(0.3)
    expect(wordsMismatch(image, ar, 'يغلق المركز الساعة ٣:٠٠ م', true)).toBeGreaterThan(0.3)
    // the day's close of a center open around the clock is worded as the screen words it, never "the center closes"
    const dayClose = ticketText({ ...SAMPLE_CLOSING, closing: { ...SAMPLE_CLOSING.closing!, kind: 'closing-soon', dayClose: true } })
    expect(dayClose.closingEn).not.toMatch(/center/i)
  })
})

describe('a checked-in appointment on the paper (docs/appointments.md; walk 2026-12-05, finding 2)', () => {
  it('is marked under the label with its slot in both languages, and the decoded raster shows the words', async () => {
    expect(ticketText(SAMPLE_APPOINTMENT)).toMatchObject({
      appointmentAr: 'موعد محجوز ١٠:٣٠\u00a0ص\u00a0— تم تسجيل الوصول',
      appointmentEn: 'Appointment 10:30\u00a0AM\u00a0— checked in',
    })
    expect(ticketText(SAMPLE)).toMatchObject({ appointmentAr: '', appointmentEn: '' })
    const layout = ticketLayout(SAMPLE_APPOINTMENT, { widthMm: 80 })
    const keys = layout.map((p) => p.key)
    // the label is drawn between the service and these lines; the date follows them
    expect(keys.slice(keys.indexOf('serviceEn') + 1, keys.indexOf('dateAr'))).toEqual(['appointmentAr', 'appointmentEn'])
    const [image] = (await decoded(SAMPLE_APPOINTMENT, 80)).images
    const ar = layout.find((p) => p.key === 'appointmentAr')!
    const en = layout.find((p) => p.key === 'appointmentEn')!
    expect(wordsMismatch(image, ar, 'موعد محجوز ١٠:٣٠ ص — تم تسجيل الوصول', true)).toBeLessThan(0.02)
    expect(wordsMismatch(image, en, 'Appointment 10:30 AM — checked in', false)).toBeLessThan(0.02)
    expect(wordsMismatch(image, en, 'Appointment 11:30 — checked in', false)).toBeGreaterThan(0.02)
    // a walk-in's ticket is as it was: the golden images above are unchanged
    expect((await decoded(SAMPLE, 80)).images[0].height).toBeLessThan(image.height - 50)
  })
})

describe('a visit of several steps on the paper (walk of 2026-12-07: nothing said the citizen would be called again)', () => {
  it('names the steps under the label in both languages, and the decoded raster shows the words', async () => {
    expect(ticketText(SAMPLE_TWO_STEPS)).toMatchObject({
      visitAr: 'زيارتك من خطوتين: استخراج شهادة ميلاد مميكنة ثم الخزينة',
      visitEn: 'Your visit has 2 steps: Computerized birth certificate, then Cashier',
    })
    expect(ticketText({ ...SAMPLE_TWO_STEPS, route: [...SAMPLE_TWO_STEPS.route!, { ar: 'المراجعة', en: 'Review' }] }).visitAr).toBe(
      'زيارتك من ٣ خطوات: استخراج شهادة ميلاد مميكنة ثم الخزينة ثم المراجعة',
    )
    // a visit of one step has no such lines: the goldens above are the tickets as they were
    expect(ticketText(SAMPLE)).toMatchObject({ visitAr: '', visitEn: '' })
    const layout = ticketLayout(SAMPLE_TWO_STEPS, { widthMm: 80 })
    const keys = layout.map((p) => p.key)
    expect(keys.slice(keys.indexOf('serviceEn') + 1, keys.indexOf('dateAr'))).toEqual(['visitAr', 'visitEn'])
    for (const widthMm of [58, 80] as const) {
      for (const p of ticketLayout(SAMPLE_TWO_STEPS, { widthMm }).filter((q) => q.key.startsWith('visit'))) {
        for (const line of p.lines) expect(line.width, `${widthMm} mm ${line.text}`).toBeLessThanOrEqual(p.maxWidth)
      }
    }
    const [image] = (await decoded(SAMPLE_TWO_STEPS, 80)).images
    const en = layout.find((p) => p.key === 'visitEn')!
    const ar = layout.find((p) => p.key === 'visitAr')!
    // all of it on the paper, over as many lines as it takes; the first drawn where laid out
    expect(en.lines.map((l) => l.text).join(' ')).toBe('Your visit has 2 steps: Computerized birth certificate, then Cashier')
    expect(wordsMismatch(image, en, en.lines[0]!.text, false)).toBeLessThan(0.02)
    expect(wordsMismatch(image, ar, ar.lines[0]!.text, true)).toBeLessThan(0.02)
    expect(wordsMismatch(image, en, 'Your visit has 3 steps: Review', false)).toBeGreaterThan(0.02)
    expect((await decoded(SAMPLE, 80)).images[0].height).toBeLessThan(image.height - 50)
  })
})

describe('ticket text', () => {
  it('Arabic counts agree with their noun; English is plain', () => {
    const t = (peopleAhead: number, minutes: number, digits: TicketContent['digits'] = 'arabic-indic') =>
      ticketText({ ...SAMPLE, peopleAhead, estimatedWaitSeconds: minutes * 60, digits })
    expect(t(0, 0).aheadAr).toBe('لا أحد أمامك الآن')
    expect(t(0, 0).aheadEn).toBe('Nobody ahead of you now')
    expect(t(0, 0).waitEn).toBe('Estimated wait: less than a minute')
    expect(t(1, 1).aheadAr).toBe('أمامك شخص واحد')
    expect(t(2, 2).waitAr).toBe('الانتظار المتوقع: حوالي دقيقتين')
    expect(t(3, 15).aheadAr).toBe('أمامك ٣ أشخاص')
    expect(t(3, 15).aheadEn).toBe('3 people ahead of you')
    expect(t(3, 15).waitAr).toBe('الانتظار المتوقع: حوالي ١٥ دقيقة')
    expect(t(3, 7, 'western').waitAr).toBe('الانتظار المتوقع: حوالي 7 دقائق')
    expect(t(11, 73).aheadAr).toBe('أمامك ١١ شخصًا')
    expect(t(11, 73).waitAr).toBe('الانتظار المتوقع: حوالي ساعة و١٥ دقيقة')
    expect(t(11, 73).waitEn).toBe('Estimated wait: about 1 hour 15 minutes')
    // 103 is 3 again for the noun (CLDR "few"), not 11
    expect(t(103, 73).aheadAr).toBe('أمامك ١٠٣ أشخاص')
    // the label keeps Western digits under either setting (protocol/messages/digits.ts)
    expect(t(1, 1).label).toBe('A-015')
    expect(t(1, 1, 'western').label).toBe('A-015')
  })

  it('dates are in the center’s zone', () => {
    const text = ticketText(SAMPLE)
    expect(text.dateAr).toBe('الثلاثاء ١١ مارس ٢٠٢٥ - ١٠:٣٤ ص')
    expect(text.dateEn).toBe('Tue 11 Mar 2025, 10:34 AM')
    // 23:30 UTC is already the next day in Cairo
    expect(ticketText({ ...SAMPLE, issuedAt: Date.UTC(2025, 2, 11, 23, 30), digits: 'western' }).dateEn).toBe('Wed 12 Mar 2025, 1:30 AM')
  })

  it('a ticket taken in the noon hour says 12, not 0 (en-GB with hour12 counts 0–11), and midnight 12 AM', () => {
    // 10:05 UTC is 12:05 in Cairo (UTC+2 in March 2025)
    const noon = ticketText({ ...SAMPLE, issuedAt: Date.UTC(2025, 2, 11, 10, 5), digits: 'western' })
    expect(noon.dateEn).toBe('Tue 11 Mar 2025, 12:05 PM')
    expect(noon.dateAr).toBe('الثلاثاء 11 مارس 2025 - 12:05 م')
    expect(ticketText({ ...SAMPLE, issuedAt: Date.UTC(2025, 2, 11, 22, 5), digits: 'western' }).dateEn).toBe('Wed 12 Mar 2025, 12:05 AM')
  })
})

describe('what to bring on the ticket (issue 21)', () => {
  it('the documents follow the ticket as it was: the same rows above them, then the heading and each document in both languages', async () => {
    const [plain] = (await decoded(SAMPLE, 80)).images
    const [withDocs] = (await decoded(SAMPLE_DOCUMENTS, 80)).images
    expect(withDocs.height).toBeGreaterThan(plain.height + 150)
    // inserted, not redrawn: the top down to the wait is the same, and so is the "scan" line at the bottom
    const firstDifferent = Array.from({ length: plain.height }, (_, y) => y).find((y) =>
      Array.from({ length: plain.width }, (_, x) => x).some((x) => plain.isDark(x, y) !== withDocs.isDark(x, y)),
    )!
    const band = densestBand(plain)
    expect(firstDifferent).toBeGreaterThan(band.bottom + 200)
    let bottomDiffering = 0
    for (let y = 1; y <= 90; y++)
      for (let x = 0; x < plain.width; x++)
        if (plain.isDark(x, plain.height - y) !== withDocs.isDark(x, withDocs.height - y)) bottomDiffering++
    expect(bottomDiffering).toBe(0)
    const layout = ticketLayout(SAMPLE_DOCUMENTS, { widthMm: 80 })
    const keys = layout.map((p) => p.key)
    expect(keys.slice(keys.indexOf('waitEn') + 1, keys.indexOf('scanAr'))).toEqual([
      'bringAr',
      'bringEn',
      'documentAr0',
      'documentEn0',
      'documentAr1',
      'documentEn1',
      'documentAr2',
      'documentEn2',
    ])
    for (const p of layout) for (const line of p.lines) expect(line.width).toBeLessThanOrEqual(p.maxWidth)
    // the long utility-bill line wraps whole, without "…"
    const bill = layout.find((p) => p.key === 'documentAr2')!
    expect(bill.lines.map((l) => l.text).join(' ')).toBe(`• ${SAMPLE_DOCUMENTS.documents![2].ar}`)
  })

  it('a ticket with no documents has no heading: the existing goldens stay byte-identical', async () => {
    const a = await buildTicketJob(SAMPLE, { type: 'epson', widthMm: 80 })
    const b = await buildTicketJob({ ...SAMPLE, documents: [] }, { type: 'epson', widthMm: 80 })
    expect(Buffer.compare(a, b)).toBe(0)
    expect(ticketText(SAMPLE)).toMatchObject({ bringAr: '', bringEn: '', documents: [] })
  })

  it('every character of the document lines has a glyph in the bundled fonts', () => {
    const files = ticketFontFiles()
    const covered = (family: string) => {
      const set = new Set<number>()
      for (const woff2 of files[family]) for (const c of woffCodePoints(woff2.replace(/\.woff2$/, '.woff'))) set.add(c)
      return set
    }
    const latin = covered(LATIN_FAMILY)
    const arabic = new Set([...covered(ARABIC_FAMILY), ...latin])
    const text = ticketText(SAMPLE_DOCUMENTS)
    const lines: [string, Set<number>][] = [
      [text.bringAr, arabic],
      [text.bringEn, latin],
      ...text.documents.flatMap((d): [string, Set<number>][] => [
        [d.ar, arabic],
        [d.en, latin],
      ]),
    ]
    const missing = lines.flatMap(([line, set]) => [...line].filter((ch) => !set.has(ch.codePointAt(0)!)))
    expect(missing).toEqual([])
  })
})
