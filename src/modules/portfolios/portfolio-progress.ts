import type { Competency, CompetencySet } from '../policy/framework.js';

/** About three pages: the length PROGRAM.md suggests for the Personal Learning Statement. */
export const STATEMENT_GUIDE_WORDS = 1500;

/** Words as a person counts them: runs of non-space characters. */
export function countWords(text: string | null | undefined): number {
  return text ? (text.match(/\S+/g) ?? []).length : 0;
}

export interface CompetencyProgress {
  competency: Competency;
  items: number;
  primary: number;
  secondary: number;
}

export interface PortfolioProgress {
  competencies: CompetencyProgress[];
  /** Competencies with at least one primary evidence item. */
  withPrimary: number;
  total: number;
  statementWords: number;
  /** What stops submission: competencies without primary evidence, and a missing statement. */
  lackingPrimary: Competency[];
  statementMissing: boolean;
  complete: boolean;
}

/** Evidence counts per competency of the set, in framework order, and what is still missing. */
export function portfolioProgress(
  set: CompetencySet,
  evidence: ReadonlyArray<{ competencyId: string; primary: boolean }>,
  statement: string | null,
): PortfolioProgress {
  const competencies = set.competencies.map((competency) => {
    const mine = evidence.filter((e) => e.competencyId === competency.id);
    const primary = mine.filter((e) => e.primary).length;
    return { competency, items: mine.length, primary, secondary: mine.length - primary };
  });
  const lackingPrimary = competencies.filter((c) => c.primary === 0).map((c) => c.competency);
  const statementWords = countWords(statement);
  const statementMissing = statementWords === 0;
  return {
    competencies,
    withPrimary: competencies.length - lackingPrimary.length,
    total: competencies.length,
    statementWords,
    lackingPrimary,
    statementMissing,
    complete: lackingPrimary.length === 0 && !statementMissing,
  };
}

/** "5 of 8 competencies have primary evidence" */
export function progressSummary(p: Pick<PortfolioProgress, 'withPrimary' | 'total'>): string {
  return `${p.withPrimary} of ${p.total} ${p.total === 1 ? 'competency has' : 'competencies have'} primary evidence`;
}

/** PF-2026-000001: the number evaluators know a portfolio by (never the candidate's name). */
export function formatPortfolioNumber(year: number, seq: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Bad year ${year}`);
  if (!Number.isInteger(seq) || seq < 1 || seq > 999_999) throw new RangeError(`Bad sequence ${seq}`);
  return `PF-${year}-${String(seq).padStart(6, '0')}`;
}
