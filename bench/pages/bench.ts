// The in-page half of `npm run bench`: bundled by bench/browser.mjs with esbuild (Lit in
// production mode) and driven through `window.bench` by puppeteer. Every figure is taken here
// with performance.now(); the Node side only repeats, orders and aggregates.
import { LitElement, css, html, type PropertyDeclarations } from 'lit';
import { MemoryAdapter, MemoryStore, generateHistory, seedDemo, type MemoryData } from '../../src/adapters/memory.js';
import '../../src/define/checkin-form.js';
import '../../src/define/checkin-thread.js';
import type { CheckinForm } from '../../src/elements/checkin-form/checkin-form.js';
import type { CheckinThread } from '../../src/elements/checkin-thread/checkin-thread.js';
import { DEFAULT_QUESTIONS, type Checkin } from '../../src/model.js';

// Friday 27 November 2026, 17:00 UTC: the week's prompt (16:00 Berlin) has just opened, as in
// the element tests, so that every run sees the same data.
const FIXED = Date.parse('2026-11-27T17:00:00.000Z');
const clock = () => FIXED;
const CONTRACT = 'c-atlas';

// ---- helpers -----------------------------------------------------------------------------------

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** Resolves just after the next frame has been produced (a task queued from its rAF callback). */
function afterNextFrame(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    });
  });
}

async function until(test: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const start = performance.now();
  while (!test()) {
    if (performance.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await frame();
  }
}

/** Elements and nodes (all kinds) in an element's light DOM, its shadow root, and itself. */
function count(host: Element): { elements: number; nodes: number } {
  let elements = 0;
  let nodes = 0;
  const walk = (root: Node) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
    for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
      nodes++;
      if (node.nodeType === Node.ELEMENT_NODE) {
        elements++;
        const shadow = (node as Element).shadowRoot;
        if (shadow) walk(shadow);
      }
    }
  };
  walk(host);
  return { elements, nodes };
}

/** An empty stage for the next measurement, with the previous one's garbage collected. */
function stage(): HTMLElement {
  const main = document.querySelector('main')!;
  main.replaceChildren();
  window.scrollTo(0, 0);
  // Exposed by --js-flags=--expose-gc: a full collection of the JS and DOM heaps.
  (globalThis as { gc?: () => void }).gc?.();
  return main;
}

// ---- data --------------------------------------------------------------------------------------

const seed = structuredClone(seedDemo({ now: FIXED }));
const atlas = seed.contracts.find((c) => c.id === CONTRACT)!;
const histories = new Map<number, Checkin[]>();
function history(n: number): Checkin[] {
  let list = histories.get(n);
  if (!list) histories.set(n, (list = generateHistory(atlas, n, { now: FIXED, seed: 7 })));
  return list;
}

function store(): MemoryStore {
  return new MemoryStore(structuredClone(seed) as MemoryData, { clock });
}

// ---- the naive reference (as in MEASUREMENTS.md) -----------------------------------------------

const PROMPTS = new Map(
  (seed.settings[CONTRACT]?.questions ?? DEFAULT_QUESTIONS).map((q) => [q.id, q.prompt] as const),
);

/** A plain Lit element rendering every check-in: what the thread would cost without windowing. */
class BenchNaive extends LitElement {
  static override properties: PropertyDeclarations = {
    items: { attribute: false },
    cv: { type: Boolean, reflect: true },
  };
  static override styles = css`
    :host {
      display: block;
    }
    .feed {
      display: grid;
      gap: 1rem;
    }
    article {
      border: 1px solid #ccc;
      border-radius: 0.5rem;
      padding: 1rem;
    }
    :host([cv]) article {
      content-visibility: auto;
      contain-intrinsic-size: auto 22rem;
    }
    .chip {
      border: 1px solid currentColor;
      border-radius: 999px;
      padding: 0 0.5rem;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0.125rem 0 0;
      white-space: pre-wrap;
    }
  `;
  declare items: Checkin[];
  declare cv: boolean;
  constructor() {
    super();
    this.items = [];
    this.cv = false;
  }
  protected override render() {
    const total = this.items.length;
    return html`<div role="feed" class="feed" aria-label="Check-in history">
      ${this.items.map((c, i) => {
        const answers = c.answers ?? [];
        return html`<article tabindex="0" aria-posinset=${i + 1} aria-setsize=${total}>
          <h3>${c.kind === 'requested' ? `Update requested by ${c.requestedBy.name}` : 'Weekly check-in'}</h3>
          <p><span class="chip">${c.status}</span> <time datetime=${c.dueAt}>${c.dueAt}</time></p>
          <dl>
            ${[0, 1, 2].map((q) => {
              const answer = answers[q];
              return html`<dt>${answer ? (PROMPTS.get(answer.questionId) ?? '') : ''}</dt>
                <dd>${answer?.text ?? ''}</dd>`;
            })}
          </dl>
          <ol>
            <li>${c.replies[0]?.text ?? c.skipNote ?? ''}</li>
          </ol>
        </article>`;
      })}
    </div>`;
  }
}
customElements.define('bench-naive', BenchNaive);

// ---- thread scale ------------------------------------------------------------------------------

type Variant = 'thread' | 'naive' | 'naive-cv';

interface RenderResult {
  ms: number;
  /** Until the element's update completed (its script), before the frame. */
  scriptMs: number;
  elements: number;
  nodes: number;
  articles: number;
}

let extraThreadCss = '';
function setThreadCss(text: string): void {
  extraThreadCss = text;
}
/** Diagnostics only: whose thread it is (default the client, who sees every control). */
let threadViewer = 'u-dana';
function setThreadViewer(id: string): void {
  threadViewer = id;
}

let current: { thread?: CheckinThread; store?: MemoryStore; naive?: BenchNaive } = {};
/** When the latest live check-in event reached the page (this listener runs before the thread's). */
let liveEvent: { at: number; id: string } | null = null;

/** A thread on a memory backend, loaded with an empty history (so the next set is the figure). */
async function mountThread(): Promise<CheckinThread> {
  const main = stage();
  const backend = store();
  // Subscribed before the thread: the store delivers to listeners in subscription order, each in
  // its own microtask, so this timestamp is taken before the thread sees the event.
  liveEvent = null;
  backend.subscribe(CONTRACT, (event) => {
    if (event.type === 'checkin') liveEvent ??= { at: performance.now(), id: event.checkin.id };
  });
  const el = document.createElement('checkin-thread') as CheckinThread;
  el.adapter = new MemoryAdapter({ store: backend, viewerId: threadViewer, contractId: CONTRACT });
  el.contractId = CONTRACT;
  el.clock = clock;
  el.checkins = [];
  main.append(el);
  // Diagnostics only (never set by `npm run bench`): a candidate CSS change, A/B-tested without
  // editing the element's stylesheet.
  if (extraThreadCss) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(extraThreadCss);
    el.shadowRoot!.adoptedStyleSheets = [...el.shadowRoot!.adoptedStyleSheets, sheet];
  }
  await until(() => !!el.shadowRoot?.querySelector('[role="feed"], [part~="empty"]'), 'the thread to load');
  await el.updateComplete;
  await afterNextFrame();
  current = { thread: el, store: backend };
  return el;
}

/** From setting N loaded check-ins to just after the first frame that shows them. */
async function render(variant: Variant, n: number): Promise<RenderResult> {
  const items = history(n);
  let el: CheckinThread | BenchNaive;
  if (variant === 'thread') {
    el = await mountThread();
  } else {
    const main = stage();
    el = document.createElement('bench-naive') as BenchNaive;
    el.cv = variant === 'naive-cv';
    main.append(el);
    current = { naive: el };
    await el.updateComplete;
    await afterNextFrame();
  }
  const start = performance.now();
  if (el instanceof BenchNaive) el.items = items;
  else el.checkins = items;
  await el.updateComplete;
  const updated = performance.now();
  const end = await afterNextFrame();
  const articles = el.shadowRoot!.querySelectorAll('article').length;
  if (articles === 0) throw new Error(`${variant} rendered no article for N=${n}`);
  return { ms: end - start, scriptMs: updated - start, articles, ...count(el) };
}

/** Frame intervals (rAF deltas) and long animation frames while scrolling newest -> oldest. */
async function scroll(stepPx: number, maxFrames = 20_000, fromTop = true) {
  // The thread, or the naive reference rendered last (same scroll, for comparison).
  const el = current.thread ?? current.naive;
  if (!el) throw new Error('render a thread or a naive list first');
  if (fromTop) window.scrollTo(0, 0);
  await afterNextFrame();
  const loaf: number[] = [];
  let observer: PerformanceObserver | undefined;
  const supported = PerformanceObserver.supportedEntryTypes;
  const type = supported.includes('long-animation-frame')
    ? 'long-animation-frame'
    : supported.includes('longtask')
      ? 'longtask'
      : null;
  if (type) {
    observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) loaf.push(entry.duration);
    });
    observer.observe({ type, buffered: false });
  }
  const deltas: number[] = [];
  const end = () => el.shadowRoot!.querySelector('[part~="end"]');
  const start = performance.now();
  let last = await frame();
  let frames = 0;
  let reached = false;
  let bottomFrames = 0;
  // Where the slow frames were: frame number, interval, and the first rendered entry then.
  const slow: { frame: number; ms: number; firstPosinset: number }[] = [];
  while (frames < maxFrames) {
    window.scrollBy(0, stepPx);
    const now = await frame();
    deltas.push(now - last);
    if (now - last > 40 && slow.length < 20) {
      const first = el.shadowRoot!.querySelector('article');
      slow.push({
        frame: frames,
        ms: Number((now - last).toFixed(1)),
        firstPosinset: Number(first?.getAttribute('aria-posinset') ?? 0),
      });
    }
    last = now;
    frames++;
    const marker = end();
    if (marker && marker.getBoundingClientRect().top < innerHeight) {
      reached = true;
      break;
    }
    const atBottom = scrollY + innerHeight >= document.documentElement.scrollHeight - 1;
    // The naive list is all there: its bottom is its oldest entry.
    if (atBottom && el instanceof BenchNaive) {
      reached = true;
      break;
    }
    // Stuck at the bottom with nothing more coming: the windowing stopped extending.
    bottomFrames = atBottom ? bottomFrames + 1 : 0;
    if (bottomFrames > 120) break;
  }
  await afterNextFrame();
  observer?.takeRecords().forEach((entry) => loaf.push(entry.duration));
  observer?.disconnect();
  const sorted = deltas.slice().sort((a, b) => a - b);
  const lastArticle = [...el.shadowRoot!.querySelectorAll('article')].slice(-1)[0];
  return {
    reached,
    frames,
    seconds: (performance.now() - start) / 1000,
    stepPx,
    longestFrameMs: sorted[sorted.length - 1] ?? 0,
    p99FrameMs: sorted[Math.floor(sorted.length * 0.99)] ?? 0,
    medianFrameMs: sorted[sorted.length >> 1] ?? 0,
    framesOver50: deltas.filter((d) => d > 50).length,
    slowFrames: slow,
    longFrameType: type,
    longFrames: loaf.length,
    longestLongFrameMs: loaf.length ? Math.max(...loaf) : 0,
    lastPosinset: Number(lastArticle?.getAttribute('aria-posinset') ?? 0),
    setsize: Number(lastArticle?.getAttribute('aria-setsize') ?? 0),
    articlesInDom: el.shadowRoot!.querySelectorAll('article').length,
    ...Object.fromEntries(Object.entries(count(el)).map(([k, v]) => [`${k}InDom`, v])),
  };
}

/**
 * From a live event reaching the page to just after the frame that shows its article: another
 * session (the client in a second tab) requests an update through the same backend.
 */
async function live(phaseMs = 0) {
  const { thread: el, store: backend } = current;
  if (!el || !backend) throw new Error('mount a thread first');
  window.scrollTo(0, 0);
  await afterNextFrame();
  // Events arrive at any point of a frame: start `phaseMs` after one, so that the runs spread
  // over the frame instead of all waiting the longest for the next.
  if (phaseMs > 0) await new Promise((resolve) => setTimeout(resolve, phaseMs));
  liveEvent = null;
  const client = new MemoryAdapter({ store: backend, viewerId: 'u-dana', contractId: CONTRACT });
  const requestedAt = performance.now();
  const created = await client.requestUpdate(
    CONTRACT,
    { message: 'Benchmark: a live entry' },
    { idempotencyKey: `bench-${requestedAt}` },
  );
  // The element's own work: its listener ran, then its Lit update (both microtasks).
  await el.updateComplete;
  const updatedAt = performance.now();
  const selector = `article[data-id="${CSS.escape(created.id)}"]`;
  // Frames (rAF callbacks) after the event until the article is in the DOM (1 = the first
  // frame); the end is taken just after the frame in which it was found.
  const { frames, firstFrameAt, end } = await new Promise<{ frames: number; firstFrameAt: number; end: number }>(
    (resolve, reject) => {
      let frames = 0;
      let firstFrameAt = 0;
      const tick = () =>
        requestAnimationFrame(() => {
          // Not the callback's argument: that is the frame's vsync time, which can precede the
          // update's end when the frame began while the update still ran.
          firstFrameAt ||= performance.now();
          frames++;
          if (el.shadowRoot!.querySelector(selector)) {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve({ frames, firstFrameAt, end: performance.now() });
            channel.port2.postMessage(null);
          } else if (frames > 120) {
            reject(new Error('the live entry never appeared'));
          } else {
            tick();
          }
        });
      tick();
    },
  );
  const event = liveEvent as { at: number; id: string } | null;
  if (!event || event.id !== created.id) throw new Error('the live event was not observed');
  const article = el.shadowRoot!.querySelector(selector)!;
  return {
    ms: end - event.at,
    scriptMs: updatedAt - event.at,
    // Waiting for the next frame to begin, then the frame itself (style, layout, paint).
    waitMs: firstFrameAt - updatedAt,
    frameMs: end - firstFrameAt,
    fromRequestMs: end - requestedAt,
    frames,
    posinset: Number(article.getAttribute('aria-posinset')),
    setsize: Number(article.getAttribute('aria-setsize')),
  };
}

// ---- typing ------------------------------------------------------------------------------------

const keyTimes: { total: number; processing: number; handling: number }[] = [];
let drafts = 0;
let pending: Promise<void> | null = null;

async function mountForm(answerLength: number): Promise<{ length: number; checkinId: string }> {
  const main = stage();
  localStorage.clear();
  const backend = store();
  const el = document.createElement('checkin-form') as CheckinForm;
  el.adapter = new MemoryAdapter({ store: backend, viewerId: 'u-kofi', contractId: CONTRACT });
  el.contractId = CONTRACT;
  el.clock = clock;
  el.addEventListener('checkin-draft-saved', () => drafts++);
  main.append(el);
  await until(() => !!el.shadowRoot?.querySelector('textarea'), 'the form to show its fields');
  await el.updateComplete;
  const field = el.shadowRoot!.querySelector('textarea')!;
  const words = 'Reviewed the invoice export with QA and fixed the rounding in the totals. ';
  field.focus();
  field.value = words.repeat(Math.ceil(answerLength / words.length)).slice(0, answerLength);
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' }));
  await el.updateComplete;
  field.setSelectionRange(field.value.length, field.value.length);
  await afterNextFrame();
  keyTimes.length = 0;
  drafts = 0;
  // Capturing on window: runs before any handler of the element, at the keystroke's own time.
  let down = 0;
  let handled = 0;
  window.addEventListener(
    'keydown',
    (event) => {
      down = event.timeStamp;
      handled = 0;
      pending = new Promise((resolve) => {
        requestAnimationFrame(() => {
          const processing = performance.now() - down;
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            keyTimes.push({ total: performance.now() - down, processing, handling: handled - down });
            resolve();
          };
          channel.port2.postMessage(null);
        });
      });
    },
    { capture: true },
  );
  // The element's own work for the keystroke: its input handler and the update it causes.
  window.addEventListener('input', () => {
    void el.updateComplete.then(() => (handled = performance.now()));
  });
  return { length: field.value.length, checkinId: el.shadowRoot!.querySelector('form')?.id ?? '' };
}

async function keyDone(): Promise<number> {
  await pending;
  return keyTimes.length;
}

function typingResult() {
  const el = document.querySelector('checkin-form') as CheckinForm;
  const field = el.shadowRoot!.querySelector('textarea')!;
  return { keys: keyTimes.slice(), drafts, length: field.value.length };
}

declare global {
  interface Window {
    bench: unknown;
  }
}

window.bench = {
  thread: () => current.thread,
  setThreadCss,
  setThreadViewer,
  render,
  scroll,
  live,
  mountThread,
  mountForm,
  keyDone,
  typingResult,
  history,
  count,
};
document.body.dataset.ready = 'true';
