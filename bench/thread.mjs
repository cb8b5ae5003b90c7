// Thread scale: <checkin-thread> against the naive reference of MEASUREMENTS.md (a plain Lit
// element rendering every article, with and without `content-visibility: auto`), side by side
// in one browser so that the ratios hold on a noisy machine.
import { readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, percentile } from './browser.mjs';

export const SIZES = [50, 1000, 10_000];
export const VARIANTS = ['thread', 'naive', 'naive-cv'];
/** Pixels scrolled per frame: two viewports, so every frame shows only content it has not shown. */
export const SCROLL_STEP = 1600;
/** Frames of the naive lists' scroll, for comparison. */
export const COMPARE_FRAMES = 150;
/** Frames of the scroll traced for CPU time (a trace of the whole scroll would be ~150 MB). */
export const CPU_FRAMES = 300;

/**
 * Main-thread CPU time of each task of the page's renderer while scrolling the first
 * `frames` frames, from a Chromium trace. Unlike frame intervals, CPU time does not grow when
 * other processes take the CPU away, so it tells the element's cost from the machine's load.
 */
export async function scrollCpu(page, frames) {
  const path = join(tmpdir(), `checkin-bench-trace-${process.pid}.json`);
  try {
    await page.tracing.start({ path, categories: ['toplevel'] });
    const scroll = await page.evaluate((step, n) => window.bench.scroll(step, n), SCROLL_STEP, frames);
    await page.tracing.stop();
    const { traceEvents } = JSON.parse(await readFile(path, 'utf8'));
    const renderers = new Set(
      traceEvents
        .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
        .map((e) => `${e.pid}:${e.tid}`),
    );
    const tasks = new Map();
    for (const e of traceEvents) {
      const thread = `${e.pid}:${e.tid}`;
      if (e.name !== 'ThreadControllerImpl::RunTask' || !renderers.has(thread) || e.tdur == null) continue;
      if (!tasks.has(thread)) tasks.set(thread, []);
      // "static Handle cppgc::...::IncrementalSweepTask::Post(SweeperImpl &, ...)" -> "...::Post".
      const source = String(e.args?.src_func ?? '?')
        .replace(/\(.*$/, '')
        .split(' ')
        .pop();
      tasks.get(thread).push({ ms: e.tdur / 1000, source });
    }
    // The page's renderer is the busiest one (the others serve extensions and workers).
    const list = [...tasks.values()].sort((a, b) => b.length - a.length)[0] ?? [];
    const cpu = list.map((t) => t.ms);
    const total = cpu.reduce((sum, ms) => sum + ms, 0);
    // Which kinds of task the CPU went to (Chromium names the function that posted each task).
    const sources = new Map();
    for (const { ms, source } of list) {
      const entry = sources.get(source) ?? { source, tasks: 0, totalMs: 0, longestMs: 0 };
      entry.tasks++;
      entry.totalMs += ms;
      entry.longestMs = Math.max(entry.longestMs, ms);
      sources.set(source, entry);
    }
    const bySource = [...sources.values()]
      .sort((a, b) => b.totalMs - a.totalMs)
      .slice(0, 4)
      .map((entry) => ({ ...entry, share: entry.totalMs / total }));
    return {
      bySource,
      frames: scroll.frames,
      longestTaskCpuMs: Math.max(0, ...cpu),
      p99TaskCpuMs: cpu.length ? percentile(cpu, 99) : 0,
      tasksOver50: cpu.filter((ms) => ms > 50).length,
      cpuPerFrameMs: total / Math.max(1, scroll.frames),
      wallLongestFrameMs: scroll.longestFrameMs,
    };
  } finally {
    await rm(path, { force: true });
  }
}

/**
 * `rounds` measured rounds after one warm-up round; each round renders every (variant, N) on a
 * fresh element, in an order rotated per round; the live entry is timed on the thread of
 * 10,000 right after its render. Then one scroll from newest to oldest at 10,000.
 */
export async function benchThread(page, { rounds = 5, scroll = true, freshPage, log = () => {} } = {}) {
  const run = (variant, n) => page.evaluate((v, count) => window.bench.render(v, count), variant, n);
  const samples = new Map();
  const lives = { 50: [], 10000: [] };
  // Warm-up: compiles the code paths once; the big naive case is left out to save time.
  for (const variant of VARIANTS) for (const n of SIZES.slice(0, 2)) await run(variant, n);
  for (let round = 0; round < rounds; round++) {
    const order = VARIANTS.map((_, i) => VARIANTS[(i + round) % VARIANTS.length]);
    for (const n of SIZES) {
      for (const variant of order) {
        const result = await run(variant, n);
        const key = `${variant}:${n}`;
        if (!samples.has(key)) samples.set(key, []);
        samples.get(key).push(result);
        if (variant === 'thread' && n in lives) {
          const phase = (round * 16) / rounds;
          lives[n].push(await page.evaluate((ms) => window.bench.live(ms), phase));
        }
      }
    }
    log(`  thread scale: round ${round + 1}/${rounds} done`);
  }

  const render = {};
  for (const variant of VARIANTS) {
    render[variant] = {};
    for (const n of SIZES) {
      const list = samples.get(`${variant}:${n}`);
      const last = list[list.length - 1];
      render[variant][n] = {
        ms: median(list.map((r) => r.ms)),
        scriptMs: median(list.map((r) => r.scriptMs)),
        runs: list.map((r) => Number(r.ms.toFixed(1))),
        articles: last.articles,
        elements: last.elements,
        nodes: last.nodes,
      };
    }
  }
  const live = {};
  for (const [n, list] of Object.entries(lives)) {
    live[n] = {
      ms: median(list.map((r) => r.ms)),
      runs: list.map((r) => Number(r.ms.toFixed(1))),
      // The element's own script: its listener and its Lit update.
      scriptMs: median(list.map((r) => r.scriptMs)),
      waitMs: median(list.map((r) => r.waitMs)),
      frameMs: median(list.map((r) => r.frameMs)),
      fromRequestMs: median(list.map((r) => r.fromRequestMs)),
      // The most rAF callbacks after the event before the article was in the DOM (1 = the first).
      frames: Math.max(...list.map((r) => r.frames)),
      posinset: list[0]?.posinset,
      setsize: list[0]?.setsize,
    };
  }

  let scrolled = null;
  let naiveScroll = null;
  if (scroll) {
    // A fresh page: the naive renders above leave ~2 million dead DOM nodes whose collection
    // would otherwise land in the middle of the scroll.
    if (freshPage) page = await freshPage();
    await run('thread', 10_000);
    log(`  scrolling newest -> oldest at 10,000 (${SCROLL_STEP} px per frame)…`);
    const load = loadavg()[0];
    scrolled = await page.evaluate((step) => window.bench.scroll(step), SCROLL_STEP);
    scrolled.loadAverage = [Number(load.toFixed(2)), Number(loadavg()[0].toFixed(2))];
    await run('thread', 10_000);
    log(`  main-thread CPU of the first ${CPU_FRAMES} frames of the same scroll (traced)…`);
    scrolled.cpu = await scrollCpu(page, CPU_FRAMES);
    // The same scroll over the naive lists, for comparison: the first COMPARE_FRAMES frames
    // only, as the content-visibility one runs at ~80 ms a frame (a full pass would take minutes).
    naiveScroll = {};
    for (const variant of ['naive', 'naive-cv']) {
      if (freshPage) page = await freshPage();
      await run(variant, 10_000);
      log(`  the same scroll over the ${variant} list (first ${COMPARE_FRAMES} frames)…`);
      naiveScroll[variant] = await page.evaluate(
        (step, n) => window.bench.scroll(step, n),
        SCROLL_STEP,
        COMPARE_FRAMES,
      );
    }
  }
  return { rounds, render, live, scroll: scrolled, naiveScroll };
}
