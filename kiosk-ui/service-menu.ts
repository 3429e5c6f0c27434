/**
 * `<tabour-service-menu>`: the kiosk's home menu (issue 21). Few services (FLAT_MENU_MAX or
 * fewer, protocol/service-menu.ts) keep the flat grid. More get a search box (either name,
 * Arabic folded: «احوال» finds «أحوال») and, when some services are in groups, two levels:
 * the groups (with "Other services" for those in none), then a group's services. Typing
 * searches every service the kiosk offers, whatever group is open. The services themselves
 * are `<tabour-service-grid>` cards; `service-select` bubbles up from them unchanged.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { ServiceWithQueue } from '../protocol/entities.ts'
import { menuLayout, searchServices } from '../protocol/menu-layout.ts'
import type { ServiceGroup } from '../protocol/service-menu.ts'
import { serviceMenuText } from '../protocol/messages/service-menu.ts'
import type { DigitStyle } from '../ui-common/digits.ts'
import { inLang } from '../ui-common/bilingual.ts'
import { DEFAULT_LANG, otherLang, type Lang } from '../ui-common/i18n.ts'
import { serviceIcon } from '../ui-common/service-icons.ts'
import { themeStyles } from '../ui-common/theme.ts'
import { kioskStyles, tileLook, tilePressed } from './kiosk-styles.ts'
import './service-grid.ts'

/** The tile of the services in no group. */
const OTHER = 0

@customElement('tabour-service-menu')
export class ServiceMenu extends LitElement {
  static override styles = [
    themeStyles,
    kioskStyles,
    css`
      :host {
        display: grid;
        gap: var(--tabour-space-3);
      }
      .search {
        display: flex;
        gap: var(--tabour-space-2);
        align-items: stretch;
      }
      .search label {
        flex: 1;
        display: grid;
        gap: 0.25rem;
      }
      .search .label {
        font-size: var(--tabour-text-base);
        font-weight: 700;
      }
      input {
        min-block-size: calc(var(--tabour-touch-min) * 1.25);
        padding-inline: var(--tabour-space-2);
        border: 4px solid var(--tabour-primary);
        border-radius: var(--tabour-radius);
        font: inherit;
        font-size: var(--tabour-text-large);
        background: var(--tabour-bg);
        color: var(--tabour-fg);
      }
      .search .btn {
        align-self: end;
      }
      .groups {
        display: grid;
        grid-template-columns: repeat(2, minmax(0, 1fr));
        gap: var(--tabour-space-3);
      }
      @media (orientation: landscape) {
        .groups {
          grid-template-columns: repeat(3, minmax(0, 1fr));
        }
      }
      .groups [role='listitem'] {
        display: grid;
      }
      .group {
        inline-size: 100%;
        display: grid;
        grid-template-columns: auto minmax(0, 1fr);
        align-items: center;
        gap: var(--tabour-space-2);
        ${tileLook}
      }
      .group:active {
        ${tilePressed}
      }
      .group .glyph {
        display: grid;
        place-items: center;
        inline-size: 5rem;
        block-size: 5rem;
        border-radius: var(--tabour-radius);
        background: var(--tabour-primary);
        color: var(--tabour-on-primary);
        font-size: 3.5rem;
      }
      .group .name {
        display: block;
        font-size: 1.875rem;
        font-weight: 700;
        overflow-wrap: anywhere;
      }
      .group .count {
        display: block;
        margin-block-start: 0.25rem;
        color: var(--tabour-primary);
        font-weight: 700;
      }
      .open-group {
        display: flex;
        align-items: center;
        gap: var(--tabour-space-2);
      }
      .open-group h2 {
        margin: 0;
        display: flex;
        align-items: center;
        gap: var(--tabour-space-1);
        font-size: var(--tabour-text-large);
      }
      .empty {
        margin: 0;
        padding: var(--tabour-space-3);
        text-align: center;
        font-size: var(--tabour-text-large);
      }
    `,
  ]

  /** The services this kiosk offers, in display order; default none. */
  @property({ attribute: false }) services: ServiceWithQueue[] = []
  /** The center's service groups in menu order; default none. */
  @property({ attribute: false }) groups: ServiceGroup[] = []
  /** Current language; default 'ar'. */
  @property({ reflect: true }) override lang: Lang = DEFAULT_LANG
  /** Digits for figures; default 'western'. */
  @property() digits: DigitStyle = 'western'
  /** The center's IANA zone (the grid's opening words); default the browser's. */
  @property() timeZone: string | undefined
  /** The service whose ticket is being issued; default null. */
  @property({ attribute: false }) busyServiceId: number | null = null

  @state() private query = ''
  /** The open group (OTHER: the services in none); null: the groups are shown. */
  @state() private openGroup: number | null = null

  /** Back to the top of the menu with an empty search (the kiosk went idle, or a ticket was taken). */
  reset(): void {
    this.query = ''
    this.openGroup = null
  }

  override render(): TemplateResult {
    const layout = menuLayout(this.services)
    const searching = layout.search && this.query.trim() !== ''
    return html`${layout.search ? this.searchBox() : nothing}
    ${
      searching
        ? this.searchResults()
        : layout.mode === 'flat'
          ? this.grid(this.services)
          : this.openGroup === null
            ? this.groupTiles()
            : this.groupServices(this.openGroup)
    }`
  }

  private searchBox(): TemplateResult {
    const lang = this.lang
    return html`<div class="search" role="search">
      <label>
        <span class="label">${serviceMenuText('menu.search', lang)}</span>
        <input
          type="search"
          data-search
          .value=${this.query}
          placeholder=${serviceMenuText('menu.searchHint', lang)}
          autocomplete="off"
          @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)}
        />
      </label>
      ${
        this.query
          ? html`<button type="button" class="btn" data-action="clear-search" @click=${() => (this.query = '')}>
              ${serviceMenuText('menu.clearSearch', lang)}
            </button>`
          : nothing
      }
    </div>`
  }

  private searchResults(): TemplateResult {
    const found = searchServices(this.services, this.query)
    if (found.length === 0) return html`<p class="empty" role="status" data-no-match>${serviceMenuText('menu.noMatch', this.lang)}</p>`
    return this.grid(found)
  }

  private grid(services: ServiceWithQueue[]): TemplateResult {
    return html`<tabour-service-grid
      .services=${services}
      .lang=${this.lang}
      .digits=${this.digits}
      .timeZone=${this.timeZone}
      .busyServiceId=${this.busyServiceId}
    ></tabour-service-grid>`
  }

  /** The groups that hold an offered service, then "Other services" when some are in none. */
  private tiles(): { id: number; nameAr: string; nameEn: string; icon: string | null; count: number }[] {
    const known = new Set(this.groups.map((g) => g.id))
    const count = (id: number) => this.services.filter((s) => (known.has(s.groupId ?? -1) ? s.groupId : OTHER) === id).length
    const tiles = this.groups
      .map((g) => ({ id: g.id, nameAr: g.nameAr, nameEn: g.nameEn, icon: g.icon, count: count(g.id) }))
      .filter((g) => g.count > 0)
    const others = count(OTHER)
    if (others > 0) {
      const name = (l: Lang) => serviceMenuText('menu.otherServices', l)
      tiles.push({ id: OTHER, nameAr: name('ar'), nameEn: name('en'), icon: 'info', count: others })
    }
    return tiles
  }

  private groupTiles(): TemplateResult {
    const lang = this.lang
    const other = otherLang(lang)
    const name = (g: { nameAr: string; nameEn: string }, l: Lang) => (l === 'ar' ? g.nameAr : g.nameEn)
    return html`<div class="groups" role="list">
      ${this.tiles().map(
        (g) => html`<div role="listitem">
          <button type="button" class="group" data-group-id=${g.id} @click=${() => (this.openGroup = g.id)}>
            <span class="glyph" aria-hidden="true">${serviceIcon(g.icon)}</span>
            <span>
              <span class="name">${name(g, lang)}</span>
              <span class="second">${inLang(name(g, other), other)}</span>
              <span class="count">${serviceMenuText('menu.groupCount', lang, { n: g.count }, this.digits)}</span>
            </span>
          </button>
        </div>`,
      )}
    </div>`
  }

  private groupServices(id: number): TemplateResult {
    const lang = this.lang
    const known = new Set(this.groups.map((g) => g.id))
    const group = this.tiles().find((t) => t.id === id)
    const services = this.services.filter((s) => (known.has(s.groupId ?? -1) ? s.groupId : OTHER) === id)
    return html`<div class="open-group">
        <button type="button" class="btn" data-action="menu-back" @click=${() => (this.openGroup = null)}>
          ${serviceMenuText('menu.back', lang)}
        </button>
        <h2 data-open-group=${id}>${serviceIcon(group?.icon)} ${group ? (lang === 'ar' ? group.nameAr : group.nameEn) : ''}</h2>
      </div>
      ${this.grid(services)}`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-service-menu': ServiceMenu
  }
}
