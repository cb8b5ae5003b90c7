import { html, nothing, type TemplateResult } from 'lit';
import { isActivity, type Activity } from '../../../model.js';
import { shortText } from '../../shared.js';
import { activityText } from '../activity.js';
import { domId, renderArticle, termsOf, when, type EntryProps } from './article.js';
import { renderCheckin } from './checkin.js';

export type { EntryContext, EntryProps } from './article.js';

/**
 * A change to the settings as a compact one-line article of the feed, in its actor's name
 * ("You …" for the viewer's own); the full name, when shortened, in its title.
 */
function renderActivity(props: EntryProps<Activity>): TemplateResult {
  const { item: activity, ctx } = props;
  const terms = termsOf(ctx);
  const sentence = activityText(activity, terms);
  const full =
    shortText(activity.actor.name) === activity.actor.name ? null : activityText(activity, terms, activity.actor.name);
  const content = html`<p class="activity-line">
    <span id=${domId('h', activity.id)} class="activity-text" dir="auto" title=${full ?? nothing}>${sentence}</span>
    <time id=${domId('m', activity.id)} class="muted small" datetime=${activity.at}>${when(activity.at, ctx)}</time>
  </p>`;
  return renderArticle({
    ...props,
    part: 'article activity',
    classes: 'entry activity',
    change: activity.change.type,
    content,
  });
}

/** One entry of the history as an APG feed article: a check-in, or a change to the settings. */
export function renderEntry(props: EntryProps): TemplateResult {
  const { item } = props;
  return isActivity(item) ? renderActivity({ ...props, item }) : renderCheckin({ ...props, item });
}
