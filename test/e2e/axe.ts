import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

/** One axe-core finding, trimmed to what a failing test should print. */
export interface AxeFinding {
  id: string
  impact: string
  help: string
  targets: string[]
}

/**
 * Runs axe-core (WCAG 2 A/AA rules) on the page as it is now, shadow roots included, and returns
 * the serious and critical findings. Throws when axe-core is not installed: an accessibility
 * check that quietly does nothing would pass for the wrong reason.
 */
export async function seriousAxeFindings(page: Page): Promise<AxeFinding[]> {
  const path = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
  await page.addScriptTag({ path })
  const findings = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: unknown[] }> } }).axe
    const { violations } = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } })
    return violations as { id: string; impact: string; help: string; nodes: { target: unknown[] }[] }[]
  })
  return findings
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target)) }))
}
