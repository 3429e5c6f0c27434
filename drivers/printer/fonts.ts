import { createRequire } from 'node:module'
import { GlobalFonts } from '@napi-rs/canvas'

/** Family for Arabic lines: Noto Naskh Arabic's Arabic subset; digits and punctuation fall through to LATIN_FAMILY. */
export const ARABIC_FAMILY = 'Tabour Naskh'
/** Family for English lines and the big label: Cairo (Latin, plus its Arabic subset for Arabic-Indic digits). */
export const LATIN_FAMILY = 'Tabour Cairo'

// The woff2 files @fontsource ships (OFL). Skia reads woff2 directly. Names under our own
// family aliases, so a host that has "Noto Naskh Arabic" installed cannot substitute its
// version: a ticket looks the same on every box.
const FILES: Record<string, string[]> = {
  [ARABIC_FAMILY]: [
    '@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff2',
    '@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-700-normal.woff2',
  ],
  [LATIN_FAMILY]: [
    '@fontsource/cairo/files/cairo-latin-400-normal.woff2',
    '@fontsource/cairo/files/cairo-latin-700-normal.woff2',
    '@fontsource/cairo/files/cairo-latin-900-normal.woff2',
    '@fontsource/cairo/files/cairo-arabic-700-normal.woff2',
    '@fontsource/cairo/files/cairo-arabic-900-normal.woff2',
  ],
}

/** Font files that replace the bundled ones: `arabic` for the Arabic lines, `latin` for the English lines, digits and the label. */
export interface TicketFontFiles {
  arabic?: string
  latin?: string
}

let registered = false

/** The absolute paths of every font file the ticket uses, by family. */
export function ticketFontFiles(): Record<string, string[]> {
  const require = createRequire(import.meta.url)
  return Object.fromEntries(Object.entries(FILES).map(([family, specs]) => [family, specs.map((s) => require.resolve(s))]))
}

/**
 * Registers the ticket fonts with @napi-rs/canvas once per process (later calls do nothing);
 * `files` (the center's `printing.fonts`) replace a bundled family by one file of the host's.
 * Throws, naming the file, when a font is missing or unreadable: a ticket drawn in a
 * fallback font could be unreadable, so it is better not to print at all.
 */
export function registerTicketFonts(files: TicketFontFiles = {}): void {
  if (registered) return
  const bundled = ticketFontFiles()
  const chosen = {
    [ARABIC_FAMILY]: files.arabic ? [files.arabic] : bundled[ARABIC_FAMILY],
    [LATIN_FAMILY]: files.latin ? [files.latin] : bundled[LATIN_FAMILY],
  }
  for (const [family, paths] of Object.entries(chosen)) {
    for (const path of paths) {
      if (!GlobalFonts.registerFromPath(path, family)) throw new Error(`ticket font could not be registered: ${path}`)
    }
  }
  registered = true
}
