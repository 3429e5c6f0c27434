/**
 * Settings loading, shared by the center (server/config.ts: a JSON file and TABOUR_* variables)
 * and the hub (hub/config.ts: HUB_* variables): environment strings turned into what the schema
 * checks, the schema's defaults filled in, and every problem named by its field with the rule it
 * broke and the value given. Each side keeps its own schema and its own cross-field checks.
 */
import type { Static, TSchema } from '@sinclair/typebox'
import { Value, ValueErrorType, type ValueError } from '@sinclair/typebox/value'

/** The process environment, or a test's stand-in. */
export type Env = Record<string, string | undefined>

/** A whole number as a number; anything else stays the string, so the check names it instead of reading it as something else. */
export function envNumber(raw: string): unknown {
  return /^\d+$/.test(raw) ? Number(raw) : raw
}

/** 1/true/yes and 0/false/no; anything else stays a string, so the check names it instead of reading it as "no". */
export function envYesNo(raw: string): unknown {
  const v = raw.toLowerCase()
  return ['1', 'true', 'yes'].includes(v) ? true : ['0', 'false', 'no'].includes(v) ? false : raw
}

/** A comma-separated list (`a, b,,c` → a, b, c). */
export function envList(raw: string): string[] {
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
}

/** What a scalar setting must be, from its schema ("must be an integer ≥ 1"); the schema checker's own words otherwise. */
function ruleOf(e: ValueError): string {
  const s = e.schema as { type?: unknown; minimum?: number; maximum?: number; minLength?: number }
  if (s.type === 'integer' || s.type === 'number') {
    const bounds = [s.minimum === undefined ? '' : `≥ ${s.minimum}`, s.maximum === undefined ? '' : `≤ ${s.maximum}`].filter(Boolean)
    return `must be ${s.type === 'integer' ? 'an integer' : 'a number'}${bounds.length ? ` ${bounds.join(' and ')}` : ''}`
  }
  if (e.type === ValueErrorType.StringMinLength) return `must be at least ${s.minLength} characters`
  return e.message
}

const given = (value: unknown) => {
  if (value === undefined) return ''
  const text = JSON.stringify(value)
  return text && text.length <= 60 ? ` (got ${text})` : ''
}

/**
 * `raw` with `schema`'s defaults filled in (a copy; `raw` is left alone), and its problems, at
 * most five, each as `<name> <rule> (got <value>)`: the name is the field's path (`/port`), or
 * what `nameOf` calls that path (the hub names its variables: HUB_PORT).
 */
export function checkSettings<T extends TSchema>(
  schema: T,
  raw: unknown,
  nameOf: (path: string) => string = (path) => path || '/',
): { value: Static<T>; problems: string[] } {
  const value = Value.Default(schema, structuredClone(raw ?? {})) as Static<T>
  const problems = [...Value.Errors(schema, value)].slice(0, 5).map((e) => `${nameOf(e.path)} ${ruleOf(e)}${given(e.value)}`)
  return { value, problems }
}
