import fc, { type Arbitrary } from 'fast-check'

/**
 * A fast-check Arbitrary from a JSON schema: the TypeBox subset protocol/*.ts uses (object,
 * string with minLength/maxLength/pattern/format, integer/number with bounds, boolean, null,
 * array, const/enum/anyOf/oneOf/allOf, optional keys, records, unknown).
 *
 * Hand-written on purpose: the npm package for this (json-schema-fast-check 0.0.6) is
 * unmaintained, depends on fast-check 1 (we have 4) and faker 4, and by its own README leaves
 * out parts of the subset used here (minProperties, proper oneOf); fast-check's own
 * `stringMatching` does the hard part (patterns, `\p{…}` included) here.
 *
 * Two modes: `valid` generates values that (mostly) pass the schema, biased to its boundaries
 * (minLength, maximum, …) so the handler behind the validator runs; `hostile` replaces, at
 * every node with probability `hostility`, the value by one that breaks it: a wrong type, a
 * value just past a bound, a missing required key, extra keys, huge, unicode/RTL/NUL strings,
 * deep nesting.
 */
export interface JsonSchema {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: boolean | JsonSchema
  patternProperties?: Record<string, JsonSchema>
  propertyNames?: JsonSchema
  maxProperties?: number
  items?: JsonSchema
  minItems?: number
  maxItems?: number
  uniqueItems?: boolean
  minLength?: number
  maxLength?: number
  pattern?: string
  format?: string
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  const?: unknown
  enum?: unknown[]
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
  minProperties?: number
  [key: string]: unknown
}

export interface SchemaArbitraryOptions {
  /** `valid`: values the schema accepts (mostly); `hostile`: mixed with values that break it. Default valid. */
  mode?: 'valid' | 'hostile'
  /** In hostile mode, the chance that a node is replaced by a breaking value. Default 0.25. */
  hostility?: number
  /** Longest generated string when the schema sets none (huge strings come from the hostile set). Default 40. */
  maxStringLength?: number
}

/** Strings that have broken real servers: control bytes, RTL marks, surrogates, injections, paths, prototype keys. */
export const NASTY_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u202Eevil\u202C', // right-to-left override
  '\u200F\u200E\u061C', // RTL mark, LTR mark, Arabic letter mark
  'طابور',
  'خدمة\u0000المواطنين',
  '١٢٣', // Arabic-Indic digits
  '\uFEFF', // byte-order mark
  '\uD800', // lone surrogate
  '🇪🇬👩🏽‍💻',
  'e\u0301\u0301\u0301', // stacked combining marks
  '\r\n\r\n',
  '<script>alert(1)</script>',
  "'; DROP TABLE tickets; --",
  '%00',
  '%zz',
  '../../../../etc/passwd',
  '..\\..\\windows',
  '__proto__',
  'constructor',
  'prototype',
  'null',
  'undefined',
  'NaN',
  '-0',
  '1e309',
  '0x10',
  'true',
  '{}',
  '[]',
  '${7*7}',
  '\\',
  '"',
]

/** Values of every JSON type, for "wrong type" answers. */
const WRONG_TYPES: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  2 ** 53 + 2,
  -(2 ** 31) - 1,
  1e308,
  '',
  '1',
  'x',
  [],
  [1],
  {},
  { a: 1 },
]

/** A string of `n` copies of a (possibly multi-unit) piece; huge strings are built, not generated char by char. */
const repeatTo = (piece: string, n: number) => piece.repeat(Math.max(1, Math.ceil(n / piece.length))).slice(0, n)

/** Huge or long strings, built once: 1 kB, 10 kB of Arabic, 70 kB (past the 64 kB body limit). */
const HUGE_STRINGS: readonly string[] = [1_000, 10_000, 70_000].flatMap((n) => [
  repeatTo('x', n),
  repeatTo('طابور ', n),
  repeatTo('\u202E\u0000', n),
])

/** Huge strings, or one just past `maxLength`. */
const longString = (maxLength?: number): Arbitrary<string> =>
  maxLength === undefined
    ? fc.constantFrom(...HUGE_STRINGS)
    : fc.oneof(fc.constantFrom(...HUGE_STRINGS), fc.constantFrom(repeatTo('ب', maxLength + 1), repeatTo('a', maxLength + 1)))

/**
 * Nested arrays and objects 20 and 400 levels deep (a recursive validator or copy chokes on
 * them). Deeper nesting is sent as raw JSON text by the tests: JSON.stringify itself overflows
 * the stack a few thousand levels down.
 */
const DEEP_VALUES: readonly unknown[] = [20, 400].flatMap((depth) => [
  JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown,
  JSON.parse(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`) as unknown,
])
const deepNest = fc.constantFrom(...DEEP_VALUES)

/** Any JSON value, small. */
const anyJson = fc.jsonValue({ maxDepth: 2 })

/**
 * Rewrites a pattern for generation: `\p{…}` escapes stay (generation uses the `u` flag) and
 * lookaheads, which fast-check cannot generate from, are dropped (their check runs as a filter).
 */
function withoutLookaheads(pattern: string): string {
  let out = ''
  for (let i = 0; i < pattern.length; i++) {
    if (pattern.startsWith('(?!', i) || pattern.startsWith('(?=', i)) {
      let depth = 0
      for (; i < pattern.length; i++) {
        if (pattern[i] === '\\') i++
        else if (pattern[i] === '(') depth++
        else if (pattern[i] === ')' && --depth === 0) break
      }
      continue
    }
    out += pattern[i]
  }
  return out
}

function patternString(schema: JsonSchema): Arbitrary<string> {
  const re = new RegExp(schema.pattern!, 'u')
  const min = schema.minLength ?? 0
  const max = schema.maxLength ?? Infinity
  const fits = (s: string) => s.length >= min && s.length <= max && re.test(s)
  let arb: Arbitrary<string>
  try {
    arb = fc.stringMatching(re)
  } catch {
    arb = fc.stringMatching(new RegExp(withoutLookaheads(schema.pattern!), 'u'))
  }
  // a generated value that misses the length bounds or a lookahead is rare; keep those out
  return arb.filter(fits)
}

function stringOf(schema: JsonSchema, opts: Required<SchemaArbitraryOptions>): Arbitrary<string> {
  if (schema.pattern) return patternString(schema)
  const min = schema.minLength ?? 0
  const max = schema.maxLength ?? Math.max(min, opts.maxStringLength)
  const cap = Math.min(max, min + opts.maxStringLength)
  switch (schema.format) {
    case 'date-time':
      return fc
        .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
        .map((d) => d.toISOString())
    case 'date':
      return fc
        .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10))
  }
  const edge = [min, max].filter((n) => Number.isFinite(n) && n <= 10_000)
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength: min, maxLength: cap, unit: 'grapheme' }) },
    { weight: 1, arbitrary: fc.string({ minLength: min, maxLength: cap, unit: 'binary' }) },
    { weight: 1, arbitrary: fc.constantFrom(...edge).chain((n) => fc.constantFrom(repeatTo('a', n), repeatTo('ع', n))) },
    // nasty strings that still fit the length bounds
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        ...NASTY_STRINGS.filter((s) => s.length >= min && s.length <= max).concat(repeatTo('x', Math.max(min, 1))),
      ),
    },
  )
}

function numberOf(schema: JsonSchema, integer: boolean): Arbitrary<number> {
  const lo = schema.exclusiveMinimum ?? schema.minimum ?? (integer ? -(2 ** 31) : -1e9)
  const hi = schema.exclusiveMaximum ?? schema.maximum ?? (integer ? 2 ** 31 - 1 : 1e9)
  const minExcluded = schema.exclusiveMinimum !== undefined
  const maxExcluded = schema.exclusiveMaximum !== undefined
  const inside = (n: number) => (minExcluded ? n > lo : n >= lo) && (maxExcluded ? n < hi : n <= hi) && (!integer || Number.isInteger(n))
  const edges = [lo, hi, lo + 1, hi - 1, 0, 1, 2, 3].filter(inside)
  const range = integer
    ? fc.integer({ min: Math.ceil(minExcluded ? lo + 1 : lo), max: Math.floor(maxExcluded ? hi - 1 : hi) })
    : fc.double({ min: lo, max: hi, minExcluded, maxExcluded, noNaN: true, noDefaultInfinity: true })
  // the bounds and small numbers often: ids 1..3 name things that exist, so the handler runs past its lookups
  return edges.length ? fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...edges) }, { weight: 3, arbitrary: range }) : range
}

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type
  if (schema.type) return [schema.type]
  if (schema.properties || schema.patternProperties) return ['object']
  return []
}

function objectOf(schema: JsonSchema, opts: Required<SchemaArbitraryOptions>): Arbitrary<Record<string, unknown>> {
  const props = schema.properties ?? {}
  const keys = Object.keys(props)
  if (keys.length === 0) {
    // a record (Type.Record: its values' schema under patternProperties, its keys' under propertyNames) or a free
    // object: a few keys, each value of the record's schema or any JSON
    const valueSchemas = Object.values(schema.patternProperties ?? {})
    const values =
      valueSchemas.length === 1
        ? arbitraryOf(valueSchemas[0]!, opts)
        : typeof schema.additionalProperties === 'object'
          ? arbitraryOf(schema.additionalProperties, opts)
          : anyJson
    const names = schema.propertyNames ? stringOf({ ...schema.propertyNames, type: 'string' }, opts) : fc.string({ maxLength: 12 })
    return fc.dictionary(names, values, { maxKeys: Math.min(4, schema.maxProperties ?? 4) })
  }
  const model = Object.fromEntries(keys.map((k) => [k, arbitraryOf(props[k], opts)]))
  const required = (schema.required ?? []).filter((k) => keys.includes(k))
  let arb = fc.record(model, { requiredKeys: required }) as Arbitrary<Record<string, unknown>>
  // minProperties (a PATCH needs one field at least): add one optional key when there is none
  if (schema.minProperties && required.length < schema.minProperties) {
    const optional = keys.filter((k) => !required.includes(k))
    arb = arb.chain((v) => {
      if (Object.keys(v).length >= schema.minProperties!) return fc.constant(v)
      return fc.constantFrom(...optional).chain((k) => model[k].map((x) => ({ ...v, [k]: x })))
    })
  }
  return arb
}

/** A value the schema accepts (as far as generation can tell), with children in the same mode. */
function validOf(schema: JsonSchema, opts: Required<SchemaArbitraryOptions>): Arbitrary<unknown> {
  if ('const' in schema) return fc.constant(schema.const)
  if (schema.enum) return fc.constantFrom(...schema.enum)
  const alternatives = schema.anyOf ?? schema.oneOf
  if (alternatives) return fc.oneof(...alternatives.map((s) => arbitraryOf(s, opts)))
  if (schema.allOf) {
    // TypeBox flattens intersections; a plain allOf of objects is merged here
    const merged: JsonSchema = { type: 'object', properties: {}, required: [] }
    for (const part of schema.allOf) {
      Object.assign(merged.properties!, part.properties)
      merged.required!.push(...(part.required ?? []))
    }
    return objectOf(merged, opts)
  }
  const types = typesOf(schema)
  if (types.length === 0) return anyJson // Type.Unknown / Type.Any
  return fc.oneof(
    ...types.map((type): Arbitrary<unknown> => {
      switch (type) {
        case 'null':
          return fc.constant(null)
        case 'boolean':
          return fc.boolean()
        case 'integer':
          return numberOf(schema, true)
        case 'number':
          return numberOf(schema, false)
        case 'string':
          return stringOf(schema, opts)
        case 'array': {
          const items = schema.items ? arbitraryOf(schema.items, opts) : anyJson
          const minLength = schema.minItems ?? 0
          const maxLength = Math.min(schema.maxItems ?? minLength + 5, minLength + 5)
          return schema.uniqueItems
            ? fc.uniqueArray(items, { minLength, maxLength, selector: (v) => JSON.stringify(v) })
            : fc.array(items, { minLength, maxLength })
        }
        case 'object':
          return objectOf(schema, opts)
        default:
          return anyJson
      }
    }),
  )
}

/** A value that breaks the schema (or at least stresses it): wrong types, past the bounds, missing or extra keys, huge, nasty. */
function hostileOf(schema: JsonSchema, opts: Required<SchemaArbitraryOptions>): Arbitrary<unknown> {
  const types = typesOf(schema)
  const breakers: Arbitrary<unknown>[] = [
    fc.constantFrom(...WRONG_TYPES),
    fc.constantFrom(...NASTY_STRINGS),
    longString(schema.maxLength),
    deepNest,
  ]
  if (types.includes('integer') || types.includes('number')) {
    const past = [
      schema.minimum !== undefined ? schema.minimum - 1 : -1,
      schema.maximum !== undefined ? schema.maximum + 1 : 2 ** 53,
      0.5,
      -0,
      Number.MAX_SAFE_INTEGER + 2,
      -1e308,
    ]
    breakers.push(fc.constantFrom(...past), fc.constantFrom(...past).map(String))
  }
  if (types.includes('string') && schema.minLength) breakers.push(fc.constant(repeatTo('a', schema.minLength - 1)))
  if (types.includes('array')) {
    const items = schema.items ? validOf(schema.items, opts) : anyJson
    breakers.push(fc.array(items, { minLength: (schema.maxItems ?? 100) + 1, maxLength: (schema.maxItems ?? 100) + 2 }))
    breakers.push(items.map((v) => [v, v])) // duplicates for uniqueItems
  }
  if (types.includes('object') && schema.properties) {
    const valid = objectOf(schema, opts)
    // a required key missing
    if (schema.required?.length)
      breakers.push(
        fc
          .tuple(valid, fc.constantFrom(...schema.required))
          .map(([v, k]) => Object.fromEntries(Object.entries(v).filter(([key]) => key !== k))),
      )
    // extra keys, some with names that poison prototypes when copied carelessly
    const extraKey = fc.oneof(
      fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'id', 'role', 'admin'),
      fc.string({ maxLength: 20 }),
    )
    breakers.push(
      fc
        .tuple(valid, extraKey, anyJson)
        .map(([v, k, x]) => Object.defineProperty({ ...v }, k, { value: x, enumerable: true, configurable: true, writable: true })),
    )
    breakers.push(fc.constant({}))
  }
  return fc.oneof(...breakers)
}

function arbitraryOf(schema: JsonSchema, opts: Required<SchemaArbitraryOptions>): Arbitrary<unknown> {
  const valid = validOf(schema, opts)
  if (opts.mode !== 'hostile' || opts.hostility <= 0) return valid
  const weight = Math.max(1, Math.round(opts.hostility * 100))
  return fc.oneof({ weight: 100 - Math.min(99, weight), arbitrary: valid }, { weight, arbitrary: hostileOf(schema, opts) })
}

/** The Arbitrary for `schema` (a TypeBox schema is a JSON schema; its symbol keys are ignored). */
export function schemaArbitrary(schema: JsonSchema | undefined, options: SchemaArbitraryOptions = {}): Arbitrary<unknown> {
  const opts: Required<SchemaArbitraryOptions> = { mode: 'valid', hostility: 0.25, maxStringLength: 40, ...options }
  return arbitraryOf(schema ?? {}, opts)
}
