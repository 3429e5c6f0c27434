import { isServiceIcon, MAX_DOCUMENT_LENGTH, MAX_DOCUMENTS, type RequiredDocument } from '../../protocol/service-menu.ts'
import { domainError, ErrorCodes, fieldError } from '../errors.ts'
import type { ServiceGroupsRepo } from '../db/repositories/service-groups-repo.ts'

/**
 * A document list within the limits (protocol/service-menu.ts: MAX_DOCUMENTS items of at most
 * MAX_DOCUMENT_LENGTH characters in each language, after trimming), or 422
 * TABOUR_ERR_DOCUMENTS_TOO_LONG naming the field and the limit. Returns the list trimmed.
 */
export function checkedDocuments(documents: readonly RequiredDocument[]): RequiredDocument[] {
  if (documents.length > MAX_DOCUMENTS)
    throw fieldError(
      ErrorCodes.DOCUMENTS_TOO_LONG,
      { field: 'documents', reason: 'maxItems', limit: MAX_DOCUMENTS },
      `body/documents has ${documents.length} documents; a service lists at most ${MAX_DOCUMENTS}`,
    )
  const trimmed = documents.map((d) => ({ ar: d.ar.trim(), en: d.en.trim() }))
  trimmed.forEach((d, i) => {
    for (const lang of ['ar', 'en'] as const) {
      const field = `documents/${i}/${lang}`
      if (d[lang].length === 0) throw fieldError(ErrorCodes.VALIDATION, { field, reason: 'required' }, `body/${field} is empty`)
      // counted in code points, as a person counts letters (an emoji is one)
      const length = [...d[lang]].length
      if (length > MAX_DOCUMENT_LENGTH)
        throw fieldError(
          ErrorCodes.DOCUMENTS_TOO_LONG,
          { field, reason: 'maxLength', limit: MAX_DOCUMENT_LENGTH },
          `body/${field} has ${length} characters; a document is named in at most ${MAX_DOCUMENT_LENGTH}`,
        )
    }
  })
  return trimmed
}

/** Null, or one of the built-in icons; else 422 TABOUR_ERR_UNKNOWN_ICON. */
export function checkedIcon(icon: string | null): string | null {
  if (icon !== null && !isServiceIcon(icon))
    throw fieldError(ErrorCodes.UNKNOWN_ICON, { field: 'icon', reason: 'unknown' }, `body/icon ${icon.slice(0, 64)} is not a built-in icon`)
  return icon
}

/** Null, or a group that exists; else 404 TABOUR_ERR_SERVICE_GROUP_NOT_FOUND. */
export function checkedGroup(groups: ServiceGroupsRepo, groupId: number | null): number | null {
  if (groupId !== null && !groups.get(groupId))
    throw domainError(ErrorCodes.SERVICE_GROUP_NOT_FOUND, `body/groupId: service group ${groupId} does not exist`)
  return groupId
}
