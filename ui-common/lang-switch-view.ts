/**
 * The language switch's markup and styles as plain functions: `<tabour-lang-switch>`
 * (lang-switch.ts) renders them, and the center renders the same into a kiosk's page as part of
 * its first screen before the page's script has run (server/first-screen/, issue 22).
 */
import { css, html, type CSSResultGroup, type TemplateResult } from 'lit'
import { LANG_NATIVE_NAMES, otherLang, type Lang } from './i18n.ts'
import { themeStyles } from './theme.ts'
import { commonText } from '../protocol/messages/common.ts'

/** The switch's shadow-root styles. */
export const langSwitchStyles: CSSResultGroup = [
  themeStyles,
  css`
    :host {
      display: inline-block;
    }
    button {
      min-block-size: var(--tabour-touch-min);
      min-inline-size: var(--tabour-touch-min);
      padding-block: var(--tabour-space-1);
      padding-inline: var(--tabour-space-3);
      border: 3px solid var(--tabour-on-primary);
      border-radius: var(--tabour-radius);
      background: var(--tabour-primary);
      color: var(--tabour-on-primary);
      font: inherit;
      font-size: var(--tabour-text-base);
      font-weight: 700;
      line-height: 1.2;
      cursor: pointer;
      touch-action: manipulation;
    }
    button:active {
      background: var(--tabour-accent);
      color: var(--tabour-on-accent);
    }
  `,
]

/** One large button offering the other language than `lang`, labelled in that language. */
export function langSwitchTemplate(lang: Lang, onClick: () => void = () => undefined): TemplateResult {
  const target = otherLang(lang)
  return html`
    <button
      type="button"
      part="button"
      aria-label=${`${commonText('langSwitch.label', lang)}: ${LANG_NATIVE_NAMES[target]}`}
      @click=${onClick}
    >
      <span lang=${target}>${LANG_NATIVE_NAMES[target]}</span>
    </button>
  `
}
