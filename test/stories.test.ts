/**
 * Every story, as Storybook would show it: its loaders run, it renders, its `play` function
 * runs, the elements settle, and the result is accessible. Designers judge the library by these
 * pages, so a story that throws, renders a setup error or fails axe is a defect like any other.
 * The stories' play functions use plain DOM (no Storybook runtime), so they run here as they are.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import * as form from '../stories/checkin-form.stories.js';
import * as provider from '../stories/checkin-provider.stories.js';
import * as thread from '../stories/checkin-thread.stories.js';
import * as toggle from '../stories/checkin-toggle.stories.js';
import { text } from './support/dom.js';

interface Context {
  args: Record<string, unknown>;
  loaded: Record<string, unknown>;
  canvasElement: HTMLElement;
}
interface StoryLike {
  name?: string;
  args?: Record<string, unknown>;
  loaders?: ((context: Partial<Context>) => unknown)[];
  render?: (args: Record<string, unknown>, context: Partial<Context>) => TemplateResult;
  play?: (context: Context) => unknown;
}
interface MetaLike extends StoryLike {
  title: string;
}

const files = { form, provider, thread, toggle } as unknown as Record<string, Record<string, unknown>>;

type Updating = HTMLElement & { updateComplete?: Promise<unknown> };

/** The check-in elements in `root`, through shadow roots. */
function elementsIn(root: ParentNode, found: Updating[] = []): Updating[] {
  for (const el of root.querySelectorAll<Updating>('*')) {
    if (el.localName.startsWith('checkin-')) found.push(el);
    if (el.shadowRoot) elementsIn(el.shadowRoot, found);
  }
  return found;
}

/** Until every element has rendered what its last change asked for, over a few frames. */
async function settle(root: HTMLElement): Promise<void> {
  for (let round = 0; round < 5; round++) {
    await Promise.all(elementsIn(root).map((el) => el.updateComplete));
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  }
}

describe('stories', function () {
  this.timeout(20000);

  for (const [file, module] of Object.entries(files)) {
    const meta = module.default as MetaLike;
    const stories = Object.entries(module).filter(
      (entry): entry is [string, StoryLike] =>
        entry[0] !== 'default' && typeof entry[1] === 'object' && entry[1] !== null,
    );

    describe(meta.title, () => {
      it('has stories', () => {
        expect(stories.length, file).to.be.greaterThan(3);
      });

      for (const [key, story] of stories) {
        it(`${story.name ?? key}: renders, plays, settles and is accessible`, async () => {
          const args = { ...meta.args, ...story.args };
          const loaded = Object.assign({}, ...(await Promise.all((story.loaders ?? []).map((load) => load({ args })))));
          const render = story.render ?? meta.render;
          expect(render, 'the story has no render function').to.be.a('function');
          const canvasElement = await fixture<HTMLElement>(html`<div>${render!(args, { args, loaded })}</div>`);
          await settle(canvasElement);
          if (story.play) await story.play({ canvasElement, args, loaded });
          await settle(canvasElement);

          const elements = elementsIn(canvasElement).filter((el) => el.shadowRoot);
          expect(elements.length, 'no check-in element rendered').to.be.greaterThan(0);
          // Only the stories of the setup mistakes may show the setup messages, and they must.
          const title = `${key} ${story.name ?? ''}`.toLowerCase();
          const setup = {
            'has no adapter': /no ?adapter/.test(title),
            'needs a contract-id': /no ?contract/.test(title),
          };
          for (const [message, expected] of Object.entries(setup)) {
            const showing = elements.filter((el) => text(el.shadowRoot).includes(message)).map((el) => el.localName);
            if (expected) expect(showing.length, `no element says "${message}"`).to.be.greaterThan(0);
            else expect(showing, `showing "${message}"`).to.deep.equal([]);
          }
          await expect(canvasElement).to.be.accessible();
        });
      }
    });
  }
});
