// `npm run bench`: every benchmark, printed; figures also written to bench/results.json.
import { writeFileSync } from 'node:fs';
import { benchSchedule } from './schedule.mjs';

const results = {};

console.log('checkin-elements benchmarks (medians; ratios are steadier than absolute figures)');
results.schedule = await benchSchedule();

writeFileSync(new URL('./results.json', import.meta.url), JSON.stringify(results, null, 2) + '\n');
