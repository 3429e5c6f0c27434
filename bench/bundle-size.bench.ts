/**
 * The gzip size of what each UI page loads (its scripts, module preloads and stylesheets, fonts
 * excluded), from a fresh production build. Goal for the kiosk: under 60 KB gzip.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'

const PAGES = ['kiosk-ui/index.html', 'kiosk-ui/status.html', 'display-ui/index.html', 'counter-ui/index.html', 'dashboard-ui/index.html']

export function bundleSizeBench(): void {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  const dist = join(process.cwd(), 'dist', 'ui')
  const rows = PAGES.map((page) => {
    const html = readFileSync(join(dist, page), 'utf8')
    const assets = [...new Set([...html.matchAll(/(?:src|href)="\.\.\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]))]
    const raw = assets.map((a) => readFileSync(join(dist, a)))
    const gzip = raw.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0)
    return {
      page,
      files: assets.length,
      'raw KB': +(raw.reduce((s, b) => s + b.length, 0) / 1024).toFixed(1),
      'gzip KB': +(gzip / 1024).toFixed(1),
    }
  })
  console.log('\n## UI bundles (JS + CSS each page loads, fonts excluded)')
  console.table(rows)
}

// `npx tsx bench/bundle-size.bench.ts` alone runs it too; bench/run-all.ts imports it and calls it itself
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) bundleSizeBench()
