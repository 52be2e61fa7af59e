/**
 * Money rules that are not (yet) in the versioned program policy. The policy schema is strict and
 * every published version is stored whole, so a new field would make older stored versions
 * invalid; until an administrator can publish these, they are named constants here.
 */

/** A check for more than this needs a second staff member's approval before it is recorded. */
export const CHECK_APPROVAL_THRESHOLD_CENTS = 50_000;

export interface Award {
  id: string;
  label: string;
  amountCents: number;
}

/** Awards staff may grant against a fee. The enrollment award halves the $350 application fee. */
export const awards: readonly Award[] = [
  { id: 'enrollment-half-fee', label: 'Half-fee enrollment award', amountCents: 17_500 },
];

export const awardIds = awards.map((a) => a.id) as [string, ...string[]];

export function findAward(id: string): Award | undefined {
  return awards.find((a) => a.id === id);
}
