/**
 * The UIs' fonts, bundled by vite (woff2 + woff files in dist/ui/assets) so a kiosk never
 * depends on the fonts of the machine it runs on. Import once from an app's entry module.
 * Each @font-face has a unicode-range: a page downloads only the subsets it shows.
 * Cairo (Arabic + Latin) is the screen face; Noto Naskh Arabic backs up the theme's stack for
 * Arabic only: its fontsource package also has Latin subsets, and with them the staff screens
 * (FONT_STACK, Naskh first) wrote English and every digit in Naskh's serif Latin instead of
 * falling through to Cairo, as theme.ts means them to.
 */
import '@fontsource/cairo/400.css'
import '@fontsource/cairo/700.css'
import '@fontsource/noto-naskh-arabic/arabic-400.css'
import '@fontsource/noto-naskh-arabic/arabic-700.css'
