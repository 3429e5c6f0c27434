/**
 * `<tabour-hub-bundle-form>`: publishes a new configuration bundle from a form, no JSON typed:
 * the target (all centers, a governorate, chosen centers), priority categories, finish outcomes,
 * the news line, holidays, the centers' service mapping and the weekly hours; a JSON view of
 * what will be signed is there for review. It starts from the last bundle's contents. The hub
 * checks the draft (a refusal shows its code's sentence and the path the hub named), then the
 * form publishes it and says `bundle-published` with the version.
 */
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { themeStyles } from '../../ui-common/theme.ts'
import type { Lang } from '../../ui-common/i18n.ts'
import { requestJson } from '../../ui-common/api-client.ts'
import { type FormFailure, formFailureText } from './bundle-refusal.ts'
import { WEEKDAYS, type OpenInterval, type Weekday, type WeeklyHours } from '../../protocol/calendar.ts'
import { intervalProblems } from '../../protocol/calendar-validation.ts'
import { hoursEditorText } from '../../protocol/messages/hours-editor.ts'
import type { BundleListItem, BundleSummary, CenterBundleRow, ConfigBundleContents } from '../../protocol/config-bundle.ts'
import type { NationalService } from '../../protocol/national-catalogue.ts'
import { bundleText, type BundleMessageKey } from '../../protocol/messages/hub-bundles.ts'
import { SEPARATOR } from '../../protocol/messages/separator.ts'
import { hubStyles } from './hub-styles.ts'
import {
  type BundleFormState,
  type Choice,
  DEFAULT_DAY,
  activeReached,
  defaultGovernorate,
  governoratesInOrder,
  defaultWeek,
  droppedOutcomes,
  emptiedParts,
  onNewerBundle,
  requestOf,
  stateFrom,
} from './bundle-draft.ts'
import { governorateName } from '../../protocol/governorates.ts'
import { hubDigits } from './hub-format.ts'
import { dateEcho } from '../../ui-common/date-echo.ts'
import { hubFormat } from './hub-format.ts'
import { parseTimeOfDay } from '../../ui-common/time-of-day.ts'
import { inDigitStyle, toWesternDigits } from '../../ui-common/digits.ts'
import { nameIn } from '../../protocol/name-in-language.ts'
import { listComma } from '../../protocol/messages/list-comma.ts'
import { holidayReach, holidaysReplaced, mappingReplaced } from './bundle-reach.ts'

type ChoiceList = 'priorityCategories' | 'finishOutcomes'

/**
 * What is wrong with one of a day's two time fields as the draft holds it, in the words the center's
 * own hours tab uses (null: nothing): not a 24-hour time, or a close not after the open (the hub's
 * check, protocol/calendar-validation.ts). Said under the field once it is left, before publishing:
 * the hub's refusal only named the path beside the Publish button (review s44).
 */
function timeFieldProblem(interval: OpenInterval, key: 'open' | 'close'): 'err.dayStart' | 'err.close-before-open' | null {
  if (parseTimeOfDay(interval[key]) === null) return 'err.dayStart'
  const bothTimes = parseTimeOfDay(interval.open) !== null && parseTimeOfDay(interval.close) !== null
  return key === 'close' && bothTimes && intervalProblems('day', [interval]).length > 0 ? 'err.close-before-open' : null
}

/** The days as an Egyptian week is read: Saturday first. */
const WEEK_ORDER: readonly Weekday[] = [...WEEKDAYS.slice(5), ...WEEKDAYS.slice(0, 5)]

@customElement('tabour-hub-bundle-form')
export class HubBundleForm extends LitElement {
  static override styles = [
    themeStyles,
    hubStyles,
    css`
      form { display: grid; gap: var(--tabour-space-2); }
      fieldset { border: 1px solid #c9d1db; border-radius: 8px; display: grid; gap: var(--tabour-space-1); }
      legend { font-weight: 700; }
      .row { display: flex; flex-wrap: wrap; gap: var(--tabour-space-1); align-items: end; }
      /* what a holiday closes, on a line of its own under its fields */
      .row > .reach { flex-basis: 100%; margin: 0; }
      pre { direction: ltr; text-align: left; max-block-size: 20rem; overflow: auto; background: var(--tabour-surface); padding: 0.5rem; }
      .ok { font-weight: 700; color: #1d6b33; }
      .day { min-inline-size: 6rem; }
      .date-echo { font-weight: 400; min-block-size: 1.5em; }
    `,
  ]

  @property() language: Lang = 'ar'
  @property({ attribute: false }) token: string | null = null
  @property({ attribute: false }) centers: CenterBundleRow[] = []
  @property({ attribute: false }) catalogue: NationalService[] = []
  /** The newest published bundle's contents: the form starts as a copy of them. */
  @property({ attribute: false }) last: ConfigBundleContents | null = null
  /** That bundle (its version and when it was published), null: none published; the form says which it started from. */
  @property({ attribute: false }) lastBundle: Pick<BundleSummary, 'version' | 'publishedAt'> | null = null
  /** How many bundles are drafts, not published: the form says it did not start from them. */
  @property({ attribute: false }) drafts = 0
  /** The centers of `lastBundle` by what they did with it (null: not known); the form says when some refused it. */
  @property({ attribute: false }) lastCenters: BundleListItem['centers'] | null = null

  @state() private s: BundleFormState = stateFrom(null)
  /** What the form's contents started from: the bundle's contents, and which bundle (null: blank). */
  private base: { contents: ConfigBundleContents | null; bundle: Pick<BundleSummary, 'version' | 'publishedAt'> | null } = {
    contents: null,
    bundle: null,
  }
  /** A bundle published after the form started, offered while what was typed is kept (null: none). */
  @state() private newer: Pick<BundleSummary, 'version' | 'publishedAt'> | null = null
  /** The last send's failure, said in the page's language of the moment (formFailureText). */
  @state() private failure: FormFailure | null = null
  @state() private done: number | null = null
  @state() private busy = false
  /** The bundle leaves a list empty and the operator has been asked whether to publish it anyway. */
  @state() private confirming = false
  /** The weekly hours' time fields being typed in (by name): shown as typed until left, not rewritten under the cursor. */
  private readonly typedTimes = new Map<string, string>()

  override willUpdate(changed: Map<string, unknown>): void {
    // a new newest bundle: started from when nothing typed would be lost (onNewerBundle), else offered
    if (changed.has('last')) {
      const publishedHere = this.done !== null && this.lastBundle?.version === this.done
      if (onNewerBundle(this.s, this.base.contents, publishedHere) === 'startAgain') this.startFromLast()
      else this.newer = this.lastBundle
    }
    // the first governorate with an active center: one whose centers are all deactivated would never answer
    if (!this.s.governorate && this.centers.length > 0) this.s = { ...this.s, governorate: defaultGovernorate(this.centers, this.language) }
  }

  /** The form as a copy of the newest published bundle, the target chosen kept. */
  private startFromLast(): void {
    this.s = { ...stateFrom(this.last), kind: this.s.kind, governorate: this.s.governorate, centerIds: this.s.centerIds }
    this.base = { contents: this.last, bundle: this.lastBundle }
    this.newer = null
    // a field half typed belongs to the draft just replaced
    this.typedTimes.clear()
  }

  private t(key: BundleMessageKey, values?: Record<string, string | number>): string {
    return bundleText(key, this.language, values, hubDigits(this.language))
  }

  private set(patch: Partial<BundleFormState>): void {
    this.s = { ...this.s, ...patch }
    this.done = null
    this.confirming = false
  }

  private readonly value = (e: Event) => (e.target as HTMLInputElement).value

  private async submit(e: Event, confirmed = false): Promise<void> {
    e.preventDefault()
    // emptying a list removes what the centers set themselves: publish only once the operator has said so
    if (!confirmed && (emptiedParts(this.s).length > 0 || droppedOutcomes(this.s, this.last).length > 0)) {
      this.confirming = true
      return
    }
    this.confirming = false
    this.failure = null
    this.busy = true
    let created: BundleSummary | null = null
    try {
      created = await requestJson<BundleSummary>('/api/hub/v1/config-bundles', {
        method: 'POST',
        token: this.token,
        body: requestOf(this.s),
      })
      await requestJson(`/api/hub/v1/config-bundles/${created.version}/publish`, { method: 'POST', token: this.token })
      this.done = created.version
      this.dispatchEvent(new CustomEvent('bundle-published', { detail: { version: created.version }, bubbles: true, composed: true }))
    } catch (err) {
      // made but not published: a draft at the hub, which the list shows (with its Publish button) once reloaded
      this.failure = { err, draft: created?.version ?? null }
      if (created) this.dispatchEvent(new CustomEvent('bundle-drafted', { bubbles: true, composed: true }))
    } finally {
      this.busy = false
    }
  }

  private targetPart(): TemplateResult {
    const governorates = governoratesInOrder(this.centers, this.language)
    const hasActive = (g: string) => this.centers.some((c) => c.governorate === g && c.active)
    // said once the target names a center (no center chosen yet is no target to warn about)
    const named = this.s.kind !== 'centers' || this.s.centerIds.length > 0
    const reachesNone = named && this.centers.length > 0 && activeReached(this.s, this.centers) === 0
    return html`<fieldset data-part="target">
      <legend>${this.t('targetKind')}</legend>
      <div class="row" role="radiogroup" aria-label=${this.t('targetKind')}>
        ${(['all', 'governorate', 'centers'] as const).map(
          (k) =>
            html`<label class="inline"><input type="radio" name="kind" value=${k} .checked=${this.s.kind === k} @change=${() => this.set({ kind: k })} />${this.t(`kind_${k}`)}</label>`,
        )}
      </div>
      ${
        this.s.kind === 'governorate'
          ? html`<label>${this.t('chooseGovernorate')}<select name="governorate" @change=${(e: Event) => this.set({ governorate: this.value(e) })}>
              ${governorates.map(
                (g) =>
                  html`<option value=${g} ?selected=${g === this.s.governorate}>${
                    hasActive(g)
                      ? governorateName(g, this.language)
                      : this.t('noActiveGovernorate', { name: governorateName(g, this.language) })
                  }</option>`,
              )}
            </select></label>`
          : nothing
      }
      ${
        this.s.kind === 'centers'
          ? html`<div class="row" role="group" aria-label=${this.t('chooseCenters')}>${this.centers.map(
              (c) =>
                html`<label class="inline"><input type="checkbox" name="centerIds" value=${c.centerId} .checked=${this.s.centerIds.includes(c.centerId)} @change=${(
                  e: Event,
                ) => {
                  const on = (e.target as HTMLInputElement).checked
                  this.set({ centerIds: on ? [...this.s.centerIds, c.centerId] : this.s.centerIds.filter((id) => id !== c.centerId) })
                }} />${nameIn(c, this.language)}${c.active ? nothing : html` <span class="badge waiting" data-deactivated>${this.t('deactivated')}</span>`}</label>`,
            )}</div>`
          : nothing
      }
      ${reachesNone ? html`<p class="error" role="status" data-reaches-none>${this.t('reachesNone')}</p>` : nothing}
      <label>${this.t('note')}<input name="note" .value=${this.s.note} @input=${(e: Event) => this.set({ note: this.value(e) })} /></label>
    </fieldset>`
  }

  private choices(list: ChoiceList, legend: BundleMessageKey): TemplateResult {
    const rows = this.s[list]
    const edit = (i: number, patch: Partial<Choice>) => this.set({ [list]: rows.map((r, n) => (n === i ? { ...r, ...patch } : r)) })
    const field = (i: number, key: keyof Choice, label: BundleMessageKey) =>
      html`<label>${this.t(label)}<input name=${`${list}/${i}/${key}`} dir=${key === 'nameAr' ? 'rtl' : 'ltr'} .value=${rows[i]![key]} @input=${(e: Event) => edit(i, { [key]: this.value(e) })} /></label>`
    return html`<fieldset data-part=${list}>
      <legend>${this.t(legend)}</legend>
      ${rows.map(
        (
          _,
          i,
        ) => html`<div class="row" data-row=${i}>${field(i, 'code', 'code')}${field(i, 'nameAr', 'nameAr')}${field(i, 'nameEn', 'nameEn')}
          <button type="button" aria-label=${this.t('remove', { what: this.t('row', { n: i + 1 }) })} @click=${() => this.set({ [list]: rows.filter((__, n) => n !== i) })}>✕</button></div>`,
      )}
      <div><button type="button" data-add=${list} @click=${() => this.set({ [list]: [...rows, { code: '', nameAr: '', nameEn: '' }] })}>${this.t('add')}</button></div>
    </fieldset>`
  }

  private holidaysPart(): TemplateResult {
    const rows = this.s.holidays
    const edit = (i: number, patch: Record<string, string>) =>
      this.set({ holidays: rows.map((r, n) => (n === i ? { ...r, ...patch } : r)) })
    const field = (i: number, key: 'id' | 'nameAr' | 'nameEn', label: BundleMessageKey) =>
      html`<label>${this.t(label)}<input name=${`holidays/${i}/${key}`} .value=${rows[i]![key]} @input=${(e: Event) => edit(i, { [key]: this.value(e) })} /></label>`
    // a date field shows the browser's format: the day is written under it in the page's (date-echo.ts)
    const dateField = (i: number, key: 'from' | 'to') => {
      const echo = `holidays-${i}-${key}-echo`
      return html`<label>${this.t(key)}<input type="date" name=${`holidays/${i}/${key}`} aria-describedby=${echo} .value=${rows[i]![key]} @input=${(e: Event) => edit(i, { [key]: this.value(e) })} />${dateEcho(rows[i]![key], (day) => hubFormat(this.language).day(day), echo)}</label>`
    }
    return html`<fieldset data-part="holidays">
      <legend>${this.t('holidays')}</legend>
      ${rows.map(
        (
          _,
          i,
        ) => html`<div class="row" data-row=${i}>${field(i, 'id', 'holidayId')}${dateField(i, 'from')}${dateField(i, 'to')}${field(i, 'nameAr', 'nameAr')}${field(i, 'nameEn', 'nameEn')}
          <button type="button" aria-label=${this.t('remove', { what: this.t('row', { n: i + 1 }) })} @click=${() => this.set({ holidays: rows.filter((__, n) => n !== i) })}>✕</button>
          <p class="muted reach" data-holiday-reach>${holidayReach(rows[i]!, this.catalogue, this.language)}</p></div>`,
      )}
      <div><button type="button" data-add="holidays" @click=${() => this.set({ holidays: [...rows, { id: '', from: '', to: '', nameAr: '', nameEn: '', hours: [] }] })}>${this.t('add')}</button></div>
    </fieldset>`
  }

  private mappingPart(): TemplateResult {
    const rows = this.s.mapping
    const edit = (i: number, patch: Record<string, string>) => this.set({ mapping: rows.map((r, n) => (n === i ? { ...r, ...patch } : r)) })
    const name = (c: { nameAr: string; nameEn: string }) => nameIn(c, this.language)
    return html`<fieldset data-part="mapping">
      <legend>${this.t('mapping')}</legend>
      <p class="muted">${this.t('mappingHelp')}</p>
      ${rows.map(
        (r, i) => html`<div class="row" data-row=${i}>
          <label>${this.t('center')}<select name=${`mapping/${i}/center`} @change=${(e: Event) => edit(i, { centerId: this.value(e) })}>
            ${this.centers.map((c) => html`<option value=${c.centerId} ?selected=${c.centerId === r.centerId}>${name(c)}</option>`)}
          </select></label>
          <label>${this.t('localCode')}<input name=${`mapping/${i}/local`} dir="ltr" size="4" .value=${r.local} @input=${(e: Event) => edit(i, { local: this.value(e) })} /></label>
          <label>${this.t('nationalService')}<select name=${`mapping/${i}/code`} @change=${(e: Event) => edit(i, { code: this.value(e) })}>
            ${this.catalogue.map((s) => html`<option value=${s.code} ?selected=${s.code === r.code}>${s.code}${SEPARATOR}${name(s)}</option>`)}
          </select></label>
          <button type="button" aria-label=${this.t('remove', { what: this.t('row', { n: i + 1 }) })} @click=${() => this.set({ mapping: rows.filter((__, n) => n !== i) })}>✕</button>
        </div>`,
      )}
      <div><button type="button" data-add="mapping" ?disabled=${this.centers.length === 0 || this.catalogue.length === 0} @click=${() =>
        this.set({
          mapping: [...rows, { centerId: this.centers[0]?.centerId ?? '', local: '', code: this.catalogue[0]?.code ?? '' }],
        })}>${this.t('add')}</button></div>
    </fieldset>`
  }

  private hoursPart(): TemplateResult {
    const week = this.s.weeklyHours
    const day = (d: Weekday) => {
      const first = week![d][0]
      const setDay = (intervals: WeeklyHours[Weekday]) => this.set({ weeklyHours: { ...week!, [d]: intervals } })
      // a text field in the page's digits, 24-hour: the browser's time field wrote «08:00 AM» on the Arabic page (walk of 2026-12-06);
      // what is typed stays as typed until the field is left, then shows as stored (HH:MM) in the page's digits
      const time = (key: 'open' | 'close') => {
        const name = `hours/${d}/${key}`
        const shown = this.typedTimes.get(name) ?? inDigitStyle(first?.[key] ?? '', hubDigits(this.language))
        // not while it is being typed in: "08" on its way to "08:30" is no mistake yet
        const problem = first && !this.typedTimes.has(name) ? timeFieldProblem(first, key) : null
        const problemId = `hours-${d}-${key}-problem`
        return html`<label>${this.t(key)}<input name=${name} dir="ltr" inputmode="numeric" autocomplete="off" size="6"
          aria-describedby=${problem ? `hours-time-hint ${problemId}` : 'hours-time-hint'} aria-invalid=${problem ? 'true' : nothing}
          .value=${shown} ?disabled=${!first} @input=${(e: Event) => {
            const typed = this.value(e)
            this.typedTimes.set(name, typed)
            // not a time yet: kept as typed (Western digits), and the hub's check names the field if it is sent so
            setDay([{ ...first!, [key]: parseTimeOfDay(typed) ?? toWesternDigits(typed).trim() }, ...week![d].slice(1)])
          }} @change=${() => {
            this.typedTimes.delete(name)
            this.requestUpdate()
          }} /></label>${problem ? html`<span class="error" id=${problemId} data-field-problem=${name}>${hoursEditorText(problem, this.language)}</span>` : nothing}`
      }
      return html`<div class="row" data-day=${d} role="group" aria-label=${this.t(`day_${d}`)}>
        <strong class="day">${this.t(`day_${d}`)}</strong>
        <label class="inline"><input type="checkbox" name=${`hours/${d}/closed`} .checked=${!first} @change=${(e: Event) =>
          setDay((e.target as HTMLInputElement).checked ? [] : [{ ...DEFAULT_DAY }])} />${this.t('closedDay')}</label>
        ${time('open')}${time('close')}
      </div>`
    }
    return html`<fieldset data-part="hours">
      <legend>${this.t('hours')}</legend>
      <label class="inline"><input type="checkbox" name="setHours" .checked=${week !== null} @change=${(e: Event) =>
        this.set({ weeklyHours: (e.target as HTMLInputElement).checked ? defaultWeek() : null })} />${this.t('setHours')}</label>
      ${
        week
          ? html`<p class="muted" id="hours-time-hint">${this.t('timeHint', { hours: 24, example: inDigitStyle(DEFAULT_DAY.open, hubDigits(this.language)) })}</p>${WEEK_ORDER.map(day)}`
          : html`<p class="muted">${this.t('hoursHelp')}</p>`
      }
    </fieldset>`
  }

  /** Before publishing: what the bundle replaces at its targets, the lists it empties called out. */
  private replacesPart(): TemplateResult {
    const empty = emptiedParts(this.s)
    const dropped = droppedOutcomes(this.s, this.last)
    const sep = listComma(this.language)
    const names = (rows: Choice[]) => rows.map((c) => nameIn(c, this.language) || c.code).join(sep)
    const news = this.language === 'ar' ? this.s.newsAr || this.s.newsEn : this.s.newsEn || this.s.newsAr
    const line = (part: string, text: string, emptied: boolean) =>
      html`<li data-replaces=${part} class=${emptied ? 'error' : ''}>${text}</li>`
    return html`<section data-part="replaces" aria-labelledby="replaces-title">
      <h3 id="replaces-title">${this.t('replacesTitle')}</h3>
      <ul>
        ${line(
          'priorityCategories',
          empty.includes('priorityCategories')
            ? this.t('replacesCategoriesNone')
            : this.t('replacesCategories', { list: names(this.s.priorityCategories) }),
          empty.includes('priorityCategories'),
        )}
        ${line(
          'finishOutcomes',
          dropped.length > 0
            ? this.t('replacesOutcomesDropped', { list: names(this.s.finishOutcomes), dropped: names(dropped) })
            : this.t('replacesOutcomes', { list: names(this.s.finishOutcomes) }),
          dropped.length > 0,
        )}
        ${line(
          'announcement',
          empty.includes('announcement') ? this.t('replacesNewsNone') : this.t('replacesNews', { text: news }),
          empty.includes('announcement'),
        )}
        ${line('holidays', holidaysReplaced(this.s.holidays, this.catalogue, this.language), false)}
        ${line('serviceMapping', mappingReplaced(this.s.mapping, this.centers, this.catalogue, this.language), false)}
      </ul>
    </section>`
  }

  /**
   * The confirmation replaces the focused publish button: focus moves into it (to "cancel", the
   * action that changes nothing) and back to the publish button when it closes, or a keyboard or
   * screen-reader user was left on <body> (walk 2026-12-05).
   */
  protected override updated(changed: PropertyValues): void {
    // not at the first render (no earlier value): the page does not take the focus by itself
    if (!changed.has('confirming') || changed.get('confirming') === undefined) return
    const target = this.confirming ? '[data-action="publish-cancel"]' : '[data-action="publish-new"]'
    this.renderRoot.querySelector<HTMLButtonElement>(target)?.focus()
  }

  /** The last send's failure; the hub names the path at fault (body/contents/serviceMapping/EG-CAI-01/A …): shown as it is, left to right. */
  private failurePart(): TemplateResult | typeof nothing {
    if (!this.failure) return nothing
    const { text, detail } = formFailureText(this.failure, this.language)
    return html`<p class="error" role="alert" data-bundle-error>${text}${detail ? html` <bdi dir="ltr" lang="en">${detail}</bdi>` : nothing}</p>`
  }

  /**
   * A bundle published since the form started: said where the analyst publishes, with what
   * publishing this form would do to it, and the choice to start again from it (their typing is kept until they do).
   */
  private newerPart(): TemplateResult | typeof nothing {
    if (!this.newer) return nothing
    const { version } = this.newer
    return html`<div role="status" data-newer-bundle=${version}><p class="error">${this.t('newerPublished', { version })}</p>
      <button type="button" data-action="start-from-newer" @click=${() => {
        this.startFromLast()
        this.done = null
      }}>${this.t('startFromNewer', { version })}</button></div>`
  }

  /** What the form started from: a published bundle (which, when), or blank; drafts are not copied. */
  private startsFrom(): TemplateResult {
    const b = this.base.bundle
    const from =
      b && b.publishedAt !== null
        ? this.t('startsFrom', { version: b.version, time: hubFormat(this.language).time(b.publishedAt) })
        : this.t('startsBlank')
    // a bundle centers refused is copied with what they refused (walk s55: its mapping of a missing service, refused again)
    const refused =
      b && this.lastCenters && this.lastCenters.refused > 0 && this.lastBundle?.version === b.version
        ? ` ${this.t('startsFromRefused', { refused: this.lastCenters.refused, targeted: this.lastCenters.targeted })}`
        : ''
    return html`<p data-starts-from=${b?.version ?? ''} role="note">${from}${refused}${this.drafts > 0 ? ` ${this.t('draftsNotCopied', { count: this.drafts })}` : ''}</p>`
  }

  override render(): TemplateResult {
    return html`<section aria-labelledby="bundle-form-title">
      <h2 id="bundle-form-title">${this.t('formTitle')}</h2>
      <p class="muted">${this.t('formHelp')}</p>
      ${this.startsFrom()}
      <form data-bundle-form @submit=${(e: Event) => void this.submit(e)}>
        ${this.targetPart()}
        ${this.choices('priorityCategories', 'categories')}
        ${this.choices('finishOutcomes', 'outcomes')}
        <fieldset data-part="news">
          <legend>${this.t('news')}</legend>
          <label>${this.t('newsAr')}<input name="newsAr" dir="rtl" .value=${this.s.newsAr} @input=${(e: Event) => this.set({ newsAr: this.value(e) })} /></label>
          <label>${this.t('newsEn')}<input name="newsEn" dir="ltr" .value=${this.s.newsEn} @input=${(e: Event) => this.set({ newsEn: this.value(e) })} /></label>
        </fieldset>
        ${this.holidaysPart()} ${this.mappingPart()} ${this.hoursPart()}
        <details><summary>${this.t('review')}</summary><pre data-review>${JSON.stringify(requestOf(this.s), null, 2)}</pre></details>
        ${this.failurePart()}
        ${this.done !== null ? html`<p class="ok" role="status" data-bundle-published>${this.t('publishedOk', { version: this.done })}</p>` : nothing}
        ${this.newerPart()}
        ${this.replacesPart()}
        ${
          this.confirming
            ? html`<div role="alertdialog" aria-labelledby="confirm-empty" data-confirm-empty>
              <p class="error" id="confirm-empty">${this.t('confirmEmpty')}</p>
              <button class="primary" type="button" data-action="publish-confirm" ?disabled=${this.busy} @click=${(e: Event) => void this.submit(e, true)}>${this.t('confirmPublish')}</button>
              <button type="button" data-action="publish-cancel" @click=${() => {
                this.confirming = false
              }}>${this.t('cancelPublish')}</button>
            </div>`
            : html`<div><button class="primary" type="submit" data-action="publish-new" ?disabled=${this.busy}>${this.t('publishNew')}</button></div>`
        }
      </form>
    </section>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-hub-bundle-form': HubBundleForm
  }
}
