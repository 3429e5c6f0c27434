/**
 * Web Storage for UI tests that run in Node (which has none): `MemoryStorage` keeps entries in a
 * Map; `RefusingStorage` throws on every access, like a locked-down browser profile.
 */
/** A Web Storage in memory (the tests run in Node, which has none). */
export class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>()
  get length(): number {
    return this.items.size
  }
  clear(): void {
    this.items.clear()
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null
  }
  removeItem(key: string): void {
    this.items.delete(key)
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value))
  }
}

/** A locked-down profile: every access throws. */
export class RefusingStorage extends MemoryStorage {
  override getItem(): string | null {
    throw new Error('SecurityError')
  }
  override setItem(): void {
    throw new Error('QuotaExceededError')
  }
  override removeItem(): void {
    throw new Error('SecurityError')
  }
}
