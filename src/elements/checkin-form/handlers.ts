import { msg } from '@lit/localize';
import { HEALTH_VALUES, type Health } from '../../model.js';
import type { FormHandlers } from './views/props.js';
import type { FormWork } from './work.js';

type WriteHandlers = Pick<
  FormHandlers,
  'submit' | 'retrySubmit' | 'keydown' | 'skip' | 'sendReply' | 'reload' | 'openReply'
>;

/** What the talent can do on the form: typing and the helpers, and the buttons that send. */
export function formHandlers(work: FormWork): FormHandlers {
  return { ...fieldHandlers(work), ...writeHandlers(work) };
}

/** The buttons (and the shortcut) that send, and those that load again. */
function writeHandlers(work: FormWork): WriteHandlers {
  return {
    submit: (event) => {
      event.preventDefault();
      void work.sends.submit();
    },
    retrySubmit: () => void work.sends.submit(),
    keydown: (event) => {
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
      event.preventDefault();
      // A held-down shortcut repeats keydown: one press is one submit, and a failed submit is
      // never sent again by a key that is still down.
      if (!event.repeat) void work.sends.submit();
    },
    skip: () => void work.sends.skip(),
    sendReply: () => void work.sends.sendReply(),
    openReply: () => {
      work.set({ replyOpen: true });
      void work.focusLater('#reply-text');
    },
    // Not while a write is on its way: a load then would set the write's outcome aside.
    reload: () => {
      if (!work.writing()) work.options.reload();
    },
  };
}

/** Typing, the helpers, the summary's links and the drafts. */
function fieldHandlers(work: FormWork): Omit<FormHandlers, keyof WriteHandlers> {
  return {
    input: (question, event) => work.edit({ answers: { ...work.state.entry.answers, [question.id]: textOf(event) } }),
    health: (value) => {
      // Nothing changes while the answer is on its way (the radio springs back on re-render).
      if (work.sending === 'submit') return work.host.requestUpdate();
      work.edit({ health: (HEALTH_VALUES as readonly string[]).includes(value) ? (value as Health) : null });
    },
    offerFill: (index, text) => work.offerFill(index, text),
    applyFill: (index, text, how) => work.applyFill(index, text, how),
    cancelFill: (index) => {
      work.set({ pendingFill: null });
      work.field(index)?.focus();
    },
    focusField: (event, index) => {
      // A fragment link inside a shadow root neither scrolls nor focuses (and would change the
      // page's URL), so the summary's links move focus themselves.
      event.preventDefault();
      work.field(index)?.focus();
      work.field(index)?.scrollIntoView?.({ block: 'center' });
    },
    startEdit: () => work.startEdit(),
    cancelEdit: () => work.cancelEdit(),
    toggleSkip: () => work.toggleSkip(),
    skipInput: (event) => work.edit({ skip: { ...work.state.entry.skip, note: textOf(event) } }),
    replyInput: (event) => {
      work.set({ problems: { ...work.state.problems, reply: null } });
      work.edit({ reply: textOf(event) });
    },
    loadOtherTab: () => {
      const record = work.draft.acceptExternal();
      if (record) work.takeOtherTab(record, msg("Loaded the other tab's draft"));
    },
    keepThisDraft: () => work.draft.dismissExternal(),
  };
}

function textOf(event: Event): string {
  return (event.target as HTMLTextAreaElement).value;
}
