/**
 * The UIs' fonts, bundled by vite (woff2 + woff files in dist/ui/assets) so a kiosk never
 * depends on the fonts of the machine it runs on. Import once from an app's entry module.
 * Each @font-face has a unicode-range: a page downloads only the subsets it shows.
 * Cairo (Arabic + Latin) is the screen face; Noto Naskh Arabic backs up the theme's stack.
 */
import '@fontsource/cairo/400.css'
import '@fontsource/cairo/700.css'
import '@fontsource/noto-naskh-arabic/400.css'
import '@fontsource/noto-naskh-arabic/700.css'
