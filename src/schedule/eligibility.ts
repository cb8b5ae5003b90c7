import { DEFAULT_POLICY, type Contract, type Eligibility, type Policy } from '../model.js';
import { DAY, dayOf, toMs } from './zones.js';

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
const refuse = (reason: string): Eligibility => ({ eligible: false, reason });

/**
 * Whether weekly check-ins may be offered on the contract, with the reason shown when not.
 * A fixed-price contract without a milestone count counts as a single milestone.
 */
export function checkEligibility(
  contract: Contract,
  policy: Policy = DEFAULT_POLICY,
  now: string | Date | number = Date.now(),
): Eligibility {
  const start = toMs(contract.startsAt, 'startsAt');
  const end = contract.endsAt == null ? null : toMs(contract.endsAt, 'endsAt');
  // The contract's own shape comes before the clock, so the reason does not change with time.
  if (end != null && end - start < policy.minContractDays * DAY) {
    return refuse(
      `This contract lasts ${count(Math.max(0, dayOf(end - start)), 'day')}; weekly check-ins ` +
        `are offered for contracts of ${count(policy.minContractDays, 'day')} or more.`,
    );
  }
  const milestones = contract.milestoneCount ?? 1;
  if (contract.kind === 'fixed' && milestones < policy.minFixedMilestones) {
    return refuse(
      `Fixed-price contracts with ${milestones > 1 ? count(milestones, 'milestone') : 'a single milestone'} ` +
        `don't get weekly check-ins; they need ${count(policy.minFixedMilestones, 'milestone')} or more.`,
    );
  }
  if (end != null && end <= toMs(now, 'now')) {
    return refuse('This contract has already ended.');
  }
  return { eligible: true, reason: null };
}
