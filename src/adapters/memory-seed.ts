/**
 * Demo data for the memory adapter: a realistic set of contracts and eight weeks of history
 * (`seedDemo`). Bulk deterministic history for stories and performance checks is
 * `generateHistory` (memory-generate.ts).
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

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;

export const iso = (time: number) => new Date(time).toISOString();

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

export function answers(done: string, next: string, blockers: string): Answer[] {
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
  const { atlas, logo, nova } = demoContracts(now, weeks);
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
  const { checkins, lastRequestAt } = atlasStory(atlas, schedule, { consentAt, weeks, now });
  return {
    users: structuredClone(USERS),
    contracts: [atlas, logo, nova].map((c) => structuredClone(c)),
    observers: { 'c-atlas': ['u-omar'] },
    settings: {
      'c-atlas': atlasSettings(atlas, schedule, enabledAt, consentAt),
      'c-logo': defaultSettings(logo),
      'c-nova': defaultSettings(nova),
    },
    checkins: { 'c-atlas': checkins, 'c-logo': [], 'c-nova': [] },
    lastRequestAt: lastRequestAt ? { 'c-atlas': lastRequestAt } : {},
    policy: { ...DEFAULT_POLICY, consent: 'required' },
    now: null,
    activeSince: { 'c-atlas': iso(consentAt), 'c-logo': null, 'c-nova': null },
    scheduleChangedAt: {},
    activity: { 'c-atlas': atlasActivity(atlas, schedule, enabledAt, consentAt) },
    idempotency: {},
  };
}

/** The demo's three contracts, dated from `now`. */
function demoContracts(now: number, weeks: number): Record<'atlas' | 'logo' | 'nova', Contract> {
  const day = (offset: number, hourUtc: number) => {
    const d = new Date(now + offset * DAY);
    return iso(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hourUtc));
  };
  const contract = (fields: Pick<Contract, 'id' | 'title' | 'kind' | 'startsAt' | 'endsAt' | 'milestoneCount'>) =>
    ({ ...fields, client: DANA, talent: KOFI }) as Contract;
  return {
    atlas: contract({
      id: 'c-atlas',
      title: 'Atlas customer portal: front-end rebuild',
      kind: 'hourly',
      startsAt: day(-(weeks + 1) * 7, 14),
      endsAt: null,
      milestoneCount: null,
    }),
    logo: contract({
      id: 'c-logo',
      title: 'Logo refresh for the Atlas launch',
      kind: 'fixed',
      startsAt: day(-2, 14),
      endsAt: day(8, 22),
      milestoneCount: 1,
    }),
    nova: contract({
      id: 'c-nova',
      title: 'Nova onboarding flow: research and prototypes',
      kind: 'hourly',
      startsAt: day(-20, 14),
      endsAt: day(70, 22),
      milestoneCount: null,
    }),
  };
}

/** Atlas's check-ins since consent, newest first, and when Dana last asked for an update. */
function atlasStory(
  atlas: Contract,
  schedule: Schedule,
  { consentAt, weeks, now }: { consentAt: number; weeks: number; now: number },
): { checkins: Checkin[]; lastRequestAt: string | null } {
  const prompts = upcomingPrompts(schedule, consentAt, weeks + 2, atlas).filter((p) => Date.parse(p) <= now);
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
  if (current) checkins.push({ ...makeCheckin(atlas, 'scheduled', current, { answers: null }, now), status: 'open' });

  // The request sits midweek after the skipped week (or after the oldest one in a short seed).
  const anchor = history[Math.max(0, history.length - 3)];
  let lastRequestAt: string | null = null;
  if (anchor && Date.parse(anchor) + 3 * DAY + 5 * HOUR < now) {
    lastRequestAt = iso(Date.parse(anchor) + 3 * DAY);
    const message = 'Could you send a quick status on the invoice export before our Thursday review?';
    checkins.push(makeCheckin(atlas, 'requested', lastRequestAt, ATLAS_REQUEST, now, message));
  }
  checkins.sort((a, b) => Date.parse(b.dueAt) - Date.parse(a.dueAt));
  return { checkins, lastRequestAt };
}

function atlasSettings(atlas: Contract, schedule: Schedule, enabledAt: number, consentAt: number): Settings {
  return {
    contractId: atlas.id,
    enabled: true,
    consent: 'given',
    eligibility: { eligible: true, reason: null },
    schedule,
    questions: structuredClone(DEFAULT_QUESTIONS) as Question[],
    version: 3,
    updatedAt: iso(consentAt + HOUR),
    updatedBy: DANA,
    enabledAt: iso(enabledAt),
    enabledBy: DANA,
    disabledAt: null,
    disabledBy: null,
    consentAt: iso(consentAt),
  };
}

/** The paper trail of Atlas's settings, newest first. */
function atlasActivity(atlas: Contract, schedule: Schedule, enabledAt: number, consentAt: number): Activity[] {
  const activity = (n: number, at: number, actor: Party, change: ActivityChange): Activity => ({
    id: `c-atlas-a${String(n).padStart(6, '0')}`,
    contractId: atlas.id,
    kind: 'activity',
    at: iso(at),
    actor,
    change,
  });
  return [
    activity(3, consentAt + HOUR, DANA, { type: 'skip-dates', added: [...schedule.skipDates], removed: [] }),
    activity(2, consentAt, KOFI, { type: 'consent', consent: 'given' }),
    activity(1, enabledAt, DANA, { type: 'enabled' }),
  ];
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
