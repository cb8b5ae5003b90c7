/** openapi.json describes the adapter contract: one operation per method, the model's shapes. */
import { expect } from '@open-wc/testing';
import openapi from '../openapi.json';
import { MemoryAdapter } from '../src/adapters/memory.js';
import { HttpAdapter } from '../src/adapters/http.js';
import { violation } from './support/openapi-check.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const operations = Object.values(openapi.paths as Record<string, Record<string, { operationId?: string }>>)
  .flatMap((item) => Object.values(item))
  .map((op) => op.operationId)
  .filter(Boolean);

describe('openapi.json', () => {
  it('has one operation per adapter method, named after it', () => {
    const methods = Object.getOwnPropertyNames(HttpAdapter.prototype).filter(
      (name) => name !== 'constructor' && !['checkin', 'headerInit', 'send'].includes(name),
    );
    expect([...operations].sort()).to.deep.equal(methods.sort());
  });

  it("the memory adapter's answers match the schemas, and broken ones do not", async () => {
    const adapter = new MemoryAdapter({ viewerId: 'u-dana', contractId: 'c-atlas' });
    const settings = await adapter.getSettings('c-atlas');
    const page = await adapter.listCheckins('c-atlas');
    const history = await adapter.listHistory('c-atlas', { limit: 100 });
    expect(violation(settings, ref('Settings'))).to.equal(null);
    expect(violation(page, ref('CheckinPage'))).to.equal(null);
    expect(violation(history, ref('HistoryPage'))).to.equal(null);
    expect(violation(await adapter.getContract('c-atlas'), ref('Contract'))).to.equal(null);
    expect(violation({ ...settings, consent: 'maybe' }, ref('Settings'))).to.contain('$.consent');
    expect(violation({ ...page.items[0], dueAt: 'soon' }, ref('Checkin'))).to.contain('$.dueAt');
    expect(violation({ enabled: true, colour: 'red' }, ref('SettingsChange'))).to.contain('$.colour');
    const { replies: _drop, ...noReplies } = page.items[0]!;
    expect(violation(noReplies, ref('Checkin'))).to.equal('$.replies is missing');
  });
});
