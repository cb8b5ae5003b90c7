// Rule 1: a client's request for an update is answerable from the form whatever the consent
// state and whether weekly check-ins are on; the form says exactly what will and will not happen.
import { expect, waitUntil } from '@open-wc/testing';
import type { MemoryData } from '../src/adapters/memory.js';
import {
  $,
  DANA,
  calls,
  cleanStorage,
  fields,
  mount,
  nova,
  text,
  typeInto,
  world,
  type World,
} from './form-helpers.js';

const REQUESTS = 'Dana Whitfield can still ask you for an update, and you can answer it here.';
const STANDING: Record<string, { data: (d: MemoryData) => void; says: string }> = {
  pending: {
    data: nova({ enabled: true, consent: 'pending' }),
    says: `Dana Whitfield wants weekly check-ins on this contract. They start once you agree to them in the check-in settings. ${REQUESTS}`,
  },
  declined: {
    data: nova({ enabled: true, consent: 'declined' }),
    says: `You declined weekly check-ins, so you won't be asked each week. ${REQUESTS}`,
  },
  withdrawn: {
    data: nova({ enabled: true, consent: 'withdrawn' }),
    says: `You withdrew your consent to weekly check-ins, so you won't be asked each week. ${REQUESTS}`,
  },
  off: {
    data: nova({ enabled: false }),
    says: `Weekly check-ins are off for this contract, so you won't be asked each week. ${REQUESTS}`,
  },
};

async function request(w: World, message = 'Could you send a quick status before Monday?') {
  return w.client.requestUpdate('c-nova', { message }, { idempotencyKey: `req-${Math.random()}` });
}

describe('<checkin-form> requests are answerable in every consent state (rule 1)', () => {
  beforeEach(cleanStorage);
  afterEach(cleanStorage);

  for (const [standing, { data, says }] of Object.entries(STANDING)) {
    describe(`weekly check-ins ${standing}`, () => {
      it('says what will and will not happen when nothing is open, and promises nothing false', async () => {
        const w = world({ data });
        const el = await mount(w.talent, { contractId: 'c-nova' });
        expect(text($(el, '[part~="state"]'))).to.equal(says);
        expect(text(el.shadowRoot!)).not.to.match(/nothing will be asked|won't be sent any/);
        expect(fields(el)).to.have.length(0);
        await expect(el).to.be.accessible();
      });

      it("shows the client's request as a form the talent can answer, with the standing above it", async () => {
        const w = world({ data });
        const requested = await request(w);
        const el = await mount(w.talent, { contractId: 'c-nova' });
        expect(text($(el, '[part~="standing"]'))).to.equal(says);
        expect(text($(el, '.asker'))).to.match(/^Dana Whitfield asked for an update/);
        expect(text($(el, '[part~="message"]'))).to.equal('Could you send a quick status before Monday?');
        expect(fields(el)).to.have.length(3);
        await expect(el).to.be.accessible();

        await typeInto(el, 0, 'Interviews with three users.');
        await typeInto(el, 1, 'The prototype of the sign-up step.');
        await typeInto(el, 2, 'None');
        await el.submit();
        expect(calls(w.talent, 'submitAnswers')).to.have.length(1);
        expect(calls(w.talent, 'submitAnswers')[0]!.args[1]).to.equal(requested.id);
        await waitUntil(() => text($(el, '#done-heading')) === 'Submitted', 'the answer was not confirmed');
        const stored = (await w.client.listCheckins('c-nova')).items.find((c) => c.id === requested.id)!;
        expect(stored.status).to.equal('answered');
        expect(stored.answers?.[0]?.text).to.equal('Interviews with three users.');
      });
    });
  }

  it("says who turned weekly check-ins off and when, in the talent's time", async () => {
    const w = world({
      data: nova({ enabled: false, disabledAt: '2026-11-25T14:30:00.000Z', disabledBy: { ...DANA } }),
    });
    const el = await mount(w.talent, { contractId: 'c-nova' });
    // Kofi reads Berlin time, in his en-GB format.
    expect(text($(el, '[part~="state"]'))).to.equal(
      `Dana Whitfield turned weekly check-ins off on Wed 25 Nov, 15:30, so you won't be asked each week. ${REQUESTS}`,
    );
  });

  it('loads a request made while consent is pending, and says it opened', async () => {
    const w = world({ data: STANDING.pending!.data });
    const el = await mount(w.talent, { contractId: 'c-nova' });
    expect(fields(el)).to.have.length(0);
    await request(w);
    await waitUntil(() => fields(el).length === 3, 'the request never became answerable');
    expect(text($(el, '[part="status"]'))).to.equal('A new check-in is open: Dana Whitfield asked for an update.');
  });

  describe("the client's view agrees", () => {
    it('shows the state of its request while consent is pending, in the second person', async () => {
      const w = world({ data: STANDING.pending!.data });
      await request(w);
      const el = await mount(w.client, { contractId: 'c-nova' });
      expect(text($(el, '.muted'))).to.equal('You asked for an update');
      expect(text($(el, '[part~="state"]'))).to.match(/^Waiting for Kofi Mensah's answer · asked .*, answer by /);
      await expect(el).to.be.accessible();
    });

    it('says the talent withdrew, when nothing is open', async () => {
      const w = world({ data: STANDING.withdrawn!.data });
      const el = await mount(w.client, { contractId: 'c-nova' });
      expect(text($(el, '[part~="state"]'))).to.equal('Kofi Mensah withdrew their consent to weekly check-ins.');
    });
  });
});
