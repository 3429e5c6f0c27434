/**
 * A field the national hub's configuration bundle sets (issue 23): the value shown read-only,
 * described by the sentence that says so and why. An `<output>`, not a read-only `<input>`: an
 * input is one line and cut «RECON — Building-violation reconcilia…» off at 1366 in English
 * (walk s52); this wraps. The server refuses a change anyway (409 TABOUR_ERR_NATIONAL_CODE_LOCKED,
 * TABOUR_ERR_SERVICE_PREFIX_LOCKED).
 */
import { html, type TemplateResult } from 'lit'

export function lockedField(name: string, label: string, shown: string, sentence: string, ltr = false): TemplateResult {
  const id = `f-${name}`
  return html`<div class="field" data-field=${name} data-locked>
    <label for=${id}>${label}</label>
    <output id=${id} name=${name} class="locked" dir=${ltr ? 'ltr' : 'auto'} aria-describedby=${`${id}-hub`}>${shown}</output>
    <span class="muted" id=${`${id}-hub`} data-hub-managed>${sentence}</span>
  </div>`
}
