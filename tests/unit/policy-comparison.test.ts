import { describe, expect, it } from 'vitest';
import { mayInOrganisation } from '../../src/server/access/policy.ts';
import { actor } from '../support/policy-actors.ts';

describe('taking part in the comparison between councils', () => {
  it('is decided by an administrator only: not a manager, mentor or learner, nor no one', () => {
    expect(mayInOrganisation(actor('a', ['admin']), 'evaluation.comparison.manage')).toBe(true);
    for (const role of ['manager', 'mentor', 'learner'] as const) expect(mayInOrganisation(actor('p', [role]), 'evaluation.comparison.manage'), role).toBe(false);
    expect(mayInOrganisation(null, 'evaluation.comparison.manage')).toBe(false);
  });
});
