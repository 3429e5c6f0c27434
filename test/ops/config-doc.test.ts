import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CONFIG_DOC, CONFIG_EXAMPLE, configRows, renderConfigDoc } from '../../server/cli/config-doc.ts'
import { ConfigSchema, validateConfig } from '../../server/config.ts'

/** Every leaf key path of a TypeBox object schema. */
function leafKeys(schema: any, prefix = ''): string[] {
  return Object.entries<any>(schema.properties).flatMap(([name, sub]) => {
    const key = prefix ? `${prefix}.${name}` : name
    return sub.type === 'object' && sub.properties ? leafKeys(sub, key) : [key]
  })
}

describe('deploy/CONFIG.md', () => {
  it('is the one generated from the schema (run npm run docs:config after changing server/config.ts)', () => {
    expect(readFileSync(CONFIG_DOC, 'utf8')).toBe(renderConfigDoc())
  })

  it('documents every key of the schema, with a comment for each', () => {
    const doc = readFileSync(CONFIG_DOC, 'utf8')
    const keys = leafKeys(ConfigSchema)
    expect(keys.length).toBeGreaterThan(20)
    for (const key of keys) expect(doc, key).toContain(`| \`${key}\` |`)
    for (const row of configRows()) expect(row.doc, `${row.key} has no JSDoc comment in server/config.ts`).not.toBe('')
  })

  it('the example config is valid', () => {
    const config = validateConfig(JSON.parse(readFileSync(CONFIG_EXAMPLE, 'utf8')))
    expect(config.backup.dir).toBe('/var/backups/tabour')
  })
})
