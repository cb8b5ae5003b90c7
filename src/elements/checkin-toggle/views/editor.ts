import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { formatWallTime, weekdayNamesOf, zoneName } from '../../../format.js';
import type { Contract, Settings } from '../../../model.js';
import { isValidTimeZone } from '../../../schedule/index.js';
import { shortText } from '../../shared.js';
import {
  formatLocalDate,
  parseWallTime,
  scheduleOf,
  type DraftErrors,
  type DraftField,
  type ScheduleDraft,
} from '../schedule-draft.js';
import { firstName, nameOf, pairText, upcoming, type ViewerTerms } from '../words.js';
import { ariaLevel, describedBy, renderFieldError } from './parts.js';

export interface EditorProps {
  contract: Contract;
  settings: Settings;
  terms: ViewerTerms;
  level: number;
  draft: ScheduleDraft;
  /** The messages shown now (touched fields, or all after a save attempt). */
  errors: DraftErrors;
  skipInput: string;
  skipError: string;
  /** The schedule zone's date: no earlier date can be skipped. */
  today: string;
  /** Whether check-ins show as on (the next check-ins are said accordingly). */
  on: boolean;
  saving: boolean;
  /** A write is on its way (this one or another): saving is not offered. */
  blocked: boolean;
  dirty: boolean;
  /** The time zone options of the zone field's list. */
  zones: TemplateResult[];
  /** A conflict or failure notice shown above the buttons. */
  notice: unknown;
  onEdit: (patch: Partial<ScheduleDraft>, field: DraftField) => void;
  onSkipInput: (value: string) => void;
  onAddSkip: () => void;
  onRemoveSkip: (date: string) => void;
  onSave: (event: Event) => void;
  onDiscard: () => void;
}

/** The client's schedule form: day, time, zone, pause, skipped dates, the next check-ins. */
export function renderEditor(props: EditorProps): TemplateResult {
  const { contract, saving } = props;
  const talent = contract.talent;
  return html`<form
    class="editor"
    part="editor"
    novalidate
    aria-label=${msg(str`Schedule for ${shortText(contract.title)}`)}
    aria-busy=${saving ? 'true' : 'false'}
    @submit=${props.onSave}
  >
    <div id="editor-title" class="h3" role="heading" aria-level=${ariaLevel(props.level, 1)}>${msg('Schedule')}</div>
    <p class="muted" id="editor-hint">
      ${msg(
        str`When ${nameOf(talent)} is asked. ${firstName(talent)}'s time zone is ${zoneName(talent.timeZone, props.terms.locale)}.`,
      )}
    </p>
    <div class="fields">${renderFields(props)}</div>
    ${renderSkipDates(props)} ${renderNextPrompts(props)} ${props.notice}
    <div class="actions">
      <button
        type="submit"
        class="primary"
        aria-disabled=${props.blocked ? 'true' : 'false'}
        aria-describedby=${describedBy(saving && 'editor-saving')}
      >
        ${saving ? msg('Saving…') : msg('Save schedule')}
      </button>
      ${
        props.dirty && !saving
          ? html`<button type="button" @click=${props.onDiscard}>${msg('Discard changes')}</button>`
          : nothing
      }
      ${saving ? html`<span id="editor-saving" class="muted" part="status">${msg('Saving…')}</span>` : nothing}
    </div>
  </form>`;
}

/** One labelled field of the editor: a select of `options`, or an `input`. */
interface FieldProps {
  id: string;
  label: string;
  value: string;
  error?: string;
  /** Said under the control (`${id}-hint`, which describes it). */
  hint?: string;
  /** After the control (the zone field's list). */
  after?: TemplateResult;
  options?: TemplateResult[];
  /** `typed`: text the person types (no autocomplete or spellcheck), required. */
  input?: { type: 'text' | 'date'; typed?: boolean; size?: string; list?: string };
  onValue: (value: string) => void;
}

function renderFields(props: EditorProps): TemplateResult[] {
  return [dayField(props), timeField(props), zoneField(props), pauseField(props)].map(renderField);
}

function dayField({ draft, errors, terms, onEdit }: EditorProps): FieldProps {
  const options = weekdayNamesOf(terms.locale).map(
    (name, i) =>
      html`<option value=${String(i + 1)} ?selected=${draft.weekday === String(i + 1)}>
        ${name}
      </option>`,
  );
  return {
    id: 'weekday',
    label: msg('Day'),
    value: draft.weekday,
    error: errors.weekday,
    options,
    onValue: (weekday) => onEdit({ weekday }, 'weekday'),
  };
}

// Text, not type=time: a native time field shows the browser's hour cycle, and the view writes
// every time in the viewer's ("16:00" or "4:00 PM").
function timeField({ draft, errors, terms, onEdit }: EditorProps): FieldProps {
  const time = parseWallTime(draft.time);
  return {
    id: 'time',
    label: msg('Time'),
    value: draft.time,
    error: errors.time,
    input: { type: 'text', typed: true, size: '8' },
    hint: time
      ? msg(str`${formatWallTime(time, terms.locale)} in the chosen time zone.`)
      : msg('Local time in the chosen time zone.'),
    onValue: (value) => onEdit({ time: value }, 'time'),
  };
}

function zoneField({ draft, errors, terms, zones, onEdit }: EditorProps): FieldProps {
  const zone = draft.timeZone.trim();
  return {
    id: 'zone',
    label: msg('Time zone'),
    value: draft.timeZone,
    error: errors.timeZone,
    input: { type: 'text', typed: true, list: 'zones' },
    after: html`<datalist id="zones">${zones}</datalist>`,
    hint: isValidTimeZone(zone)
      ? msg(str`${zoneName(zone, terms.locale)}. Type a region and city to change it, e.g. Europe/Berlin.`)
      : msg('A region and city, e.g. Europe/Berlin.'),
    onValue: (timeZone) => onEdit({ timeZone }, 'timeZone'),
  };
}

function pauseField({ draft, errors, onEdit }: EditorProps): FieldProps {
  return {
    id: 'pause',
    label: msg('Pause until'),
    value: draft.pauseDate,
    error: errors.pauseDate,
    input: { type: 'date' },
    hint: msg('No check-ins before this date. Leave empty for no pause.'),
    onValue: (pauseDate) => onEdit({ pauseDate }, 'pauseDate'),
  };
}

function renderField(field: FieldProps): TemplateResult {
  const { id, error, hint } = field;
  const described = describedBy(hint !== undefined && `${id}-hint`, error && `${id}-error`);
  const value = (e: Event) => field.onValue((e.target as HTMLInputElement | HTMLSelectElement).value);
  const input = field.input;
  return html`<div class="field" part="field">
    <label for=${id}>${field.label}</label>
    ${
      !input
        ? html`<select
          id=${id}
          .value=${live(field.value)}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${described}
          @change=${value}
        >
          ${field.options}
        </select>`
        : html`<input
          id=${id}
          type=${input.type}
          list=${ifDefined(input.list)}
          autocomplete=${input.typed ? 'off' : nothing}
          spellcheck=${input.typed ? 'false' : nothing}
          size=${ifDefined(input.size)}
          ?required=${!!input.typed}
          .value=${live(field.value)}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${described}
          @input=${value}
        />`
    }
    ${field.after ?? nothing}
    ${hint === undefined ? nothing : html`<span id=${`${id}-hint`} class="hint muted">${hint}</span>`}
    ${renderFieldError({ id: `${id}-error`, text: error })}
  </div>`;
}

/** The skipped dates as chips, and the field that adds one (Enter adds, not saves). */
function renderSkipDates(props: EditorProps): TemplateResult {
  const { skipError, errors } = props;
  return html`<fieldset class="field skip" part="field">
    <legend>${msg('Skipped dates')}</legend>
    ${renderSkipChips(props)}
    <div class="skip-add">
      <label for="skip-date">${msg('Date to skip')}</label>
      <input
        id="skip-date"
        type="date"
        min=${props.today || nothing}
        .value=${live(props.skipInput)}
        aria-invalid=${skipError || errors.skipDates ? 'true' : 'false'}
        aria-describedby=${describedBy(skipError && 'skip-add-error', errors.skipDates && 'skip-error')}
        @input=${(e: Event) => props.onSkipInput((e.target as HTMLInputElement).value)}
        @keydown=${(e: KeyboardEvent) => {
          // Enter adds the date instead of saving the whole form.
          if (e.key === 'Enter') {
            e.preventDefault();
            props.onAddSkip();
          }
        }}
      />
      <button type="button" @click=${props.onAddSkip}>${msg('Add date')}</button>
    </div>
    ${renderFieldError({ id: 'skip-add-error', text: skipError })}
    ${renderFieldError({ id: 'skip-error', text: errors.skipDates })}
  </fieldset>`;
}

function renderSkipChips({ draft, terms, onRemoveSkip }: EditorProps): TemplateResult {
  if (!draft.skipDates.length) return html`<p class="muted">${msg('No dates are skipped.')}</p>`;
  return html`<ul class="chips" aria-label=${msg('Skipped dates')}>
    ${draft.skipDates.map((date) => {
      const shown = formatLocalDate(date, terms.locale);
      return html`<li class="chip" part="chip">
        <span>${shown}</span>
        <button
          type="button"
          class="chip-remove"
          aria-label=${msg(str`Remove ${shown}`)}
          @click=${() => onRemoveSkip(date)}
        >
          <span aria-hidden="true">×</span>
        </button>
      </li>`;
    })}
  </ul>`;
}

/** The next three check-ins of the draft, in both parties' time. */
function renderNextPrompts({ contract, settings, draft, terms, on, level }: EditorProps): TemplateResult {
  const schedule = scheduleOf(draft);
  const talent = contract.talent;
  let heading: string;
  if (!on) heading = msg('If turned on, the next check-ins would be');
  else if (settings.consent === 'pending')
    heading = msg(str`Once ${firstName(talent)} accepts, the next check-ins would be`);
  else if (settings.consent === 'declined' || settings.consent === 'withdrawn')
    heading = msg(str`If ${firstName(talent)} accepts later, the next check-ins would be`);
  else heading = msg('Next check-ins');
  const prompts = schedule ? upcoming(schedule, contract, terms.now, 3) : [];
  return html`<div class="next" part="next-prompts" role="group" aria-labelledby="next-title">
    <div id="next-title" class="h4" role="heading" aria-level=${ariaLevel(level, 2)}>${heading}</div>
    ${
      !schedule
        ? html`<p class="muted">${msg('Fix the schedule above to see the next check-ins.')}</p>`
        : prompts.length
          ? html`<ol>
            ${prompts.map((p) => html`<li>${pairText(p, contract, terms, false)}</li>`)}
          </ol>`
          : html`<p class="muted">${msg('No check-in fits before the contract ends.')}</p>`
    }
  </div>`;
}
