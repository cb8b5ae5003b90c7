// The demo contract page: the elements on the real wire — HttpAdapter against the reference
// server `npm start` runs beside the page (embedded database in .data/demo). "View as" is the
// server's development sign-in; the clock and reset buttons use its development-only routes.
// Two windows (say, client and talent) see each other's actions live.
import '../src/index.js';
import { HttpAdapter } from '../src/adapters/http.js';
import { seedDemo } from '../src/adapters/memory.js';
import type { CheckinProvider } from '../src/elements/index.js';
import { CheckinErrorEvent } from '../src/events.js';
import { formatInstant, zoneName } from '../src/format.js';
import type { Contract, Settings } from '../src/model.js';
import { nextPrompt } from '../src/schedule/index.js';

const PREFS_KEY = 'checkin-elements-demo:prefs';
const CLOCK_KEY = 'checkin-elements-demo:clock';
// Where the API is: the same origin (npm start), or a prefix the page is given (the tests).
const API = new URLSearchParams(location.search).get('api') ?? '';

/** The demo clock (shared by the page's windows through storage): an instant, or real time. */
const demoClock = {
  get(): number | null {
    const saved = Number(localStorage.getItem(CLOCK_KEY));
    return saved > 0 ? saved : null;
  },
  now(): number {
    return this.get() ?? Date.now();
  },
  async set(instant: number | null): Promise<void> {
    await dev('/v1/_testing/clock', { now: instant === null ? null : new Date(instant).toISOString() });
    if (instant === null) localStorage.removeItem(CLOCK_KEY);
    else localStorage.setItem(CLOCK_KEY, String(instant));
  },
};

/** A development-only route of the demo server. */
async function dev(path: string, body: unknown): Promise<void> {
  const response = await fetch(`${API}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}.`);
}

const signedIn = (viewerId: string) => ({ Authorization: `Bearer ${viewerId}` });

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const provider = $<CheckinProvider>('#provider');
const contractSelect = $<HTMLSelectElement>('#contract');
const viewerSelect = $<HTMLSelectElement>('#viewer');
const themeSelect = $<HTMLSelectElement>('#theme');
const clock = $<HTMLOutputElement>('#clock');

const prefs = (() => {
  try {
    return JSON.parse(localStorage.getItem(PREFS_KEY) ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
})();
contractSelect.value = prefs.contract ?? 'c-atlas';
viewerSelect.value = prefs.viewer ?? 'u-kofi';
themeSelect.value = prefs.theme ?? 'light dark';

function savePrefs() {
  try {
    localStorage.setItem(
      PREFS_KEY,
      JSON.stringify({ contract: contractSelect.value, viewer: viewerSelect.value, theme: themeSelect.value }),
    );
  } catch {
    /* persistence is a nicety here */
  }
}

let adapter: HttpAdapter | null = null;

function connect() {
  const contractId = contractSelect.value;
  provider.contractId = contractId;
  // The elements read "now" from the demo's clock, which "Jump to next prompt" moves.
  for (const el of document.querySelectorAll('checkin-toggle, checkin-form, checkin-thread')) {
    (el as HTMLElement & { clock?: () => number }).clock = () => demoClock.now();
  }
  adapter = new HttpAdapter({ baseUrl: API, contractId, headers: signedIn(viewerSelect.value) });
  provider.adapter = adapter;
  void renderContract();
  savePrefs();
}

async function renderContract() {
  // The page's own header reads the contract as its client would (anyone who is a party may).
  const reader = new HttpAdapter({ baseUrl: API, contractId: contractSelect.value, headers: signedIn('u-dana') });
  let contract: Contract;
  try {
    contract = await reader.getContract(contractSelect.value);
  } catch (error) {
    $('#contract-title').textContent = `The demo server did not answer: ${(error as Error).message}`;
    return;
  }
  $('#contract-title').textContent = contract.title;
  $('#crumb-title').textContent = contract.title;
  const details: [string, string][] = [
    ['Client', `${contract.client.name} (${zoneName(contract.client.timeZone)})`],
    ['Talent', `${contract.talent.name} (${zoneName(contract.talent.timeZone)})`],
    ['Type', contract.kind === 'hourly' ? 'Hourly' : `Fixed price, ${contract.milestoneCount ?? 0} milestone(s)`],
    ['Started', formatInstant(contract.startsAt, { style: 'date' })],
    ['Ends', contract.endsAt ? formatInstant(contract.endsAt, { style: 'date' }) : 'Open-ended'],
  ];
  const list = $('#contract-details');
  list.replaceChildren(
    ...details.flatMap(([term, value]) => {
      const dt = document.createElement('dt');
      dt.textContent = term;
      const dd = document.createElement('dd');
      dd.textContent = value;
      return [dt, dd];
    }),
  );
  renderClock();
}

function renderClock() {
  const frozen = demoClock.get();
  clock.textContent = frozen ? `Demo clock: ${formatInstant(frozen, { style: 'long' })}` : 'Demo clock: real time';
}

contractSelect.addEventListener('change', connect);
viewerSelect.addEventListener('change', connect);
themeSelect.addEventListener('change', () => {
  applyTheme();
  savePrefs();
});
// The elements take the page's color-scheme, as on any host page.
function applyTheme() {
  document.documentElement.style.colorScheme = themeSelect.value;
}
applyTheme();

/** The next prompt of the contract shown, if check-ins are on and agreed to. */
async function nextPromptShown(): Promise<number | null> {
  const client = new HttpAdapter({ baseUrl: API, contractId: contractSelect.value, headers: signedIn('u-dana') });
  const [settings, contract]: [Settings, Contract] = await Promise.all([
    client.getSettings(contractSelect.value),
    client.getContract(contractSelect.value),
  ]);
  const due = settings.enabled && (settings.consent === 'not-needed' || settings.consent === 'given');
  const next = due ? nextPrompt(settings.schedule, demoClock.now(), contract) : null;
  return next ? Date.parse(next) : null;
}

$('#jump').addEventListener('click', async () => {
  const at = await nextPromptShown();
  if (!at) {
    clock.textContent = 'No prompt is scheduled for this contract.';
    return;
  }
  await demoClock.set(at + 1000);
  // Time passed: reconnect, as a page opened at that moment would load.
  connect();
});
$('#realtime').addEventListener('click', async () => {
  await demoClock.set(null);
  connect();
});
$('#reset').addEventListener('click', async () => {
  await dev('/v1/_testing/reset', seedDemo());
  localStorage.removeItem(CLOCK_KEY);
  location.reload();
});

// What the server's outbox sent (prompts, requests, answers), as a notification service would.
async function renderNotifications() {
  try {
    const response = await fetch('/_demo/notifications');
    const list = (await response.json()) as Array<{
      kind: string;
      recipient: { name: string };
      actor: { name: string };
      createdAt: string;
    }>;
    $('#notifications').replaceChildren(
      ...list.slice(0, 12).map((n) => {
        const item = document.createElement('li');
        item.textContent = `${formatInstant(n.createdAt, { style: 'datetime' })} · to ${n.recipient.name}: ${n.kind.replace('-', ' ')} (from ${n.actor.name})`;
        return item;
      }),
    );
  } catch {
    // The list is a nicety; the page works without it.
  }
}
setInterval(renderNotifications, 3000);
void renderNotifications();

// The host page hears every event the elements fire.
const log = $('#events');
for (const type of [
  'checkin-settings-change',
  'checkin-submit',
  'checkin-skip',
  'checkin-draft-saved',
  'checkin-reply',
  'checkin-request-update',
  'checkin-error',
] as const) {
  document.addEventListener(type, (event) => {
    const item = document.createElement('li');
    item.textContent =
      event instanceof CheckinErrorEvent ? `${type}: ${event.detail.error.code} · ${event.detail.error.message}` : type;
    log.prepend(item);
  });
}

connect();
