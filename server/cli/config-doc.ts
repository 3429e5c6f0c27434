/**
 * Writes deploy/CONFIG.md from the config schema itself (server/config.ts): every key, its
 * type, default, environment variable and the JSDoc comment above it. Run `npm run docs:config`
 * after changing the schema; test/ops/config-doc.test.ts fails while the file is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { ConfigSchema, validateConfig } from '../config.ts'

const ROOT = new URL('../../', import.meta.url)
export const CONFIG_DOC = fileURLToPath(new URL('deploy/CONFIG.md', ROOT))
export const CONFIG_EXAMPLE = fileURLToPath(new URL('deploy/config.example.json', ROOT))
const CONFIG_SOURCE = fileURLToPath(new URL('server/config.ts', ROOT))

interface Row {
  key: string
  type: string
  default: string
  env: string
  doc: string
}

// biome-ignore lint/suspicious/noExplicitAny: walks any JSON Schema node the TypeBox config produces
type Schema = Record<string, any>

/** The JSDoc comment above each property of the ConfigSchema literal, by dotted key path. */
function jsDocs(source: string): Map<string, string> {
  const file = ts.createSourceFile('config.ts', source, ts.ScriptTarget.ES2022, true)
  const docs = new Map<string, string>()
  const visitObject = (obj: ts.ObjectLiteralExpression, prefix: string) => {
    for (const prop of obj.properties) {
      if (!ts.isPropertyAssignment(prop)) continue
      const name = prop.name.getText(file)
      const key = prefix ? `${prefix}.${name}` : name
      const comments = ts.getLeadingCommentRanges(source, prop.getFullStart()) ?? []
      const text = comments
        .map((c) => source.slice(c.pos, c.end))
        .filter((c) => c.startsWith('/**'))
        .map((c) =>
          c
            .replace(/^\/\*\*|\*\/$/g, '')
            .split('\n')
            .map((l) => l.replace(/^\s*\* ?/, '').trim())
            .join(' ')
            .trim(),
        )
        .join(' ')
      if (text) docs.set(key, text)
      const init = prop.initializer
      if (
        ts.isCallExpression(init) &&
        init.expression.getText(file) === 'Type.Object' &&
        init.arguments[0] &&
        ts.isObjectLiteralExpression(init.arguments[0])
      ) {
        visitObject(init.arguments[0], key)
      }
    }
  }
  const visit = (node: ts.Node) => {
    if (
      ts.isVariableDeclaration(node) &&
      node.name.getText(file) === 'ConfigSchema' &&
      node.initializer &&
      ts.isCallExpression(node.initializer)
    ) {
      const arg = node.initializer.arguments[0]
      if (arg && ts.isObjectLiteralExpression(arg)) visitObject(arg, '')
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return docs
}

/** Environment variables and the key each sets, read from loadConfig's fromEnv. */
function envVars(source: string): Map<string, string> {
  const env = new Map<string, string>()
  for (const m of source.matchAll(/set\('(\w+)',[^\n]*?env\.(\w+)/g)) env.set(m[1]!, m[2]!)
  for (const m of source.matchAll(/out\.(\w+) = \{ (\w+): env\.(\w+) \}/g)) env.set(`${m[1]}.${m[2]}`, m[3]!)
  // a nested object filled key by key: `upstream.url = env.TABOUR_UPSTREAM_URL`, or through a parser: `metrics.allow = envList(env.TABOUR_METRICS_ALLOW)`
  for (const m of source.matchAll(/\b(\w+)\.(\w+) = (?:\w+\()?env\.(\w+)/g)) if (m[1] !== 'out') env.set(`${m[1]}.${m[2]}`, m[3]!)
  return env
}

function typeOf(s: Schema): string {
  if (s.anyOf) return s.anyOf.map((x: Schema) => (x.const !== undefined ? JSON.stringify(x.const) : typeOf(x))).join(' \\| ')
  if (s.type === 'array')
    return `array of ${s.items?.type === 'object' ? `{${Object.keys(s.items.properties).join(', ')}}` : typeOf(s.items ?? {})}`
  const limits: string[] = []
  if (s.minimum !== undefined) limits.push(`≥ ${s.minimum}`)
  if (s.maximum !== undefined) limits.push(`≤ ${s.maximum}`)
  if (s.minLength !== undefined && s.minLength > 1) limits.push(`${s.minLength}+ chars`)
  if (s.pattern !== undefined && s.pattern.length <= 40) limits.push(`\`${s.pattern.replace(/\|/g, '\\|')}\``)
  return `${s.type ?? 'any'}${limits.length ? ` (${limits.join(', ')})` : ''}`
}

function defaultOf(s: Schema, required: boolean): string {
  if (s.default === undefined) return required ? '' : '*(unset)*'
  const text = JSON.stringify(s.default)
  if (Array.isArray(s.default) && s.default.every((x) => typeof x === 'object' && x && 'code' in x)) {
    return s.default.map((x: { code: string }) => `\`${x.code}\``).join(', ')
  }
  return `\`${text.replace(/\|/g, '\\|')}\``
}

/** Every leaf key of the schema (objects are flattened into dotted paths). */
export function configRows(): Row[] {
  const source = readFileSync(CONFIG_SOURCE, 'utf8')
  const docs = jsDocs(source)
  const env = envVars(source)
  const rows: Row[] = []
  const walk = (schema: Schema, prefix: string) => {
    const required = new Set<string>(schema.required ?? [])
    for (const [name, sub] of Object.entries<Schema>(schema.properties)) {
      const key = prefix ? `${prefix}.${name}` : name
      if (sub.type === 'object' && sub.properties && !Array.isArray(sub.default ?? [])) {
        walk(sub, key)
        continue
      }
      // a key without its own default or comment takes them from its object (centerName.ar, .en)
      const parentDefault = prefix ? (schema.default as Record<string, unknown> | undefined)?.[name] : undefined
      const own = sub.default === undefined && parentDefault !== undefined ? { ...sub, default: parentDefault } : sub
      const doc = (docs.get(key) ?? docs.get(prefix) ?? '').replace(/\|/g, '\\|')
      rows.push({
        key,
        type: typeOf(own),
        default: defaultOf(own, required.has(name)),
        env: env.has(key) ? `\`${env.get(key)}\`` : '',
        doc,
      })
    }
  }
  walk(ConfigSchema as Schema, '')
  return rows
}

export function renderConfigDoc(): string {
  const example = readFileSync(CONFIG_EXAMPLE, 'utf8').trimEnd()
  validateConfig(JSON.parse(example))
  const rows = configRows()
  return `# Tabour configuration

<!-- Generated from server/config.ts by \`npm run docs:config\`; do not edit by hand. -->

One JSON file holds a center's settings. Sources, later wins: the defaults below, the JSON
file named by \`--config\` / \`TABOUR_CONFIG\`, then the environment variables. Every key has a
default, so an empty file (or none) starts a working center. Unknown keys are refused: a typo
stops the server with \`invalid config: /path …\` and exit code 2 (\`tabour doctor\` shows the
same message). Nested keys are written as objects: \`backup.keep\` is \`{"backup": {"keep": 14}}\`.

| key | type | default | env | what it does |
|---|---|---|---|---|
${rows.map((r) => `| \`${r.key}\` | ${r.type} | ${r.default} | ${r.env} | ${r.doc} |`).join('\n')}

## Example

\`deploy/config.example.json\`, a center with nightly backups, a log file and a scrape token
(copy it to \`/etc/tabour/config.json\` and edit):

\`\`\`json
${example}
\`\`\`

Secrets (\`adminPassword\`, \`metrics.token\`) can stay out of the file: put them in
\`/etc/tabour/env\` as \`TABOUR_ADMIN_PASSWORD=…\` / \`TABOUR_METRICS_TOKEN=…\` (the systemd unit
reads it), readable by root only.
`
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const doc = renderConfigDoc()
  if (process.argv.includes('--write')) {
    writeFileSync(CONFIG_DOC, doc)
    console.log(`wrote ${CONFIG_DOC}`)
  } else {
    process.stdout.write(doc)
  }
}
