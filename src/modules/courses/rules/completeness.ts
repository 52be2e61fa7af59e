import type { Competency } from '../../policy/framework.js';

export interface MapEntryLike {
  competencyId: string;
  content: string;
  assessment: string | null;
}

export interface DetailsLike {
  title: string | null;
  description: string | null;
  delivery: string | null;
  synchronous: boolean | null;
  length: string | null;
  contactHours: number | null;
  locations: string | null;
  costToStudentsCents: number | null;
  registrationUrl: string | null;
  teachingMethods: string | null;
  assessmentStrategy: string | null;
}

export interface Missing {
  /** The step it belongs to: details, map, syllabus, resume. */
  step: 'details' | 'map' | 'syllabus' | 'resume';
  message: string;
}

const filled = (s: string | null | undefined) => typeof s === 'string' && s.trim() !== '';

/** A competency is covered when the map says what content teaches it and how it is assessed. */
export const isCovered = (entry: MapEntryLike | undefined): boolean =>
  !!entry && filled(entry.content) && filled(entry.assessment);

export function detailsComplete(d: DetailsLike): boolean {
  return (
    filled(d.title) &&
    filled(d.description) &&
    d.delivery !== null &&
    d.synchronous !== null &&
    filled(d.length) &&
    d.contactHours !== null &&
    d.contactHours > 0 &&
    filled(d.locations) &&
    d.costToStudentsCents !== null &&
    filled(d.registrationUrl) &&
    filled(d.teachingMethods) &&
    filled(d.assessmentStrategy)
  );
}

/** Competencies of the set that lack content or an assessment, in framework order. */
export function competenciesMissingAssessment(
  competencies: readonly Competency[],
  entries: readonly MapEntryLike[],
): Competency[] {
  const byId = new Map(entries.map((e) => [e.competencyId, e]));
  return competencies.filter((c) => !isCovered(byId.get(c.id)));
}

export const competencyLabel = (c: Competency) => `${c.id} ${c.topic}`;

/** Everything that stops submission, each said in plain words; empty when ready. */
export function missingForSubmission(input: {
  details: DetailsLike;
  competencies: readonly Competency[];
  entries: readonly MapEntryLike[];
  files: ReadonlyArray<{ kind: string }>;
}): Missing[] {
  const missing: Missing[] = [];
  if (!detailsComplete(input.details))
    missing.push({ step: 'details', message: 'Complete the course details.' });
  const uncovered = competenciesMissingAssessment(input.competencies, input.entries);
  if (uncovered.length > 0) {
    missing.push({
      step: 'map',
      message: `Add content and an assessment for every competency. Missing: ${uncovered.map(competencyLabel).join('; ')}.`,
    });
  }
  if (!input.files.some((f) => f.kind === 'syllabus'))
    missing.push({ step: 'syllabus', message: 'Upload the syllabus with its readings.' });
  if (!input.files.some((f) => f.kind === 'resume'))
    missing.push({ step: 'resume', message: 'Upload at least one instructor’s résumé.' });
  return missing;
}

/** CRS-2026-000123: the course application number. */
export function formatCourseNumber(year: number, seq: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Bad year ${year}`);
  if (!Number.isInteger(seq) || seq < 1 || seq > 999_999) throw new RangeError(`Bad sequence ${seq}`);
  return `CRS-${year}-${String(seq).padStart(6, '0')}`;
}
