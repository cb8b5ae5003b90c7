/**
 * Demo data for the memory adapter: a realistic set of contracts and eight weeks of history
 * (`seedDemo`), and bulk deterministic history for stories and performance checks
 * (`generateHistory`).
 */
import { DEFAULT_POLICY, DEFAULT_QUESTIONS } from '../model.js';
import type {
  Activity,
  ActivityChange,
  Answer,
  Checkin,
  Contract,
  Health,
  Party,
  Question,
  Reply,
  Schedule,
  Settings,
} from '../model.js';
import { localDateOf, nextPrompt, upcomingPrompts } from '../schedule/index.js';
import { defaultSettings, type MemoryData, type MemoryUser } from './memory-data.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

const iso = (time: number) => new Date(time).toISOString();

const USERS: MemoryUser[] = [
  { id: 'u-dana', name: 'Dana Whitfield', timeZone: 'America/New_York', locale: 'en-US' },
  { id: 'u-kofi', name: 'Kofi Mensah', timeZone: 'Europe/Berlin', locale: 'en-GB' },
  { id: 'u-omar', name: 'Omar Haddad', timeZone: 'Asia/Dubai', locale: 'en-GB' },
  { id: 'u-eve', name: 'Eve Marsh', timeZone: 'Australia/Sydney', locale: 'en-AU' },
];

const party = (user: MemoryUser): Party => ({
  id: user.id,
  name: user.name,
  timeZone: user.timeZone,
});
const DANA = party(USERS[0]!);
const KOFI = party(USERS[1]!);

function answers(done: string, next: string, blockers: string): Answer[] {
  return [
    { questionId: 'done', text: done },
    { questionId: 'next', text: next },
    { questionId: 'blockers', text: blockers },
  ];
}

/** One week of the Atlas story, oldest first; `null` answers mean the week was not answered. */
interface Week {
  answers: Answer[] | null;
  health?: Health;
  /** Hours after the prompt that the answer (or skip) came. */
  after?: number;
  skipNote?: string;
  acknowledged?: boolean;
  edited?: boolean;
  replies?: Array<[who: Party, text: string]>;
}

const ATLAS_WEEKS: Week[] = [
  {
    answers: answers(
      'Set up the Vite build and CI, ported the login and password-reset screens, agreed component naming with the design team.',
      'Account overview page and the shared data table.',
      'None',
    ),
    health: 'on-track',
    after: 2,
    acknowledged: true,
    replies: [[DANA, 'Great start, and thanks for the clear summary.']],
  },
  {
    answers: answers(
      'Account overview page; data table with sorting and keyboard navigation.',
      'Billing history and invoice downloads.',
      'Waiting on API credentials for the staging billing service.',
    ),
    health: 'at-risk',
    after: 1,
    acknowledged: true,
    replies: [
      [DANA, "I've pinged IT, you should have the credentials by Monday."],
      [KOFI, 'Got them this morning, thanks!'],
    ],
  },
  {
    answers: answers(
      'Billing history with CSV download; fixed the date filters for accounts outside the US.',
      'Invoice PDF preview and the empty states.',
      'None',
    ),
    health: 'on-track',
    // Answered on the Monday after: shown as a late answer in the thread.
    after: 67,
    acknowledged: true,
  },
  { answers: null },
  {
    answers: null,
    skipNote: 'Public holiday week in Germany and I was off from Wednesday. Back on Monday.',
    after: 0.5,
  },
  {
    answers: answers(
      'Invoice PDF preview, empty states, and an accessibility pass on the billing pages.',
      'Settings page: profile, notifications and team roles.',
      'The settings designs still have two open questions (notification defaults, who can invite).',
    ),
    health: 'at-risk',
    after: 3,
    acknowledged: true,
    replies: [[DANA, "Let's settle both in Tuesday's call. I'll bring Priya from design."]],
  },
  {
    answers: answers(
      'Settings page: profile and notifications done; team roles behind a flag.',
      'Team roles, then the release checklist with QA.',
      'None',
    ),
    health: 'on-track',
    after: 4,
    edited: true,
  },
];

/** Written by the client between two weekly prompts, answered the same afternoon. */
const ATLAS_REQUEST: Week = {
  answers: answers(
    'Invoice export works end to end on staging; PDF layout matches the designs.',
    'Empty states and the accessibility pass before Friday.',
    'None',
  ),
  health: 'on-track',
  after: 5,
  acknowledged: true,
  replies: [[DANA, 'Perfect, that is what I needed for the review. Thank you!']],
};

function compact(instant: string): string {
  return instant.replace(/[-:]/g, '').replace(/\.\d+/, '');
}

function makeCheckin(
  contract: Contract,
  kind: Checkin['kind'],
  dueAt: string,
  week: Week,
  now: number,
  message: string | null = null,
): Checkin {
  const due = Date.parse(dueAt);
  // Never stamp an action in the future of the seed's clock.
  const at = (hours: number) => iso(Math.min(due + hours * HOUR, now - 60_000));
  const answeredAt = week.answers ? at(week.after ?? 2) : null;
  const id = `${contract.id}-${kind === 'scheduled' ? '' : 'r'}${compact(dueAt)}`;
  const replies: Reply[] = (week.replies ?? []).map(([author, text], index) => ({
    id: `${id}-re${index + 1}`,
    author,
    text,
    createdAt: at((week.after ?? 2) + 3 + index * 5),
  }));
  return {
    id,
    contractId: contract.id,
    kind,
    dueAt,
    status: week.answers ? 'answered' : week.skipNote ? 'skipped' : 'missed',
    requestedBy: contract.client,
    ...(kind === 'requested' ? { message } : {}),
    answers: week.answers,
    health: week.health ?? null,
    answeredAt,
    editedAt: week.edited ? at((week.after ?? 2) + 1) : null,
    skipNote: week.skipNote ?? null,
    acknowledgedAt: week.acknowledged ? at((week.after ?? 2) + 2) : null,
    replies,
  };
}

/**
 * The demo's world at `now`: Dana (client, New York) and Kofi (talent, Berlin) on 'c-atlas',
 * an hourly contract started about `weeks` + 1 weeks ago with check-ins on (consent given) and
 * varied history; 'c-logo', a short single-milestone fixed-price job (not eligible); 'c-nova',
 * an eligible contract with check-ins off under a consent-required policy. 'u-omar' observes
 * Atlas; 'u-eve' is party to nothing.
 */
export function seedDemo(options: { now?: string | number; weeks?: number } = {}): MemoryData {
  const now = options.now === undefined ? Date.now() : new Date(options.now).getTime();
  const weeks = Math.max(1, Math.floor(options.weeks ?? 8));
  const day = (offset: number, hourUtc: number) => {
    const d = new Date(now + offset * DAY);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hourUtc);
  };

  const atlas: Contract = {
    id: 'c-atlas',
    title: 'Atlas customer portal: front-end rebuild',
    kind: 'hourly',
    startsAt: iso(day(-(weeks + 1) * 7, 14)),
    endsAt: null,
    milestoneCount: null,
    client: DANA,
    talent: KOFI,
  };
  const logo: Contract = {
    id: 'c-logo',
    title: 'Logo refresh for the Atlas launch',
    kind: 'fixed',
    startsAt: iso(day(-2, 14)),
    endsAt: iso(day(8, 22)),
    milestoneCount: 1,
    client: DANA,
    talent: KOFI,
  };
  const nova: Contract = {
    id: 'c-nova',
    title: 'Nova onboarding flow: research and prototypes',
    kind: 'hourly',
    startsAt: iso(day(-20, 14)),
    endsAt: iso(day(70, 22)),
    milestoneCount: null,
    client: DANA,
    talent: KOFI,
  };

  // Dana turned check-ins on four days into the contract; Kofi agreed two hours later, which
  // is when prompts started. Dana later added a skip date (version 3).
  const enabledAt = Date.parse(atlas.startsAt) + 4 * DAY + HOUR;
  const consentAt = enabledAt + 2 * HOUR;
  const schedule: Schedule = {
    weekday: 5,
    time: '16:00',
    timeZone: KOFI.timeZone,
    skipDates: [],
    pausedUntil: null,
  };
  const ahead = nextPrompt(schedule, now + 3 * WEEK, atlas);
  if (ahead) schedule.skipDates.push(localDateOf(ahead, schedule.timeZone));

  const prompts = upcomingPrompts(schedule, consentAt, weeks + 2, atlas).filter(
    (p) => Date.parse(p) <= now,
  );
  const checkins: Checkin[] = [];
  // The newest prompt stays unanswered (open, or late after its day): the talent's to-do.
  const history = prompts.slice(0, -1);
  // slice(-0) would be the whole story, hence the guard.
  const story = history.length ? ATLAS_WEEKS.slice(-history.length) : [];
  const older = history.length - story.length;
  history.forEach((dueAt, index) => {
    const week = index < older ? generic(index) : story[index - older]!;
    checkins.push(makeCheckin(atlas, 'scheduled', dueAt, week, now));
  });
  const current = prompts[prompts.length - 1];
  if (current) checkins.push(makeCheckin(atlas, 'scheduled', current, { answers: null }, now));
  if (current) checkins[checkins.length - 1]!.status = 'open';

  // The request sits midweek after the skipped week (or after the oldest one in a short seed).
  const skipIndex = history.length - 3;
  const anchor = history[Math.max(0, skipIndex)];
  let lastRequestAt: string | null = null;
  if (anchor && Date.parse(anchor) + 3 * DAY + 5 * HOUR < now) {
    const dueAt = iso(Date.parse(anchor) + 3 * DAY);
    checkins.push(
      makeCheckin(
        atlas,
        'requested',
        dueAt,
        ATLAS_REQUEST,
        now,
        'Could you send a quick status on the invoice export before our Thursday review?',
      ),
    );
    lastRequestAt = dueAt;
  }
  checkins.sort((a, b) => Date.parse(b.dueAt) - Date.parse(a.dueAt));

  const questions = structuredClone(DEFAULT_QUESTIONS) as Question[];
  const atlasSettings: Settings = {
    contractId: atlas.id,
    enabled: true,
    consent: 'given',
    eligibility: { eligible: true, reason: null },
    schedule,
    questions,
    version: 3,
    updatedAt: iso(consentAt + HOUR),
    updatedBy: DANA,
    enabledAt: iso(enabledAt),
    enabledBy: DANA,
    disabledAt: null,
    disabledBy: null,
    consentAt: iso(consentAt),
  };
  // The paper trail of those settings, newest first.
  const activity = (n: number, at: number, actor: Party, change: ActivityChange): Activity => ({
    id: `c-atlas-a${String(n).padStart(6, '0')}`,
    contractId: atlas.id,
    kind: 'activity',
    at: iso(at),
    actor,
    change,
  });
  const atlasActivity = [
    activity(3, consentAt + HOUR, DANA, { type: 'skip-dates', added: [...schedule.skipDates], removed: [] }),
    activity(2, consentAt, KOFI, { type: 'consent', consent: 'given' }),
    activity(1, enabledAt, DANA, { type: 'enabled' }),
  ];

  return {
    users: structuredClone(USERS),
    contracts: [atlas, logo, nova].map((c) => structuredClone(c)),
    observers: { 'c-atlas': ['u-omar'] },
    settings: { 'c-atlas': atlasSettings, 'c-logo': defaultSettings(logo), 'c-nova': defaultSettings(nova) },
    checkins: { 'c-atlas': checkins, 'c-logo': [], 'c-nova': [] },
    lastRequestAt: lastRequestAt ? { 'c-atlas': lastRequestAt } : {},
    policy: { ...DEFAULT_POLICY, consent: 'required' },
    now: null,
    activeSince: { 'c-atlas': iso(consentAt), 'c-logo': null, 'c-nova': null },
    scheduleChangedAt: {},
    activity: { 'c-atlas': atlasActivity },
    idempotency: {},
  };
}

/** Filler for seeds longer than the hand-written story. */
function generic(index: number): Week {
  return {
    answers: answers(
      `Sprint ${index + 1}: component work and review fixes.`,
      'Continue with the next items on the board.',
      'None',
    ),
    health: 'on-track',
    after: 2,
    acknowledged: true,
  };
}

/** Small, fast, seedable PRNG (mulberry32): the same seed gives the same history. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const WORK = [
  'Built the search results page',
  'Refactored the API client',
  'Fixed the flaky checkout tests',
  'Wrote the migration for the new billing tables',
  'Reviewed the design changes and updated the components',
  'Added keyboard support to the date picker',
  'Profiled and sped up the dashboard load',
  'Paired with QA on the release candidate',
];
const NEXT = [
  'Finish the filters and start on saved searches.',
  'Error states and loading skeletons.',
  'Release checklist and handover notes.',
  'Start the reporting module.',
  'Accessibility fixes from the audit.',
];
const BLOCKERS = [
  'Waiting on the final copy from marketing.',
  'Staging is down half the time; builds are slow.',
  'Need a decision on the pricing table layout.',
];
const REPLIES = [
  'Thanks, looks good.',
  'Can we talk about this on Monday?',
  'Noted, I will follow up.',
  'Great progress!',
];

/**
 * `count` weekly check-ins for `contract`, newest first, one week apart (Fridays 15:00 UTC up
 * to `now`): the newest open, the rest mostly answered (some with blockers), a few missed,
 * skipped or requested. The same contract, count, now and seed give the same result.
 */
export function generateHistory(
  contract: Contract,
  count: number,
  options: { now?: number; seed?: number } = {},
): Checkin[] {
  const now = options.now ?? Date.now();
  const next = random(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  // The latest Friday 15:00 UTC at or before now.
  const anchor = new Date(now);
  let latest = Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth(), anchor.getUTCDate(), 15);
  while (new Date(latest).getUTCDay() !== 5 || latest > now) latest -= DAY;

  const result: Checkin[] = [];
  for (let i = 0; i < Math.max(0, Math.floor(count)); i++) {
    const due = latest - i * WEEK;
    const dueAt = iso(due);
    const roll = next();
    const requested = i > 0 && roll > 0.95;
    const kind: Checkin['kind'] = requested ? 'requested' : 'scheduled';
    const id = `${contract.id}-g${count - i}`;
    const base: Checkin = {
      id,
      contractId: contract.id,
      kind,
      dueAt: requested ? iso(due - 2 * DAY) : dueAt,
      status: 'open',
      requestedBy: contract.client,
      ...(requested ? { message: 'Could you send a short status before the review?' } : {}),
      answers: null,
      health: null,
      answeredAt: null,
      editedAt: null,
      skipNote: null,
      acknowledgedAt: null,
      replies: [],
    };
    if (i > 0 && roll < 0.08) {
      base.status = 'missed';
    } else if (i > 0 && roll < 0.14) {
      base.status = 'skipped';
      base.skipNote = 'Not working this week.';
    } else if (i > 0) {
      const blocked = next() < 0.25;
      base.status = 'answered';
      base.answers = answers(`${pick(WORK)}.`, pick(NEXT), blocked ? pick(BLOCKERS) : 'None');
      base.health = blocked ? (next() < 0.5 ? 'at-risk' : 'off-track') : 'on-track';
      base.answeredAt = iso(Date.parse(base.dueAt) + Math.floor(next() * 48) * HOUR);
      if (i > 1) base.acknowledgedAt = iso(Date.parse(base.answeredAt) + 6 * HOUR);
      const replies = Math.floor(next() * 3);
      for (let r = 0; r < replies; r++) {
        const author = r % 2 === 0 ? contract.client : contract.talent;
        base.replies.push({
          id: `${id}-re${r + 1}`,
          author,
          text: pick(REPLIES),
          createdAt: iso(Date.parse(base.answeredAt) + (r + 1) * 3 * HOUR),
        });
      }
    }
    result.push(base);
  }
  return result;
}
