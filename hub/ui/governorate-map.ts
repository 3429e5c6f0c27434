/**
 * `<tabour-hub-map>`: Egypt's 27 governorates as a tile map (egypt-governorates.ts says why tiles),
 * each coloured by the chosen figure in five equal steps from the lowest value to the highest
 * (map-scale.ts), a governorate without a value in grey. The legend names the values each colour
 * stands for on this map, as the tiles write them (not bounds no governorate reaches); the table
 * below is the map's text alternative and also lists a governorate name the map does not know.
 * Properties in: `rows` (GET /figures?by=governorate), `figure`, `selected` (a hub governorate,
 * outlined), `language`.
 */
import { LitElement, css, html, nothing, svg, type TemplateResult } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type { Lang } from '../../ui-common/i18n.ts'
import type { FigureRow } from '../../protocol/hub-api.ts'
import { analysisText, type AnalysisMessageKey } from '../../protocol/messages/hub-analysis.ts'
import { themeStyles } from '../../ui-common/theme.ts'
import { type AnalysisFigure, figureLabel, FIGURE_LABEL_VALUES, figureValue, formatFigure } from './analysis-figures.ts'
import { EGYPT_GOVERNORATES, GRID_COLUMNS, GRID_ROWS, type Governorate, governorateOf } from './egypt-governorates.ts'
import { hubFormat, hubDigits } from './hub-format.ts'
import { classesOf } from './map-scale.ts'
import { type TileKind, tileLook } from './map-tiles.ts'
import { hubStyles } from './hub-styles.ts'
import { nothingReported } from './figure-cells.ts'
import { inGovernorateOrder } from './governorate-order.ts'
import { nameIn } from '../../protocol/name-in-language.ts'

const TILE_W = 100
const TILE_H = 64
const GAP = 4

/** A legend's colour as a tiny SVG: the pages' CSP refuses inline styles, and a fill attribute is no style. */
const swatch = (kind: TileKind) => {
  const { fill, dashed } = tileLook(kind)
  return html`<svg class="swatch" viewBox="0 0 20 20" aria-hidden="true"><rect x="1" y="1" width="18" height="18" fill=${fill} stroke="#5a6b7d" stroke-dasharray=${dashed ? '3 2' : 'none'}></rect></svg>`
}

@customElement('tabour-hub-map')
export class HubMap extends LitElement {
  static override styles = [
    themeStyles,
    hubStyles,
    css`
      :host {
        display: block;
      }
      svg.map {
        direction: ltr;
        inline-size: 100%;
        max-inline-size: 34rem;
        block-size: auto;
        display: block;
      }
      .legend {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem 1rem;
        padding: 0;
        margin: var(--tabour-space-1) 0;
        list-style: none;
      }
      .legend li {
        display: flex;
        align-items: center;
        gap: 0.4rem;
      }
      .swatch {
        inline-size: 1.2rem;
        block-size: 1.2rem;
      }
      .note {
        color: #4a5568;
        margin: 0;
      }
    `,
  ]

  @property({ attribute: false }) rows: FigureRow[] = []
  @property() figure: AnalysisFigure = 'issued'
  /** The governorate the drill-down is in (hub value), outlined on the map. */
  @property() selected = ''
  @property() language: Lang = 'ar'
  /** A governorate analyst's own governorate (hub value); '' for a national view. The others are painted as outside the scope. */
  @property() scope = ''

  private t(key: AnalysisMessageKey, values?: Record<string, string | number>): string {
    return analysisText(key, this.language, values, hubDigits(this.language))
  }

  override render(): TemplateResult {
    const f = hubFormat(this.language)
    const fig = this.figure
    const name = (g: Pick<Governorate, 'nameAr' | 'nameEn'>) => nameIn(g, this.language)
    // the hub's rows by map governorate; a name the map does not know stays in the table
    const known = new Map<string, { row: FigureRow; value: number | null }>()
    const listed = this.rows.map((row) => {
      const g = governorateOf(row.key)
      // none of its centers reported: no value, painted and written "No data", not a 0 on the scale
      const value = nothingReported(row) ? null : figureValue(fig, row)
      if (g) known.set(g.code, { row, value })
      return { row, g, value }
    })
    // the table in the page's one order of governorates (the hub answers by code)
    const inOrder = inGovernorateOrder(listed, this.language, (l) => l.row.key)
    const values = [...known.values()].map((k) => k.value).filter((v): v is number => v !== null)
    const scale = values.length ? classesOf(values) : null
    // the legend says which values each colour stands for on this map (the classes that hold one), as written on the tiles
    const shown = new Map<number, string[]>()
    for (const v of [...values].sort((a, b) => a - b)) {
      const c = scale!.classOf(v)
      const text = formatFigure(fig, v, f)
      // several short waits are one "< 1", not the words again for each
      if (!shown.get(c)?.includes(text)) shown.set(c, [...(shown.get(c) ?? []), text])
    }
    const selected = this.selected ? governorateOf(this.selected)?.code : undefined
    const scope = this.scope ? governorateOf(this.scope)?.code : undefined
    const title = this.t('mapTitle', { figure: this.t(figureLabel(fig), FIGURE_LABEL_VALUES) })
    const w = GRID_COLUMNS * (TILE_W + GAP)
    const h = GRID_ROWS * (TILE_H + GAP)
    return html`<section data-map aria-labelledby="map-title">
      <h2 id="map-title">${title}</h2>
      <p class="note">${this.t('mapNote')}</p>
      <svg class="map" viewBox=${`0 0 ${w} ${h}`} role="img" aria-labelledby="map-title">
        ${EGYPT_GOVERNORATES.map((g) => {
          const outside = scope !== undefined && g.code !== scope
          const k = outside ? undefined : known.get(g.code)
          const cls = k && k.value !== null && scale ? scale.classOf(k.value) : null
          const x = g.col * (TILE_W + GAP)
          const y = g.row * (TILE_H + GAP)
          const kind: TileKind = outside ? 'outside' : cls === null ? 'none' : cls
          const { fill, dashed } = tileLook(kind)
          const ink = cls !== null && cls >= 3 ? '#ffffff' : '#0b1f33'
          return svg`<g data-governorate=${g.code} data-class=${String(kind)}>
            <rect x=${x} y=${y} width=${TILE_W} height=${TILE_H} rx="6" fill=${fill}
              stroke=${g.code === selected ? '#ffc20e' : '#5a6b7d'} stroke-width=${g.code === selected ? 4 : 1}
              stroke-dasharray=${dashed ? '4 3' : 'none'}></rect>
            <text x=${x + TILE_W / 2} y=${y + 24} text-anchor="middle" font-size="12" fill=${ink}>${name(g)}</text>
            <text x=${x + TILE_W / 2} y=${y + 48} text-anchor="middle" font-size="15" font-weight="700" fill=${ink}>${
              k && k.value !== null ? formatFigure(fig, k.value, f) : ''
            }</text>
          </g>`
        })}
      </svg>
      <ul class="legend" aria-label=${this.t('legend')} data-legend>
        ${[...shown]
          .sort(([a], [b]) => a - b)
          .map(([c, texts]) => {
            const lo = texts[0]
            const hi = texts[texts.length - 1]
            return html`<li data-legend-class=${c}>${swatch(c)}${lo === hi ? lo : `${lo} – ${hi}`}</li>`
          })}
        <li data-legend-class="none">${swatch('none')}${this.t('noData')}</li>
        ${scope ? html`<li data-legend-class="outside">${swatch('outside')}${this.t('outsideScope')}</li>` : nothing}
      </ul>
      <table data-table="map">
        <caption>${this.t('mapTable')}</caption>
        <thead><tr><th scope="col">${this.t('governorate')}</th><th scope="col" class="n">${this.t(figureLabel(fig), FIGURE_LABEL_VALUES)}</th></tr></thead>
        <tbody>${inOrder.map(
          ({ row, g, value }) => html`<tr data-key=${row.key} data-code=${g?.code ?? ''}>
            <th scope="row">${name(g ?? row)}${g ? nothing : html` <span class="tag">${this.t('notOnMap')}</span>`}</th>
            <td class="n" data-col="value">${nothingReported(row) ? this.t('noData') : formatFigure(fig, value, f)}</td>
          </tr>`,
        )}</tbody>
      </table>
    </section>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-hub-map': HubMap
  }
}
