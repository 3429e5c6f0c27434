/**
 * `<tabour-zone-names>`: what each zone is called on the screens, in Arabic and English. A zone
 * is an id typed with its first counter or device (`ground`); the id stays the key, and the names
 * (settings `zoneNames`, PUT /settings) are what the tables and pickers show (zone-name.ts).
 * Fires `config-changed`, so the dashboard reads the settings again and every table follows.
 */
import { css, html, nothing, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { ZoneName } from '../../protocol/settings.ts'
import { configText } from '../../protocol/messages/config-forms.ts'
import { ConfigForm, str, type FieldSpec } from './config-form.ts'
import { zoneName } from '../zone-name.ts'

@customElement('tabour-zone-names')
export class ZoneNamesConfig extends ConfigForm {
  static override styles = [
    ...ConfigForm.styles,
    css`
      table input {
        inline-size: 100%;
      }
    `,
  ]

  /** The zones in use (the counters' and devices'), each a row. */
  @property({ attribute: false }) zones: string[] = []
  @state() private started = false

  protected fields(): FieldSpec[] {
    return this.zones.flatMap((z) => [
      { name: `zoneNames/${z}/nameAr`, label: this.label('zone.nameOf', z), lang: 'ar' as const },
      { name: `zoneNames/${z}/nameEn`, label: this.label('zone.nameOfEn', z), lang: 'en' as const },
    ])
  }

  /**
   * A name field's label: the zone as the page names it, its code only while it has no name
   * («اسم المنطقة first بالعربية» read the code to a screen reader: walk s54).
   */
  private label(key: 'zone.nameOf' | 'zone.nameOfEn', zone: string): string {
    return configText(key, this.lang, { zone: zoneName(zone, this.zoneNames, this.lang) })
  }

  override willUpdate(): void {
    // the names as saved, once the zones are known (a save reads them again through the settings)
    const key = JSON.stringify([this.zones, this.zoneNames])
    if (this.started && key === this.seen) return
    // a refresh after our own save keeps its "saved" notice
    const notice = this.started ? this.notice : null
    this.started = true
    this.seen = key
    this.load(
      Object.fromEntries(
        this.zones.flatMap((z) => [
          [`zoneNames/${z}/nameAr`, this.zoneNames[z]?.nameAr ?? ''],
          [`zoneNames/${z}/nameEn`, this.zoneNames[z]?.nameEn ?? ''],
        ]),
      ),
    )
    this.notice = notice
  }

  private seen = ''

  override render(): TemplateResult | typeof nothing {
    if (this.zones.length === 0) return nothing
    const l = this.lang
    return html`<form class="card" data-form="zone-names" aria-labelledby="zones-title" novalidate @submit=${this.onSubmit}>
      <h2 id="zones-title">${configText('zone.names', l)}</h2>
      <p class="muted">${configText('zone.namesHelp', l)}</p>
      <table data-table="zone-names">
        <thead><tr><th>${configText('zone.code', l)}</th><th>${configText('zone.nameAr', l)}</th><th>${configText('zone.nameEn', l)}</th></tr></thead>
        <tbody>
          ${this.zones.map(
            (z) => html`<tr data-zone-row=${z}>
              <td><bdi dir="ltr">${z}</bdi></td>
              <td><input name=${`zoneNames/${z}/nameAr`} lang="ar" dir="rtl" maxlength="60" aria-label=${this.label('zone.nameOf', z)} .value=${str(this.values[`zoneNames/${z}/nameAr`])} @input=${this.onInput} /></td>
              <td><input name=${`zoneNames/${z}/nameEn`} lang="en" dir="ltr" maxlength="60" aria-label=${this.label('zone.nameOfEn', z)} .value=${str(this.values[`zoneNames/${z}/nameEn`])} @input=${this.onInput} /></td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${
        // a refusal of one name (the server names the field: zoneNames/<zone>/nameAr), worded with that row's label
        Object.entries(this.errors)
          .filter(([name]) => name !== '_')
          .map(([name, text]) => html`<p class="error" role="alert" data-field-error=${name}>${text}</p>`)
      }
      ${this.footer()}
    </form>`
  }

  private readonly onSubmit = async (e: Event) => {
    e.preventDefault()
    this.errors = {}
    // every name kept, the zones listed here as typed (a zone no longer used keeps its name for when it is again)
    const names: Record<string, ZoneName> = { ...this.zoneNames }
    for (const z of this.zones) {
      const named = { nameAr: str(this.values[`zoneNames/${z}/nameAr`]).trim(), nameEn: str(this.values[`zoneNames/${z}/nameEn`]).trim() }
      if (named.nameAr === '' && named.nameEn === '') delete names[z]
      else names[z] = named
    }
    await this.saveWith(async () => {
      await this.api.putSettings({ zoneNames: names })
    })
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-zone-names': ZoneNamesConfig
  }
}
