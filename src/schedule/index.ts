/** Pure schedule helper: `Intl` only, no Lit, no DOM. */
export { checkEligibility } from './eligibility.js';
export { describeSchedule } from './describe.js';
export { nextPrompt, upcomingPrompts, validateSchedule } from './next-prompt.js';
export { assertTimeZone, isValidTimeZone, localDateOf, timeZones, zoneOffsetMinutes } from './zones.js';
