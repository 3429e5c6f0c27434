/**
 * What went wrong with a bundle request (creating or publishing one), in the page's words: the
 * sentence for the hub's stable code (protocol/messages/hub-errors.ts), "the hub did not answer"
 * when it did not, and the hub's own message (the path it named) as a detail, shown left to right.
 * The form and the list's Publish button say it the same way.
 */
import { ApiError } from '../../ui-common/api-client.ts'
import type { Lang } from '../../ui-common/i18n.ts'
import { hubErrorText } from '../../protocol/messages/hub-errors.ts'
import { bundleText } from '../../protocol/messages/hub-bundles.ts'
import { hubDigits } from './hub-format.ts'

/** Codes of a refused value: the hub's message names the path at fault (body/contents/weeklyHours/sun/0/close …). */
const VALUE_REFUSED: ReadonlySet<string> = new Set(['HUB_ERR_VALIDATION', 'HUB_ERR_BUNDLE_INVALID'])

export interface BundleRefusal {
  /** Why, in `lang`. */
  what: string
  /** The hub's message (English, the path at fault), or null. */
  detail: string | null
  /** The hub answered and refused (false: it did not answer, and refused nothing). */
  refused: boolean
}

export function bundleRefusal(err: unknown, lang: Lang): BundleRefusal {
  if (!(err instanceof ApiError)) return { what: bundleText('err_noAnswer', lang), detail: null, refused: false }
  const said = hubErrorText(err, lang)
  const own = said?.lang === lang
  // a code the page does not know: its own "unexpected error", the hub's message following; a refused
  // value: the hub's message names the path at fault. Otherwise the page's sentence says it all.
  const detail = !own || VALUE_REFUSED.has(err.code) ? err.message || null : null
  return { what: own ? said.text : bundleText('err_other', lang), detail, refused: true }
}

/**
 * The form's last failed send, kept as what happened rather than as text, so the form says it in
 * the page's language of the moment (a sentence made at the failure stayed in that language when
 * the analyst switched: walk s49). `draft`: the bundle was made, a draft at the hub, and only its
 * publishing failed.
 */
export interface FormFailure {
  err: unknown
  draft: number | null
}

/** The form's sentence for `f` in `lang`, and the hub's detail (the path at fault) to show after it. */
export function formFailureText(f: FormFailure, lang: Lang): { text: string; detail: string | null } {
  const r = bundleRefusal(f.err, lang)
  const digits = hubDigits(lang)
  const text =
    f.draft !== null
      ? bundleText('draftNotPublished', lang, { version: f.draft, what: r.what }, digits)
      : r.refused
        ? bundleText('refusedByHub', lang, { what: r.what }, digits)
        : r.what
  return { text, detail: r.detail }
}
