import type { Page } from 'playwright-core'

/**
 * What spills: every element matching `selector` (shadow roots pierced) whose content is wider
 * than its own box or that reaches past the window's sides, and the page itself when it scrolls
 * sideways; each as "what (numbers)". A screen whose names wrap returns []. Boxes that scroll
 * on purpose (overflow auto or scroll) are measured by their outer box only.
 */
export async function overflowing(page: Page, selector: string): Promise<string[]> {
  const found = await page.locator(selector).evaluateAll((els) =>
    els.flatMap((el) => {
      const box = el.getBoundingClientRect()
      const scrolls = /auto|scroll/.test(getComputedStyle(el).overflowX)
      const what = `${el.localName}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)}"`
      const out: string[] = []
      if (!scrolls && el.scrollWidth > el.clientWidth + 1) out.push(`${what}: content ${el.scrollWidth} px in a ${el.clientWidth} px box`)
      if (box.left < -1 || box.right > innerWidth + 1)
        out.push(`${what}: ${Math.round(box.left)}..${Math.round(box.right)} outside 0..${innerWidth}`)
      return out
    }),
  )
  const page_ = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: innerWidth }))
  if (page_.scroll > page_.width + 1) found.push(`the page scrolls sideways: ${page_.scroll} px in a ${page_.width} px window`)
  return found
}
