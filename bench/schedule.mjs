// Throughput of the shipped Intl schedule helper against the Temporal oracle, on identical inputs.
// Run directly: node bench/schedule.mjs
// The oracle is written to be obviously right (it walks from a week early and checks that each
// date exists), so it is slower than a lean Temporal version: the ratio overstates the gain
// over "Temporal done quickly", which measured about 2-2.5x here.
import { build } from 'esbuild';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

const ZONES = [
  'America/New_York',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'America/St_Johns',
  'America/Santiago',
  'Europe/London',
  'Europe/Berlin',
  'Europe/Kyiv',
  'Africa/Cairo',
  'Africa/Lagos',
  'Asia/Jerusalem',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Australia/Adelaide',
  'Pacific/Auckland',
  'Pacific/Chatham',
  'Pacific/Kiritimati',
  'UTC',
];
const TIMES = ['09:00', '17:30', '00:00', '01:30', '02:30', '12:15', '23:45'];
const INPUTS = 100_000;
const ROUNDS = 5;

/** A fixed input list, the same on every run: schedules as the elements pass them. */
function inputs() {
  let seed = 0x2545f491;
  const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const from = Date.UTC(2000, 0, 1);
  const span = Date.UTC(2035, 0, 1) - from;
  return Array.from({ length: INPUTS }, () => ({
    schedule: {
      weekday: 1 + Math.floor(next() * 7),
      time: TIMES[Math.floor(next() * TIMES.length)],
      timeZone: ZONES[Math.floor(next() * ZONES.length)],
      skipDates: [],
      pausedUntil: null,
    },
    after: new Date(from + Math.floor((next() * span) / 6e4) * 6e4).toISOString(),
  }));
}

function rate(fn, list) {
  const start = performance.now();
  for (const { schedule, after } of list) fn(schedule, after);
  return list.length / ((performance.now() - start) / 1000);
}

const median = (values) => values.slice().sort((a, b) => a - b)[values.length >> 1];

/** Answers per second of ours and of the oracle (median of 5 rounds) and their ratio. */
export async function benchSchedule() {
  const dir = await mkdtemp(join(tmpdir(), 'bench-schedule-'));
  try {
    await build({
      entryPoints: {
        ours: join(root, 'src/schedule/index.ts'),
        oracle: join(root, 'test/schedule-oracle.ts'),
      },
      outdir: dir,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      format: 'esm',
      platform: 'node',
      logLevel: 'error',
    });
    const { nextPrompt } = await import(pathToFileURL(join(dir, 'ours.mjs')).href);
    const { oracleNextPrompt } = await import(pathToFileURL(join(dir, 'oracle.mjs')).href);
    const list = inputs();
    // Warm-up doubles as a check that both answer the same, or the comparison means nothing.
    for (const { schedule, after } of list.slice(0, 20_000)) {
      const ours = nextPrompt(schedule, after);
      const oracle = oracleNextPrompt(schedule, after);
      if (ours !== oracle) {
        throw new Error(`Disagreement on ${JSON.stringify({ schedule, after, ours, oracle })}`);
      }
    }
    const ours = [];
    const oracle = [];
    for (let round = 0; round < ROUNDS; round++) {
      ours.push(rate(nextPrompt, list));
      oracle.push(rate(oracleNextPrompt, list));
    }
    const result = { ours: median(ours), oracle: median(oracle) };
    return { ...result, ratio: result.ours / result.oracle };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { ours, oracle, ratio } = await benchSchedule();
  const perSecond = (n) => `${Math.round(n).toLocaleString('en-US')}/s`;
  console.log(
    `schedule.nextPrompt  ours ${perSecond(ours)}  temporal-polyfill ${perSecond(oracle)}  ratio ${ratio.toFixed(1)}x  (${INPUTS.toLocaleString('en-US')} inputs, median of ${ROUNDS} rounds)`,
  );
}
