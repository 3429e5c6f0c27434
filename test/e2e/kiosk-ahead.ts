import type { Page } from 'playwright-core'

/**
 * Resolves once the kiosk's tile of `serviceId` says `count` people are ahead of a ticket taken now: a figure the page had
 * not when it was made reached it over the live feed. Reads through the app's and the grid's
 * shadow roots, as the page renders them.
 */
export async function kioskAheadReaches(page: Page, serviceId: number, count: number): Promise<void> {
  await page.waitForFunction(
    ([id, n]) =>
      document
        .querySelector('tabour-kiosk-app')
        ?.shadowRoot?.querySelector('tabour-service-grid')
        ?.shadowRoot?.querySelector(`[data-service-id="${id}"] [data-ahead]`)?.textContent === String(n),
    [serviceId, count] as const,
  )
}
