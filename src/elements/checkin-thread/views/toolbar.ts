import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { formatInstant, formatRelative } from '../../../format.js';
import type { Contract } from '../../../model.js';
import { displayTitle, renderError, shortText } from '../../shared.js';
import type { Terms } from '../../terms.js';
import type { ExportFormat } from '../export.js';
import type { Exporting } from '../state.js';
import { renderRequestPanel, type RequestProps } from './request.js';

export interface ToolbarProps {
  contract: Contract;
  headingLevel: number;
  /** The client may request updates; others see no request button. */
  isClient: boolean;
  /** Until when the client may not request again (ms), or null. */
  cooldown: number | null;
  now: number;
  terms: Terms;
  request: RequestProps;
  exporting: Exporting;
  /** Pages not loaded yet (the export fetches them). */
  moreToExport: boolean;
  setSize: number;
  onToggleRequest(): void;
  onExport(format: ExportFormat): void;
}

function renderRequestButton({ request, cooldown, onToggleRequest }: ToolbarProps): TemplateResult {
  return html`<button
    type="button"
    part="request-update"
    class="primary"
    aria-expanded=${request.request.open ? 'true' : 'false'}
    aria-controls="request-panel"
    aria-disabled=${cooldown !== null ? 'true' : 'false'}
    aria-describedby=${cooldown !== null ? 'cooldown' : nothing}
    @click=${onToggleRequest}
  >
    ${msg('Request an update')}
  </button>`;
}

function renderExportButtons({ exporting, onExport }: ToolbarProps): TemplateResult {
  const busy = exporting.state === 'exporting' ? 'true' : 'false';
  return html`<div class="export" part="export" role="group" aria-label=${msg('Export the whole history')}>
    <button type="button" part="export-markdown" aria-disabled=${busy} @click=${() => onExport('md')}>
      ${msg('Export Markdown')}
    </button>
    <button type="button" part="export-csv" aria-disabled=${busy} @click=${() => onExport('csv')}>
      ${msg('Export CSV')}
    </button>
    <button type="button" part="export-json" aria-disabled=${busy} @click=${() => onExport('json')}>
      ${msg('Export JSON')}
    </button>
  </div>`;
}

/** Why "Request an update" is unavailable, and until when. */
function renderCooldown({ cooldown, now, terms }: ToolbarProps & { cooldown: number }): TemplateResult {
  const { locale } = terms;
  return html`<p id="cooldown" class="muted cooldown" part="cooldown">
    ${msg(
      str`You can request another update ${formatRelative(cooldown - now, locale)} (${formatInstant(cooldown, {
        locale,
        timeZone: terms.timeZone,
        style: 'weekday-time',
      })}).`,
    )}
  </p>`;
}

/** The export's progress, or its failure with a retry. */
function renderExportStatus({
  exporting,
  moreToExport,
  setSize,
  onExport,
}: ToolbarProps): TemplateResult | typeof nothing {
  if (exporting.state === 'failed') {
    return renderError(exporting.error, () => onExport(exporting.format), msg('Try the export again'));
  }
  if (exporting.state !== 'exporting') return nothing;
  return html`<p class="muted" part="export-status" role="status">
    ${
      moreToExport
        ? msg(str`Preparing the export: ${exporting.loaded} of ${setSize > 0 ? setSize : '?'} entries loaded…`)
        : msg('Preparing the export…')
    }
  </p>`;
}

/** The bar above the feed: the heading, "Request an update" (client), export; then their panels and notices. */
export function renderToolbar(props: ToolbarProps): TemplateResult {
  const { contract, isClient, cooldown, request } = props;
  const panelShown = isClient && request.request.open && cooldown === null;
  return html`<div class="toolbar" part="toolbar">
      <div id="title" class="h2" part="heading" role="heading" aria-level=${props.headingLevel} tabindex="-1"
        title=${displayTitle(contract.title)}>
        ${msg(str`Check-in history for ${shortText(contract.title)}`)}
      </div>
      <div class="tools">${isClient ? renderRequestButton(props) : nothing} ${renderExportButtons(props)}</div>
    </div>
    ${cooldown !== null ? renderCooldown({ ...props, cooldown }) : nothing}
    ${panelShown ? renderRequestPanel(request) : nothing}
    ${isClient && request.request.error && !panelShown ? renderError(request.request.error) : nothing}
    ${renderExportStatus(props)}`;
}
