/**
 * Conflicts of interest between a portfolio evaluator and a candidate (pure).
 *
 * An evaluator conflicts with a candidate when
 * - the candidate's employer, or any library in the candidate's experience entries, matches the
 *   evaluator's own library/employer or a library the evaluator declared ("libraries I work for or
 *   with"); or
 * - a person the evaluator declared matches the candidate: a declaration with an "@" is an email
 *   address and matches the candidate's email; any other is a name and matches the candidate's
 *   name (given then family, family then given, or the account's display name).
 *
 * Names are compared after `normalizeName`, which is deliberately simple so anyone can predict it:
 * letters are lowercased and stripped of accents, "&" reads "and", apostrophes are dropped
 * ("Children's" = "Childrens"), every other run of punctuation or spaces becomes one space, and a
 * leading "the" is dropped. Nothing else is guessed: "Springfield Public Library" does not match
 * "Springfield Library" or "Springfield PL", and "Rob Reader" does not match "Robin Reader". The
 * profile page asks evaluators to declare every name a library goes by, for that reason.
 */

export type ConflictReason = 'employer' | 'declared_library' | 'declared_person';

export const conflictReasonLabels: Record<ConflictReason, string> = {
  employer: "the candidate worked at the evaluator's own library",
  declared_library: 'the candidate worked at a library the evaluator declared',
  declared_person: 'the evaluator declared the candidate as a person they know',
};

export function normalizeName(value: string): string {
  const folded = value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return folded.startsWith('the ') ? folded.slice(4) : folded === 'the' ? '' : folded;
}

export function normalizeEmail(value: string): string {
  return value.trim().toLowerCase();
}

/** A declared person is an email address when it has an "@"; otherwise a name. */
export function isEmailDeclaration(value: string): boolean {
  return value.includes('@');
}

export interface EvaluatorConflictInput {
  employer: string | null;
  declared: ReadonlyArray<{ kind: 'library' | 'person'; value: string }>;
}

/** An evaluator's conflicts, normalised once so checking many candidates is a few set lookups. */
export interface EvaluatorConflictKeys {
  employer: string;
  libraries: ReadonlySet<string>;
  names: ReadonlySet<string>;
  emails: ReadonlySet<string>;
}

export function evaluatorConflictKeys(e: EvaluatorConflictInput): EvaluatorConflictKeys {
  const libraries = new Set<string>();
  const names = new Set<string>();
  const emails = new Set<string>();
  for (const d of e.declared) {
    if (d.kind === 'library') add(libraries, normalizeName(d.value));
    else if (isEmailDeclaration(d.value)) add(emails, normalizeEmail(d.value));
    else add(names, normalizeName(d.value));
  }
  return { employer: normalizeName(e.employer ?? ''), libraries, names, emails };
}

export interface CandidateIdentityInput {
  email: string;
  displayName: string | null;
  /** The names on the candidate's applications (usually one). */
  names: ReadonlyArray<{ givenName: string | null; familyName: string | null }>;
  /** Employers named on the candidate's applications. */
  employers: readonly (string | null)[];
  /** Libraries from the candidate's experience entries. */
  libraries: readonly string[];
}

export interface CandidateKeys {
  email: string;
  names: readonly string[];
  libraries: readonly string[];
}

export function candidateKeys(c: CandidateIdentityInput): CandidateKeys {
  const names = new Set<string>();
  add(names, normalizeName(c.displayName ?? ''));
  for (const n of c.names) {
    add(names, normalizeName(`${n.givenName ?? ''} ${n.familyName ?? ''}`));
    add(names, normalizeName(`${n.familyName ?? ''} ${n.givenName ?? ''}`));
  }
  const libraries = new Set<string>();
  for (const l of [...c.employers, ...c.libraries]) add(libraries, normalizeName(l ?? ''));
  return { email: normalizeEmail(c.email), names: [...names], libraries: [...libraries] };
}

/** Why this evaluator must not evaluate this candidate's portfolio, or null when they may. */
export function conflictBetween(e: EvaluatorConflictKeys, c: CandidateKeys): ConflictReason | null {
  for (const library of c.libraries) {
    if (library === e.employer) return 'employer';
    if (e.libraries.has(library)) return 'declared_library';
  }
  if (c.email && e.emails.has(c.email)) return 'declared_person';
  for (const name of c.names) if (e.names.has(name)) return 'declared_person';
  return null;
}

/** Empty keys (a blank employer, a name of only punctuation) never match anything. */
function add(set: Set<string>, key: string): void {
  if (key) set.add(key);
}
