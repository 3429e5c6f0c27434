import type Database from 'better-sqlite3'

export type Sql = (sql: string) => Database.Statement

/**
 * Returns a function that prepares each SQL text once per connection and reuses the statement:
 * preparing is most of the cost of a small query, and the queue's hot paths run the same few.
 */
export function statementCache(db: Database.Database): Sql {
  const cache = new Map<string, Database.Statement>()
  return (sql) => {
    let statement = cache.get(sql)
    if (!statement) {
      statement = db.prepare(sql)
      cache.set(sql, statement)
    }
    return statement
  }
}
