// Typing: real keystrokes (CDP key events, one character at a time) into the first answer of
// <checkin-form> (the talent, an open check-in) that already holds 5,000 characters, with
// drafts saved to localStorage. Each figure runs from the keydown's own timestamp to just after
// the next frame (see bench/pages/bench.ts).
import { median, percentile } from './browser.mjs';

export const ANSWER_LENGTH = 5000;

export async function benchTyping(page, { keys = 100, pauseEvery = 25, log = () => {} } = {}) {
  await page.evaluate((length) => window.bench.mountForm(length), ANSWER_LENGTH);
  const text = 'Shipped the export ';
  for (let i = 0; i < keys; i++) {
    await page.keyboard.type(text[i % text.length]);
    await page.evaluate(() => window.bench.keyDone());
    // A typist's pause now and then lets the draft (saved after 400 ms of quiet) be written.
    if ((i + 1) % pauseEvery === 0) await new Promise((resolve) => setTimeout(resolve, 600));
  }
  const { keys: times, drafts, length } = await page.evaluate(() => window.bench.typingResult());
  if (times.length !== keys) throw new Error(`typed ${keys} keys but timed ${times.length}`);
  if (length !== ANSWER_LENGTH + keys)
    throw new Error(`the field holds ${length} characters, expected ${ANSWER_LENGTH + keys}`);
  log(`  typing: ${keys} keys, ${drafts} draft saves`);
  const total = times.map((t) => t.total);
  const processing = times.map((t) => t.processing);
  return {
    keys,
    answerLength: ANSWER_LENGTH,
    draftSaves: drafts,
    medianMs: median(total),
    p95Ms: percentile(total, 95),
    maxMs: Math.max(...total),
    // Keydown to the element's update done (its input handler and re-render).
    handlingMedianMs: median(times.map((t) => t.handling)),
    handlingP95Ms: percentile(
      times.map((t) => t.handling),
      95,
    ),
    // Keydown to the start of the next frame (the rAF callback): input handling + waiting for vsync.
    toFrameStartMedianMs: median(processing),
    toFrameStartP95Ms: percentile(processing, 95),
  };
}
