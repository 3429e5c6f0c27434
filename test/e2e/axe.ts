import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const require = createRequire(import.meta.url)
// evaluated through the DevTools protocol, not added as a <script>: the pages' CSP allows no inline script
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

/** axe-core's impact levels, least severe first. */
export type AxeImpact = 'minor' | 'moderate' | 'serious' | 'critical'
const IMPACTS: AxeImpact[] = ['minor', 'moderate', 'serious', 'critical']

/**
 * The structure every screen must have whatever the impact asked for: an h1, landmarks that can
 * be told apart and no landmark twice. axe files these under best practice (impact moderate),
 * so a WCAG-tag run alone would not look at them.
 */
const STRUCTURE_RULES = [
  'page-has-heading-one',
  'landmark-unique',
  'landmark-no-duplicate-banner',
  'landmark-no-duplicate-contentinfo',
  'landmark-no-duplicate-main',
  'landmark-banner-is-top-level',
  'landmark-main-is-top-level',
  'landmark-contentinfo-is-top-level',
]

/** One axe-core finding, trimmed to what a failing assertion should print. */
export interface AxeFinding {
  id: string
  impact: string | null
  help: string
  targets: string[]
}

/**
 * Runs axe-core over the page as it is now (WCAG 2.x A and AA rules plus the structure rules
 * above, shadow roots included) and returns the violations of impact `atLeast` or worse
 * (default serious, so serious and critical), every structure violation, and a finding
 * `one-h1` when the screen shows more than one h1 (axe only asks for at least one); a test
 * expects none.
 */
export async function seriousAxeViolations(page: Page, atLeast: AxeImpact = 'serious'): Promise<AxeFinding[]> {
  // once per document: a page checked again (another language, another state) already has it
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE)
  const minimum = IMPACTS.indexOf(atLeast)
  const found = await page.evaluate(
    async ({ structure, wanted }) => {
      type Axe = { run: (ctx: unknown, opts: unknown) => Promise<{ violations: any[] }> }
      const axe = (window as unknown as { axe: Axe }).axe
      // one pass over the page: the WCAG tags, and the structure rules enabled beside them (axe runs
      // a rule given in `rules` in addition to `runOnly`'s); two runs cost every check twice the DOM walk
      const rules = Object.fromEntries(structure.map((id) => [id, { enabled: true }]))
      // every rule still runs on every node; only violations are read, so axe describes no passing node
      // (resultTypes: one node per passed, incomplete or inapplicable rule instead of a selector for each)
      // and prints no HTML (noHtml: a finding is its selector): the kiosk home's run took about a third less
      const { violations } = await axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] },
        rules,
        resultTypes: ['violations'],
        noHtml: true,
      })
      const findings = violations
        .filter((v) => structure.includes(v.id) || wanted.includes(v.impact))
        .map((v) => ({
          id: v.id as string,
          impact: v.impact as string | null,
          help: v.help as string,
          targets: v.nodes.map((n: { target: unknown }) => JSON.stringify(n.target)),
        }))
      // every h1 in the document and in open shadow roots that is rendered (visually hidden counts)
      const h1s: string[] = []
      const walk = (root: Document | ShadowRoot) => {
        for (const el of root.querySelectorAll('*')) {
          if (el.localName === 'h1' && el.getClientRects().length > 0) h1s.push((el.textContent ?? '').trim())
          if (el.shadowRoot) walk(el.shadowRoot)
        }
      }
      walk(document)
      if (h1s.length > 1) findings.push({ id: 'one-h1', impact: 'moderate', help: 'A screen has one h1', targets: h1s })
      return findings
    },
    { structure: STRUCTURE_RULES, wanted: IMPACTS.slice(minimum) },
  )
  return found
}
