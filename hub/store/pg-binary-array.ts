/**
 * A PostgreSQL array in its binary wire format (array_send/array_recv), one column of rows written
 * straight into a Buffer. node-pg sends a Buffer parameter in binary format, so the server reads
 * each element with the type's receive function (int8recv: eight bytes) instead of parsing the
 * text of a '{…}' literal, and the hub writes bytes instead of growing a string that node-pg must
 * then measure and encode again.
 */

/** The element types the ingest function's column arrays have, by PostgreSQL's name for them. */
export type PgElementType = 'text' | 'date' | 'int' | 'bigint'

const OID: Record<PgElementType, number> = { text: 25, date: 1082, int: 23, bigint: 20 }
const FIXED: Record<Exclude<PgElementType, 'text'>, number> = { date: 4, int: 4, bigint: 8 }
/** PostgreSQL's dates count days from 2000-01-01. */
const EPOCH_2000_DAYS = 10_957
const DAY_MS = 86_400_000
const TWO_32 = 4_294_967_296

/** Days since 2000-01-01 of a 'YYYY-MM-DD' day (a calendar day: the caller has checked it). */
function pgDate(day: string): number {
  const ms = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)))
  return ms / DAY_MS - EPOCH_2000_DAYS
}

function integer(v: number, type: PgElementType): number {
  // the text literal's server would refuse these (22P02, 22003): so does this, before a byte is sent
  if (!Number.isSafeInteger(v)) throw new RangeError(`${type} array element: ${v} is not an integer`)
  return v
}

/**
 * The binary array of `get` of each item (null: SQL NULL). A one-dimensional array, lower bound 1;
 * no items: the empty array.
 */
export function pgBinaryArrayOf<T>(items: readonly T[], type: PgElementType, get: (item: T) => string | number | null): Buffer {
  const n = items.length
  if (n === 0) {
    const empty = Buffer.alloc(12)
    empty.writeInt32BE(OID[type], 8)
    return empty
  }
  // a text's size is known once read (a UTF-16 code unit is at most 3 bytes of UTF-8: a bound, the buffer cut to
  // what was written); a number's before
  const texts = type === 'text' ? items.map(get) : null
  const size =
    20 + (texts ? texts.reduce<number>((s, v) => s + 4 + (v === null ? 0 : 3 * String(v).length), 0) : n * (4 + FIXED[type as 'int']))
  const out = Buffer.allocUnsafe(size)
  out.writeInt32BE(1, 0) // one dimension
  out.writeInt32BE(OID[type], 8)
  out.writeInt32BE(n, 12)
  out.writeInt32BE(1, 16) // lower bound
  let nulls = 0
  let at = 20
  for (let i = 0; i < n; i++) {
    const v = texts ? texts[i]! : get(items[i]!)
    if (v === null) {
      nulls = 1
      at = out.writeInt32BE(-1, at)
    } else if (texts) {
      const length = out.write(String(v), at + 4, 'utf8')
      out.writeInt32BE(length, at)
      at += 4 + length
    } else if (type === 'bigint') {
      const x = integer(Number(v), type)
      const high = Math.floor(x / TWO_32)
      at = out.writeInt32BE(8, at)
      at = out.writeInt32BE(high, at)
      at = out.writeUInt32BE(x - high * TWO_32, at)
    } else {
      at = out.writeInt32BE(4, at)
      // writeInt32BE refuses what int4 cannot hold, as the server would
      at = out.writeInt32BE(type === 'date' ? pgDate(String(v)) : integer(Number(v), type), at)
    }
  }
  out.writeInt32BE(nulls, 4)
  return out.subarray(0, at)
}
