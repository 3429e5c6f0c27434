import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromium, type Browser, type Page } from 'playwright-core'
import { createServer, type Server } from 'node:http'
import { readFile } from 'node:fs/promises'
import { join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { allClipNames, composeCall } from '../../../display-ui/announcer/compose.ts'
import { CHROMIUM_PATH } from '../../e2e/browser.ts'
import type { createAnnouncer as CreateAnnouncer } from '../../../display-ui/announcer/index.ts'

/**
 * The real thing in headless Chromium: the committed clips decode, and the announcer built by
 * `createAnnouncer` plays calls through Web Audio one after another. The announcer's modules are
 * served straight from their .ts sources (type-stripped), so this test does not depend on the
 * display page or a vite build.
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const ANNOUNCER = join(ROOT, 'display-ui', 'announcer')
const SOUNDS = join(ROOT, 'display-ui', 'public', 'sounds')

async function answer(path: string): Promise<{ type: string; body: string | Buffer } | null> {
  // a test page of its own (not the display): the factory on window, for page.evaluate
  if (path === '/display/') {
    const script = "import { createAnnouncer } from '/lib/index.ts'; window.createAnnouncer = createAnnouncer"
    return { type: 'text/html', body: `<!doctype html><title>announcer</title><script type="module">${script}</script>` }
  }
  if (path.startsWith('/lib/') && path.endsWith('.ts')) {
    const source = await readFile(join(ANNOUNCER, normalize(path.slice(5))), 'utf8')
    const js = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText
    return { type: 'text/javascript', body: js }
  }
  // a clip folder where the letters are missing
  if (path.startsWith('/partial/')) return path.includes('letter-') ? null : answer(`/sounds/${path.slice(9)}`)
  if (path.startsWith('/sounds/')) return { type: 'audio/ogg', body: await readFile(join(SOUNDS, normalize(path.slice(8)))) }
  return null
}

describe('the announcer in headless Chromium', () => {
  let server: Server
  let browser: Browser
  let page: Page
  let base: string
  const warnings: string[] = []

  beforeAll(async () => {
    server = createServer((request, response) => {
      answer(new URL(request.url ?? '/', 'http://x').pathname)
        .then((found) => {
          if (!found) throw new Error('not found')
          response.writeHead(200, { 'content-type': found.type }).end(found.body)
        })
        .catch(() => response.writeHead(404).end())
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const address = server.address()
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      // what a real display kiosk runs with: sound without a click first
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--autoplay-policy=no-user-gesture-required'],
    })
    page = await browser.newPage()
    page.on('console', (message) => {
      if (message.type() === 'warning' || message.type() === 'error') warnings.push(message.text())
    })
    await page.goto(`${base}/display/`)
    await page.waitForFunction(() => 'createAnnouncer' in window)
  })

  afterAll(async () => {
    await browser?.close()
    await new Promise((resolve) => server?.close(resolve))
  })

  it('decodes every committed clip', async () => {
    const names = allClipNames()
    const durations = await page.evaluate(async (names) => {
      const context = new OfflineAudioContext(1, 16000, 16000)
      const out: Record<string, number> = {}
      for (const name of names) {
        const data = await (await fetch(`../sounds/${name}.ogg`)).arrayBuffer()
        out[name] = (await context.decodeAudioData(data)).duration
      }
      return out
    }, names)
    expect(Object.keys(durations)).toHaveLength(names.length)
    for (const [name, duration] of Object.entries(durations)) {
      if (name.startsWith('pause')) continue
      expect(duration, name).toBeGreaterThan(0.2)
      expect(duration, name).toBeLessThan(2.5)
    }
    expect(durations.pause).toBeCloseTo(0.5, 1)
  })

  it('speaks two quick calls one after the other, each as long as its clips laid end to end', async () => {
    const a = { label: 'A-015', counterNumber: 3, recall: false }
    const b = { label: 'B-999', counterNumber: 25, recall: true }
    // Arabic only, to keep the test short; the composer tests cover both languages
    const languages = ['ar'] as const
    const result = await page.evaluate(
      async ({ a, b, languages }) => {
        const createAnnouncer = (window as unknown as { createAnnouncer: typeof CreateAnnouncer }).createAnnouncer
        // the chime and the long form, as this test was written for (the display's default is short and plain)
        const announcer = createAnnouncer({ clipsUrl: new URL('../sounds/', location.href).href, languages, chime: true, form: 'long' })
        await announcer.unlock()
        announcer.announce(a)
        announcer.announce(b)
        const deadline = performance.now() + 40_000
        while (announcer.log.some((r) => r.state === 'queued' || r.state === 'playing')) {
          if (performance.now() > deadline) break
          await new Promise((r) => setTimeout(r, 50))
        }
        const log = JSON.parse(JSON.stringify(announcer.log))
        announcer.close()
        return log as Array<{ state: string; clips: string[]; startedAt: number; endedAt: number }>
      },
      { a, b, languages },
    )
    expect(result.map((r) => r.state)).toEqual(['done', 'done'])
    expect(result[0].clips).toEqual(composeCall(a, { languages, chime: true }))
    expect(result[1].startedAt).toBeGreaterThanOrEqual(result[0].endedAt)

    const lengthOf = (names: string[]) =>
      page.evaluate(async (names) => {
        const context = new OfflineAudioContext(1, 16000, 16000)
        let total = 0
        for (const name of names)
          total += (await context.decodeAudioData(await (await fetch(`../sounds/${name}.ogg`)).arrayBuffer())).duration
        return total
      }, names)
    const took = (r: { startedAt: number; endedAt: number }) => (r.endedAt - r.startedAt) / 1000
    // the first call also fetches and decodes its clips (~0.5 s from a cold page on an idle machine)
    expect(took(result[0])).toBeGreaterThan(await lengthOf(result[0].clips))
    expect(took(result[0])).toBeLessThan((await lengthOf(result[0].clips)) + 3)
    // the second is already loaded: it lasts its clips' length (+ the 50 ms start lead), so no gaps and nothing cut off
    const second = await lengthOf(result[1].clips)
    expect(took(result[1])).toBeGreaterThan(second)
    expect(took(result[1])).toBeLessThan(second + 0.5)
    expect(warnings.filter((w) => w.includes('[announcer]'))).toEqual([])
  }, 60_000)

  it('a missing clip is skipped (and logged), the rest of the call still plays', async () => {
    const state = await page.evaluate(async () => {
      const createAnnouncer = (window as unknown as { createAnnouncer: typeof CreateAnnouncer }).createAnnouncer
      const announcer = createAnnouncer({
        clipsUrl: new URL('../partial/', location.href).href,
        languages: ['en'],
        chime: false,
        preload: false,
      })
      announcer.announce({ label: 'Z-1', counterNumber: 1, recall: false })
      while (announcer.log[0].state !== 'done' && announcer.log[0].state !== 'failed') await new Promise((r) => setTimeout(r, 50))
      return announcer.log[0].state
    })
    expect(state).toBe('done')
    expect(warnings.join('\n')).toMatch(/clip en\/letter-z skipped: HTTP 404/)
  }, 20_000)
})
