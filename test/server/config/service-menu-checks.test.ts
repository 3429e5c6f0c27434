import { describe, expect, it } from 'vitest'
import { checkedDocuments, checkedIcon } from '../../../server/config/service-menu-checks.ts'
import { DomainError } from '../../../server/errors.ts'
import { MAX_DOCUMENT_LENGTH, MAX_DOCUMENTS } from '../../../protocol/service-menu.ts'
import { documentsOf, documentValues, withoutDocument } from '../../../dashboard-ui/config/documents-fields.ts'

const refusal = (f: () => unknown): DomainError => {
  try {
    f()
  } catch (err) {
    if (err instanceof DomainError) return err
    throw err
  }
  throw new Error('not refused')
}

describe('document limits (issue 21)', () => {
  it(`${MAX_DOCUMENTS} documents of ${MAX_DOCUMENT_LENGTH} letters pass, trimmed; one more of either is refused by field and limit`, () => {
    const full = Array.from({ length: MAX_DOCUMENTS }, () => ({
      ar: ` ${'م'.repeat(MAX_DOCUMENT_LENGTH)} `,
      en: 'e'.repeat(MAX_DOCUMENT_LENGTH),
    }))
    expect(checkedDocuments(full)[0].ar).toBe('م'.repeat(MAX_DOCUMENT_LENGTH))
    const many = refusal(() => checkedDocuments([...full, { ar: 'م', en: 'e' }]))
    expect([many.code, many.detail]).toEqual([
      'TABOUR_ERR_DOCUMENTS_TOO_LONG',
      { field: 'documents', reason: 'maxItems', limit: MAX_DOCUMENTS },
    ])
    const long = refusal(() =>
      checkedDocuments([
        { ar: 'م', en: 'e' },
        { ar: 'م', en: 'e'.repeat(MAX_DOCUMENT_LENGTH + 1) },
      ]),
    )
    expect([long.code, long.detail]).toEqual([
      'TABOUR_ERR_DOCUMENTS_TOO_LONG',
      { field: 'documents/1/en', reason: 'maxLength', limit: MAX_DOCUMENT_LENGTH },
    ])
    // counted as letters: 100 emoji (200 UTF-16 units) are 100
    expect(() => checkedDocuments([{ ar: '📄'.repeat(MAX_DOCUMENT_LENGTH), en: 'x' }])).not.toThrow()
    expect(refusal(() => checkedDocuments([{ ar: '  ', en: 'x' }])).detail).toEqual({ field: 'documents/0/ar', reason: 'required' })
  })

  it('an unknown icon is refused; none is fine', () => {
    expect(refusal(() => checkedIcon('rocket')).code).toBe('TABOUR_ERR_UNKNOWN_ICON')
    expect(checkedIcon(null)).toBeNull()
    expect(checkedIcon('car')).toBe('car')
  })

  it("the dashboard's rows: removing one moves the rest up; blank rows are not sent", () => {
    const docs = [
      { ar: 'أ', en: 'A' },
      { ar: 'ب', en: 'B' },
      { ar: 'ج', en: 'C' },
    ]
    const values = { prefix: 'X', ...documentValues(docs) }
    expect(documentsOf(withoutDocument(values, 1, 3), 2)).toEqual([docs[0], docs[2]])
    expect(withoutDocument(values, 1, 3).prefix).toBe('X')
    expect(documentsOf({ ...values, 'documents/3/ar': ' ', 'documents/3/en': '' }, 4)).toEqual(docs)
  })
})
