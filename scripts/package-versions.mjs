#!/usr/bin/env node
// One version for the repository and every @tabour/* package (docs/packages.md).
//   npm run versions             checks: exits 1 naming each package whose version differs from the root's
//   npm run versions -- 0.2.0    sets the root and every package to 0.2.0 (then `npm install` updates the lock)
// test/ops/package-versions.test.ts runs the check, so CI fails on a package left behind.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../', import.meta.url))
const read = (dir) => JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'))
const rootJson = read('.')
const folders = rootJson.workspaces

const target = process.argv[2]
if (target !== undefined) {
  if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(target)) {
    console.error(`not a version: ${target} (expected e.g. 0.2.0)`)
    process.exit(2)
  }
  for (const dir of ['.', ...folders]) {
    const json = read(dir)
    json.version = target
    writeFileSync(join(root, dir, 'package.json'), `${JSON.stringify(json, null, 2)}\n`)
  }
  console.log(`tabour and ${folders.length} packages: ${target} (run npm install to update package-lock.json)`)
} else {
  const behind = folders.map((dir) => ({ dir, json: read(dir) })).filter(({ json }) => json.version !== rootJson.version)
  for (const { dir, json } of behind)
    console.error(`${dir}/package.json: ${json.name}@${json.version}, the repository is at ${rootJson.version}`)
  if (behind.length > 0) process.exit(1)
  console.log(`tabour and ${folders.length} packages at ${rootJson.version}`)
}
