import type { Lang } from './messages/format.ts'

/**
 * The query a link to a public page carries so it opens in the citizen's language: none for
 * Arabic (every page's default), `?lang=en` for English. One rule for the ticket's status link,
 * a booking's page and the pages that link on to them.
 */
export const langQuery = (lang: Lang | undefined): string => (lang === 'en' ? '?lang=en' : '')
