import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'

/**
 * README tells to run one benchmark as `npx tsx bench/<name>.bench.ts`: each file that exports a
 * `…Bench` function must call it when it is the script node runs (bench/run-all.ts imports them
 * and calls them itself). bench/bundle-size.bench.ts only exported it, and alone printed nothing.
 */
const BENCH = join(import.meta.dirname, '..', '..', 'bench')

it('every bench file runs its benchmark when run alone', () => {
  const files = readdirSync(BENCH).filter((f) => f.endsWith('.bench.ts'))
  expect(files.length).toBeGreaterThan(5)
  const silent = files.filter((file) => {
    const code = readFileSync(join(BENCH, file), 'utf8')
    const exported = [...code.matchAll(/export (?:async )?function (\w+Bench)\(/g)].map((m) => m[1]!)
    if (exported.length === 0) return false
    // the guard: "this module is process.argv[1]", then a call of one of its benchmarks
    const guard =
      /^if \(import\.meta\.url === (?:pathToFileURL\(process\.argv\[1\][^)]*\)\.href|`file:\/\/\$\{process\.argv\[1\]\}`)\) (?:await )?(\w+)\(/m.exec(
        code,
      )
    return !guard || !exported.includes(guard[1]!)
  })
  expect(silent).toEqual([])
})
