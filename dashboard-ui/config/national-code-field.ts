/**
 * A service's national code in the services form (issue 23): a choice from the hub's catalogue as
 * this center last received it, or, while a hub bundle manages the service's mapping
 * (`nationalCodeLocked`), the code shown read-only with a sentence saying the hub sets it (the
 * server refuses a change anyway: 409 TABOUR_ERR_NATIONAL_CODE_LOCKED).
 */
import type { TemplateResult } from 'lit'
import type { Lang } from '../../ui-common/i18n.ts'
import type { NationalService } from '../../protocol/national-catalogue.ts'
import { configText } from '../../protocol/messages/config-forms.ts'
import type { FieldSpec } from './config-form.ts'
import { nameIn } from '../../protocol/name-in-language.ts'
import { SEPARATOR } from '../../protocol/messages/separator.ts'
import { lockedField } from './locked-field.ts'

const labelOf = (s: NationalService, lang: Lang) => `${s.code}${SEPARATOR}${nameIn(s, lang)}`

/** The editable field: none, or one of the catalogue's codes (a code the catalogue no longer holds stays listed as itself). */
export function nationalCodeSpec(catalogue: readonly NationalService[], current: string, lang: Lang): FieldSpec {
  const options = catalogue.map((s) => ({ value: s.code, label: labelOf(s, lang) }))
  if (current && !catalogue.some((s) => s.code === current)) options.push({ value: current, label: current })
  return {
    name: 'nationalCode',
    label: configText('f.nationalCode', lang),
    kind: 'select',
    options: [{ value: '', label: configText('f.nationalCode.none', lang) }, ...options],
  }
}

/** The code the hub set, read-only, described by the sentence that says so. */
export function lockedNationalCode(catalogue: readonly NationalService[], code: string, lang: Lang): TemplateResult {
  const entry = catalogue.find((s) => s.code === code)
  return lockedField(
    'nationalCode',
    configText('f.nationalCode', lang),
    entry ? labelOf(entry, lang) : code,
    configText('f.nationalCode.hubManaged', lang),
  )
}
