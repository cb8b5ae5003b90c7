// What a person sees of an element, read the same way by every test: text with its white space
// collapsed, queries inside the shadow root, buttons by their label, typing as one input event.

/** The text of `node` as read: runs of white space as one space, trimmed. */
export const text = (node: Node | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The text of everything `el` shows in its shadow root. */
export const shadowText = (el: Element): string => text(el.shadowRoot);

export const $ = <T extends Element = HTMLElement>(el: Element, selector: string): T | null =>
  el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string): T[] => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];

/** The button in `scope` whose text is `label`. */
export const button = (scope: ParentNode, label: string): HTMLButtonElement | undefined =>
  [...scope.querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === label);

/** Sets a field's value as a paste would: one input event. */
export function input(field: HTMLTextAreaElement | HTMLInputElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Lets queued tasks, microtasks and (unhandled) rejection reports run. */
export async function settle(rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}
