import { expect, it } from 'vitest'
import { PORTRAIT, useBrowserSuite } from './browser.ts'
import { seriousAxeViolations } from './axe.ts'
import { join } from 'node:path'
import { ROOT } from './ui-build.ts'

/** The accessibility check every e2e file leans on finds what it promises (test/e2e/axe.ts). */
const suite = useBrowserSuite(join(ROOT, 'test-results', 'axe-helper'))

it('finds a serious WCAG violation and every structure violation, and passes a sound page', async () => {
  const page = await suite.contexts.page(PORTRAIT)
  await page.setContent(
    '<html lang="en"><head><title>t</title></head><body><main><img src="x.png"></main><main><p>b</p></main></body></html>',
  )
  const ids = (await seriousAxeViolations(page)).map((f) => f.id).sort()
  expect(ids).toEqual(['image-alt', 'landmark-no-duplicate-main', 'landmark-unique', 'page-has-heading-one'])

  await page.setContent('<html lang="en"><head><title>t</title></head><body><main><h1>One</h1><h1>Two</h1></main></body></html>')
  expect((await seriousAxeViolations(page)).map((f) => f.id)).toEqual(['one-h1'])

  await page.setContent(
    '<html lang="en"><head><title>t</title></head><body><main><h1>Tabour</h1><img src="x.png" alt="logo"></main></body></html>',
  )
  expect(await seriousAxeViolations(page)).toEqual([])
})
