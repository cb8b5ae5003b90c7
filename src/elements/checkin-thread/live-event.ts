import { msg, str } from '@lit/localize';
import type { CheckinEvent } from '../../adapters/adapter.js';
import { isCheckin, type Checkin, type Settings } from '../../model.js';
import { shortText } from '../shared.js';
import type { Terms } from '../terms.js';
import { activityText } from './activity.js';
import type { Feed } from './feed.js';
import { addReply, upsertItem, type Catchup } from './reconcile.js';
import type { Thread } from './state.js';

// What one live event does to the thread on screen: a pure decision over the feed, applied by
// the element as given (a new feed, new settings, words for the live region).

export interface LiveScene {
  feed: Feed;
  thread: Thread;
  /** The adapter lists activity entries (`listHistory`): only then are changes shown. */
  withActivity: boolean;
  terms: Terms;
  /** Announced only once the thread is on screen (not for events held during the load). */
  announce: boolean;
}

export interface LiveOutcome {
  feed?: Feed;
  settings?: Settings;
  /** What the live region says, if anything. */
  say?: string;
}

/** The words for a check-in heard about: new, answered or skipped; nothing for other changes. */
function checkinNews(previous: Checkin | undefined, checkin: Checkin, session: Thread): string | undefined {
  if (!previous) return msg(str`New check-in from ${shortText(checkin.requestedBy.name)}.`);
  if (previous.status !== 'answered' && checkin.status === 'answered') {
    return msg(str`${shortText(session.contract.talent.name)} answered a check-in.`);
  }
  if (previous.status !== 'skipped' && checkin.status === 'skipped') {
    return msg(str`${shortText(session.contract.talent.name)} skipped a check-in.`);
  }
  return undefined;
}

function onCheckin(scene: LiveScene, checkin: Checkin): LiveOutcome {
  const { feed, thread } = scene;
  if (checkin.contractId !== thread.contractId) return {};
  const found = feed.items.find((c) => c.id === checkin.id);
  const previous = found && isCheckin(found) ? found : undefined;
  const result = upsertItem(feed, checkin, thread.fromHost);
  // Not loaded and older than what is (an acknowledgement of an old one): left to paging.
  if (result.action === 'ignore') return {};
  return { feed: result.feed, say: scene.announce ? checkinNews(previous, checkin, thread) : undefined };
}

/** What `event` does to `scene`. */
export function onLive(scene: LiveScene, event: CheckinEvent): LiveOutcome {
  const { feed, thread } = scene;
  switch (event.type) {
    case 'settings':
      return event.settings.contractId === thread.contractId ? { settings: event.settings } : {};
    case 'checkin':
      return onCheckin(scene, event.checkin);
    case 'reply': {
      const result = addReply(feed, event.checkinId, event.reply, thread.fromHost);
      if (!result.added) return {};
      const heard = scene.announce && event.reply.author.id !== thread.viewer.id;
      return {
        feed: result.feed,
        say: heard ? msg(str`New reply from ${shortText(event.reply.author.name)}.`) : undefined,
      };
    }
    case 'activity': {
      // Only a history that holds activity entries shows them (adapters without listHistory
      // list check-ins only, and so does a host's `checkins`).
      if (event.activity.contractId !== thread.contractId || thread.fromHost || !scene.withActivity) return {};
      const result = upsertItem(feed, event.activity, thread.fromHost);
      // The viewer's own change was announced where they made it.
      const heard = result.action === 'insert' && scene.announce && event.activity.actor.id !== thread.viewer.id;
      const terms = { viewerId: thread.viewer.id, ...scene.terms };
      return { feed: result.feed, say: heard ? activityText(event.activity, terms) : undefined };
    }
    default:
      return {};
  }
}

/** What the live region says after a catch-up (see mergeNewest). */
export function catchupNews(result: Catchup): string | undefined {
  if (result.action === 'reset') return msg('The check-in history was brought up to date.');
  const { added } = result;
  if (added === 1) return msg('1 new check-in.');
  return added > 1 ? msg(str`${added} new check-ins.`) : undefined;
}
