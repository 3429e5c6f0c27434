import type { ErrorObject } from 'ajv'
import { type ValueError, ValueErrorType } from '@sinclair/typebox/errors'
import type { ErrorDetail, FieldReason } from '../protocol/error-codes.ts'

/** `/a/b` (ajv's instancePath, TypeBox's path) as a field name `a/b`, under `prefix` when given. */
const fieldOf = (path: string, prefix = ''): string => [prefix, path.replace(/^\//, '')].filter(Boolean).join('/')

const AJV_REASONS: Record<string, FieldReason> = {
  required: 'required',
  minLength: 'minLength',
  maxLength: 'maxLength',
  minimum: 'minimum',
  exclusiveMinimum: 'minimum',
  maximum: 'maximum',
  exclusiveMaximum: 'maximum',
  minItems: 'minLength',
  maxItems: 'maxLength',
  pattern: 'pattern',
  format: 'pattern',
  type: 'type',
  enum: 'enum',
  const: 'enum',
  anyOf: 'enum',
}

/**
 * The field a schema error names (the first of Fastify's `validation` list, ajv's errors): its
 * instancePath (plus the missing property for `required`), the keyword as the reason and the
 * bound it broke. Null when it names none (the body is not an object at all).
 */
export function detailOfAjv(errors: readonly ErrorObject[] | undefined): ErrorDetail | null {
  const first = errors?.[0]
  if (!first) return null
  const params = first.params as Record<string, unknown>
  const path = first.keyword === 'required' ? `${first.instancePath}/${String(params.missingProperty)}` : first.instancePath
  const field = fieldOf(path)
  if (!field) return null
  const limit = typeof params.limit === 'number' ? params.limit : undefined
  return { field, reason: AJV_REASONS[first.keyword] ?? 'invalid', ...(limit !== undefined ? { limit } : {}) }
}

const T = ValueErrorType
/** TypeBox's error kinds as reasons, with the schema key that holds the bound. */
const TYPEBOX_REASONS: Partial<Record<ValueErrorType, [FieldReason, string?]>> = {
  [T.ObjectRequiredProperty]: ['required'],
  [T.StringMinLength]: ['minLength', 'minLength'],
  [T.StringMaxLength]: ['maxLength', 'maxLength'],
  [T.ArrayMinItems]: ['minLength', 'minItems'],
  [T.ArrayMaxItems]: ['maxLength', 'maxItems'],
  [T.NumberMinimum]: ['minimum', 'minimum'],
  [T.IntegerMinimum]: ['minimum', 'minimum'],
  [T.NumberMaximum]: ['maximum', 'maximum'],
  [T.IntegerMaximum]: ['maximum', 'maximum'],
  [T.StringPattern]: ['pattern'],
  [T.StringFormat]: ['pattern'],
  [T.String]: ['type'],
  [T.Number]: ['type'],
  [T.Integer]: ['type'],
  [T.Boolean]: ['type'],
  [T.Object]: ['type'],
  [T.Array]: ['type'],
  [T.Union]: ['enum'],
  [T.Literal]: ['enum'],
  [T.ObjectAdditionalProperties]: ['unknown'],
}

/** The field a TypeBox check names (a device's `config`, checked by the domain), under `prefix`. */
export function detailOfTypeBox(error: ValueError, prefix: string): ErrorDetail {
  const [reason, key] = TYPEBOX_REASONS[error.type] ?? ['invalid']
  const bound = key ? (error.schema as Record<string, unknown>)[key] : undefined
  return { field: fieldOf(error.path, prefix), reason, ...(typeof bound === 'number' ? { limit: bound } : {}) }
}
