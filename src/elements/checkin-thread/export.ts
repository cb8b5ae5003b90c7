import { msg, str } from '@lit/localize';
import { formatInstant } from '../../format.js';
import {
  isActivity,
  isCheckin,
  type Activity,
  type Checkin,
  type Contract,
  type HistoryItem,
  type Question,
} from '../../model.js';
import { activityText, closedText } from './activity.js';
import { healthLabel } from '../shared.js';
import { kindLabel, orderedAnswers, questionLabel, statusLabel } from './labels.js';

// The paper trail: the whole history, check-ins and the changes to the settings between them,
// as Markdown (to read, print or paste), CSV (for a spreadsheet) and JSON (for a program).
// Pure functions over the model, no DOM: the element fetches every page and then downloads what
// these return. A file is shared beyond its reader, so changes are written in their actor's
// name, never "You".

export interface ExportOptions {
  /** IANA zone the local times are written in (the viewer's). */
  timeZone?: string;
  /** BCP 47 locale for dates and times (the viewer's). */
  locale?: string;
}

// CommonMark lets a backslash escape any ASCII punctuation; these are the characters that can
// start emphasis, code, links, images, autolinks, raw HTML, entities, headings or tables.
const MARKDOWN_SPECIAL = /[\\`*_[\]<>#|&!~]/g;
// Line starts that would open a list, a thematic break or a setext heading underline.
const LINE_START_BLOCK = /^(\s*)([-+=]|\d+(?=[.)]))/;
// GFM turns bare "scheme://", "www." and e-mail addresses into links; an escaped ":" "." or "@"
// (still ASCII punctuation, shown as itself) keeps them text.
const AUTOLINK = /\b([a-z][a-z0-9+.-]*):(?=\/\/)|\b(www)\.|@/gi;

/** `text` as literal Markdown: it cannot open headings, links (also GFM's bare URLs), HTML, code or lists. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) =>
      line
        .replace(MARKDOWN_SPECIAL, '\\$&')
        .replace(AUTOLINK, (_m, scheme?: string, www?: string) => (scheme ? `${scheme}\\:` : www ? `${www}\\.` : '\\@'))
        .replace(LINE_START_BLOCK, (_m, space: string, marker: string) =>
          /\d/.test(marker) ? `${space}${marker}\\` : `${space}\\${marker}`,
        ),
    )
    .join('\n');
}

/** Text prefixed so that each line stays inside a Markdown blockquote. */
function quote(text: string): string {
  return escapeMarkdown(text)
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
}

/** Text indented so that every line stays inside one list item. */
function inline(text: string): string {
  return escapeMarkdown(text).split('\n').join('\n  ');
}

/** The words of a change or a closed check-in in a file: full names, the exporter's zone. */
function terms(options: ExportOptions) {
  return { locale: options.locale, timeZone: options.timeZone ?? 'UTC' };
}

type When = (instant: string) => string;

/** The title and the facts above the entries. */
function markdownHead(contract: Contract, items: readonly HistoryItem[], options: ExportOptions): string[] {
  const checkins = items.filter(isCheckin);
  const changes = items.length - checkins.length;
  const out: string[] = [];
  out.push(`# ${escapeMarkdown(msg(str`Check-ins: ${contract.title}`))}`);
  out.push('');
  out.push(
    `- ${msg('Client')}: ${inline(contract.client.name)}`,
    `- ${msg('Talent')}: ${inline(contract.talent.name)}`,
    `- ${msg('Check-ins')}: ${checkins.length}`,
  );
  if (changes) out.push(`- ${msg('Changes to the settings')}: ${changes}`);
  if (options.timeZone) out.push(`- ${msg('Times are in')}: ${inline(options.timeZone)}`);
  return out;
}

/** A change to the settings as a section. */
function markdownChange(checkin: Activity, options: ExportOptions, when: When): string[] {
  return [
    '',
    `## ${escapeMarkdown(msg(str`Change, ${when(checkin.at)}`))}`,
    '',
    inline(activityText(checkin, terms(options), checkin.actor.name)),
    '',
    `- ${msg('At (UTC)')}: ${checkin.at}`,
  ];
}

/** A check-in's facts as a list. */
function markdownFacts(checkin: Checkin, contract: Contract, options: ExportOptions, when: When): string[] {
  const out: string[] = [];
  out.push(`- ${msg('Status')}: ${statusLabel(checkin.status)}`);
  out.push(`- ${msg('Due (UTC)')}: ${checkin.dueAt}`);
  out.push(`- ${msg('Requested by')}: ${inline(checkin.requestedBy.name)}`);
  if (checkin.message) out.push(`- ${msg('Message')}: ${inline(checkin.message)}`);
  if (checkin.health) out.push(`- ${msg('Health')}: ${healthLabel(checkin.health)}`);
  if (checkin.answeredAt) out.push(`- ${msg('Answered')}: ${when(checkin.answeredAt)}`);
  if (checkin.editedAt) out.push(`- ${msg('Edited')}: ${when(checkin.editedAt)}`);
  if (checkin.skipNote) out.push(`- ${msg('Skip note')}: ${inline(checkin.skipNote)}`);
  const closed = closedText(checkin, terms(options), true);
  if (closed) out.push(`- ${inline(closed)}`);
  if (checkin.acknowledgedAt) {
    out.push(`- ${escapeMarkdown(msg(str`Seen by ${contract.client.name}`))}: ${when(checkin.acknowledgedAt)}`);
  }
  return out;
}

/** A check-in as a section: its facts, its answers under their questions, its replies. */
function markdownCheckin(
  checkin: Checkin,
  contract: Contract,
  questions: readonly Question[],
  options: ExportOptions,
  when: When,
): string[] {
  const due = formatInstant(checkin.dueAt, { ...options, style: 'long' });
  const out = ['', `## ${escapeMarkdown(kindLabel(checkin))}, ${escapeMarkdown(msg(str`due ${due}`))}`, ''];
  out.push(...markdownFacts(checkin, contract, options, when));
  for (const answer of orderedAnswers(checkin, questions)) {
    out.push('', `**${escapeMarkdown(answer.label)}**`, '');
    out.push(answer.text.trim() ? quote(answer.text) : `_${msg('No answer')}_`);
  }
  if (checkin.replies.length) {
    out.push('', `### ${msg('Replies')}`, '');
    for (const reply of checkin.replies) {
      out.push(`- **${escapeMarkdown(reply.author.name)}**, ${when(reply.createdAt)}: ${inline(reply.text)}`);
    }
  }
  return out;
}

/** The whole history as a Markdown document, newest first. */
export function toMarkdown(
  contract: Contract,
  questions: readonly Question[],
  items: readonly HistoryItem[],
  options: ExportOptions = {},
): string {
  const when: When = (instant) => formatInstant(instant, { ...options, style: 'datetime' });
  const out = markdownHead(contract, items, options);
  for (const item of items) {
    out.push(
      ...(isActivity(item)
        ? markdownChange(item, options, when)
        : markdownCheckin(item, contract, questions, options, when)),
    );
  }
  return `${out.join('\n')}\n`;
}

// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field per RFC 4180, with spreadsheet formulas neutralised by a leading `'`. */
export function csvCell(value: string): string {
  let cell = FORMULA_START.test(value) ? `'${value}` : value;
  if (/[",\r\n]/.test(cell)) cell = `"${cell.replace(/"/g, '""')}"`;
  return cell;
}

/** Ids of answered questions that were removed later: they still belong in the trail, as extra columns. */
function removedQuestionIds(items: readonly HistoryItem[], questions: readonly Question[]): string[] {
  const extraIds: string[] = [];
  for (const checkin of items.filter(isCheckin)) {
    for (const answer of checkin.answers ?? []) {
      if (!questions.some((q) => q.id === answer.questionId) && !extraIds.includes(answer.questionId)) {
        extraIds.push(answer.questionId);
      }
    }
  }
  return extraIds;
}

function csvHeader(questions: readonly Question[], extraIds: readonly string[]): string[] {
  return [
    msg('Due (UTC)'),
    msg('Due (local)'),
    msg('Kind'),
    msg('Status'),
    msg('Requested by'),
    msg('Message'),
    ...questions.map((q) => q.prompt),
    ...extraIds.map((id) => `${questionLabel(questions, id)} (${id})`),
    msg('Health'),
    msg('Skip note'),
    msg('Answered at (UTC)'),
    msg('Edited at (UTC)'),
    msg('Acknowledged at (UTC)'),
    msg('Replies'),
    msg('Closed'),
    msg('Change'),
    msg('Changed by'),
  ];
}

/** A change's row: its time in the "Due" columns, its words and actor in the last two. */
function csvChange(c: Activity, columns: number, options: ExportOptions): string[] {
  return [
    c.at,
    formatInstant(c.at, { ...options, style: 'long' }),
    msg('Change'),
    // Status to Closed say nothing about a change.
    ...Array.from({ length: 3 + columns + 7 }, () => ''),
    activityText(c, terms(options), c.actor.name),
    c.actor.name,
  ];
}

function csvCheckin(c: Checkin, questionIds: readonly string[], options: ExportOptions): string[] {
  return [
    c.dueAt,
    formatInstant(c.dueAt, { ...options, style: 'long' }),
    kindLabel(c),
    statusLabel(c.status),
    c.requestedBy.name,
    c.message ?? '',
    ...questionIds.map((id) => c.answers?.find((a) => a.questionId === id)?.text ?? ''),
    c.health ? healthLabel(c.health) : '',
    c.skipNote ?? '',
    c.answeredAt ?? '',
    c.editedAt ?? '',
    c.acknowledgedAt ?? '',
    c.replies.map((r) => `${r.author.name} (${r.createdAt}): ${r.text}`).join('\n'),
    closedText(c, terms(options), true) ?? '',
    '',
    '',
  ];
}

/**
 * The whole history as CSV (RFC 4180, CRLF line ends), one row per entry, newest first. A
 * change to the settings has its time in the "Due" columns, its kind "Change", its actor and
 * its words in the last two columns.
 */
export function toCsv(
  _contract: Contract,
  questions: readonly Question[],
  items: readonly HistoryItem[],
  options: ExportOptions = {},
): string {
  const extraIds = removedQuestionIds(items, questions);
  const questionIds = [...questions.map((q) => q.id), ...extraIds];
  const rows = items.map((c) =>
    isActivity(c) ? csvChange(c, questionIds.length, options) : csvCheckin(c, questionIds, options),
  );
  return [csvHeader(questions, extraIds), ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * The whole history as JSON, the model's own shapes (check-ins and activity entries, newest
 * first), with the contract and the questions they answer: for a program, or a backend's import.
 */
export function toJson(
  contract: Contract,
  questions: readonly Question[],
  items: readonly HistoryItem[],
  exportedAt: string,
): string {
  return `${JSON.stringify({ contract, questions, exportedAt, items }, null, 2)}\n`;
}

/** `checkins-<contractId>-<YYYY-MM-DD>.<ext>`, with characters unsafe in file names replaced. */
export function exportFileName(contractId: string, localDate: string, ext: 'md' | 'csv' | 'json'): string {
  const safeId = contractId.replace(/[^\w.-]+/g, '_');
  return `checkins-${safeId}-${localDate}.${ext}`;
}

export type ExportFormat = 'md' | 'csv' | 'json';

/** Everything an export file is made of. */
export interface ExportInput {
  format: ExportFormat;
  contract: Contract;
  questions: readonly Question[];
  items: readonly HistoryItem[];
  options: ExportOptions;
  /** When the file is made (ISO), written into the JSON. */
  exportedAt: string;
}

/** The file to download, in its format's type. */
export function exportBlob({ format, contract, questions, items, options, exportedAt }: ExportInput): Blob {
  if (format === 'md') {
    return new Blob([toMarkdown(contract, questions, items, options)], { type: 'text/markdown;charset=utf-8' });
  }
  if (format === 'csv') {
    // A BOM so that spreadsheets read the CSV as UTF-8.
    return new Blob(['\uFEFF', toCsv(contract, questions, items, options)], { type: 'text/csv;charset=utf-8' });
  }
  return new Blob([toJson(contract, questions, items, exportedAt)], { type: 'application/json' });
}

/** What the live region says once the file is downloaded. */
export function exportDone(name: string, items: readonly HistoryItem[]): string {
  const checkins = items.filter(isCheckin).length;
  const changes = items.length - checkins;
  return changes
    ? msg(str`Downloaded ${name} with ${checkins} check-ins and ${changes} changes to the settings.`)
    : msg(str`Downloaded ${name} with ${checkins} check-ins.`);
}
