import type { Page } from 'playwright-core'

/**
 * Resolves once the kiosk's tile of `serviceId` says `count` people are ahead of a ticket taken now: a figure the page had
 * not when it was made reached it over the live feed. The tile carries the figure in `data-ahead` and says it in words
 * (0 is «لا أحد أمامك» / "No one ahead of you", never a 0): the attribute is read, not the words. Reads through the
 * app's and the grid's shadow roots, as the page renders them.
 */
export async function kioskAheadReaches(page: Page, serviceId: number, count: number): Promise<void> {
  await page.waitForFunction(
    ([id, n]) =>
      document
        .querySelector('tabour-kiosk-app')
        ?.shadowRoot?.querySelector('tabour-service-grid')
        ?.shadowRoot?.querySelector(`[data-service-id="${id}"] [data-ahead]`)
        ?.getAttribute('data-ahead') === String(n),
    [serviceId, count] as const,
  )
}
