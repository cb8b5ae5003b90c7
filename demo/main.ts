// The demo contract page: the elements on the in-memory adapter, with a role switch, a clock
// control and the adapter's data kept in localStorage (demo only) so it survives a reload.
import '../src/index.js';
import { MemoryAdapter, MemoryStore, seedDemo, type MemoryData } from '../src/adapters/memory.js';
import type { CheckinProvider } from '../src/elements/index.js';
import { CheckinErrorEvent } from '../src/events.js';
import { formatInstant, zoneName } from '../src/format.js';

const STORAGE_KEY = 'checkin-elements-demo:data';
const PREFS_KEY = 'checkin-elements-demo:prefs';

function loadData(): MemoryData {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved) return JSON.parse(saved) as MemoryData;
  } catch {
    // Unreadable or unavailable storage: start from the seed.
  }
  return seedDemo();
}

const store = new MemoryStore(loadData());
store.onChange(() => {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(store.snapshot()));
  } catch {
    // A full or blocked storage only costs the demo its persistence.
  }
});

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

function connect() {
  const contractId = contractSelect.value;
  provider.contractId = contractId;
  // The elements read "now" from the demo's clock, which "Jump to next prompt" moves.
  for (const el of document.querySelectorAll('checkin-toggle, checkin-form, checkin-thread')) {
    (el as HTMLElement & { clock?: () => number }).clock = () => store.now();
  }
  provider.adapter = new MemoryAdapter({ store, viewerId: viewerSelect.value, contractId });
  renderContract();
  savePrefs();
}

function renderContract() {
  const data = store.snapshot();
  const contract = data.contracts.find((c) => c.id === contractSelect.value);
  if (!contract) return;
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
  const frozen = store.snapshot().now;
  clock.textContent = frozen
    ? `Demo clock: ${formatInstant(store.now(), { style: 'long' })}`
    : 'Demo clock: real time';
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

$('#jump').addEventListener('click', () => {
  const at = store.advanceToNextPrompt(contractSelect.value);
  if (!at) clock.textContent = 'No prompt is scheduled for this contract.';
  // Time passed: reconnect, as a page opened at that moment would load.
  else connect();
});
$('#realtime').addEventListener('click', () => {
  store.setNow(null);
  connect();
});
$('#reset').addEventListener('click', () => {
  localStorage.removeItem(STORAGE_KEY);
  location.reload();
});

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
      event instanceof CheckinErrorEvent
        ? `${type}: ${event.detail.error.code} · ${event.detail.error.message}`
        : type;
    log.prepend(item);
  });
}

connect();
