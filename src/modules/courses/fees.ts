import type { FeeKind } from '../payments/schema.js';
import type { FeeKind as PolicyFeeKind } from '../policy/policy.js';

type Renewable = { renewsApplicationId: string | null };

/** A renewal pays the policy's course approval renewal fee; a first application the approval fee. */
export const courseFeeKind = (a: Renewable): FeeKind =>
  a.renewsApplicationId ? 'course_approval_renewal' : 'course_approval';

export const coursePolicyFee = (a: Renewable): PolicyFeeKind =>
  a.renewsApplicationId ? 'courseApprovalRenewal' : 'courseApproval';

/** As a sentence says it: "the course approval renewal fee". */
export const courseFeeName = (a: Renewable): string =>
  a.renewsApplicationId ? 'course approval renewal fee' : 'course approval fee';
