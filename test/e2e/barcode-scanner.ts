import type { Page } from 'playwright-core'

/** How far apart a USB barcode scanner's keystrokes are stamped: a few milliseconds. */
const KEY_GAP_MS = 5

/**
 * Types `text` and Enter as a USB barcode scanner does: key events stamped a few milliseconds
 * apart. The stamps are given to Chromium (CDP `timestamp`, which becomes the event's
 * `timeStamp`), as the operating system stamps a scanner's keys when they arrive. Playwright's
 * `keyboard.type` stamps each key when its round trip reaches the page instead, and on a loaded
 * test machine one round trip took longer than the kiosk's gap between two scans
 * (SCANNER_GAP_MS): the scan was split and never sent, a fault of the test, not of the kiosk.
 */
export async function scanWithBarcodeReader(page: Page, text: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  try {
    const start = Date.now() / 1000
    const keys = [...text].map((ch) => ({ key: ch, text: ch, unmodifiedText: ch }))
    keys.push({ key: 'Enter', text: '\r', unmodifiedText: '\r' })
    for (const [i, key] of keys.entries()) {
      const timestamp = start + (i * KEY_GAP_MS) / 1000
      const enter = key.key === 'Enter' ? { code: 'Enter', windowsVirtualKeyCode: 13 } : {}
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...key, ...enter, timestamp })
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: key.key, ...enter, timestamp })
    }
  } finally {
    await cdp.detach()
  }
}
