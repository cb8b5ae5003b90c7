// The fault shapes all three elements share (support/element-contract.ts), run for each.
// What only one element does is in test/faults-<element>.test.ts.
import { defineElementContract } from './support/element-contract.js';
import { formHarness } from './support/form.js';
import { threadHarness } from './support/thread.js';
import { toggleHarness } from './support/toggle.js';

defineElementContract(formHarness);
defineElementContract(threadHarness);
defineElementContract(toggleHarness);
