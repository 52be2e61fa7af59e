import type { Competency } from '../../policy/framework.js';

export interface MapEntryLike {
  competencyId: string;
  content: string;
  assessment: string | null;
  /** For a bundle: the course of the bundle that covers the competency. */
  partId?: string | null;
}

export interface PartLike {
  id: string;
  position: number;
  title: string;
}

/** A bundle needs at least this many courses; with one, it would be a single course. */
export const MIN_BUNDLE_PARTS = 2;

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
  /** The step it belongs to: details, parts (a bundle's courses), map, syllabus, resume. */
  step: 'details' | 'parts' | 'map' | 'syllabus' | 'resume';
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

/**
 * What a bundle still lacks: two courses or more, a course named for every competency, and no course
 * that covers nothing (it would not be needed to achieve the set).
 */
export function bundleProblems(
  competencies: readonly Competency[],
  entries: readonly MapEntryLike[],
  parts: readonly PartLike[],
): Missing[] {
  const missing: Missing[] = [];
  if (parts.length < MIN_BUNDLE_PARTS)
    missing.push({
      step: 'parts',
      message: `Add at least ${MIN_BUNDLE_PARTS} courses to the bundle (it has ${parts.length}).`,
    });
  const partIds = new Set(parts.map((p) => p.id));
  const byId = new Map(entries.map((e) => [e.competencyId, e]));
  const unassigned = competencies.filter((c) => {
    const partId = byId.get(c.id)?.partId;
    return !partId || !partIds.has(partId);
  });
  if (unassigned.length > 0)
    missing.push({
      step: 'map',
      message: `Say which course of the bundle covers each competency. Missing: ${unassigned.map(competencyLabel).join('; ')}.`,
    });
  const inSet = new Set(competencies.map((c) => c.id));
  const used = new Set(entries.filter((e) => inSet.has(e.competencyId)).map((e) => e.partId));
  const idle = [...parts].sort((a, b) => a.position - b.position).filter((p) => !used.has(p.id));
  if (idle.length > 0)
    missing.push({
      step: 'parts',
      message: `${idle.map((p) => `"${p.title}"`).join(', ')} ${idle.length === 1 ? 'covers' : 'cover'} no competency, so ${idle.length === 1 ? 'it is' : 'they are'} not needed in the bundle: map a competency to ${idle.length === 1 ? 'it' : 'each'} or remove ${idle.length === 1 ? 'it' : 'them'}.`,
    });
  return missing;
}

/** Everything that stops submission, each said in plain words; empty when ready. */
export function missingForSubmission(input: {
  details: DetailsLike;
  competencies: readonly Competency[];
  entries: readonly MapEntryLike[];
  files: ReadonlyArray<{ kind: string }>;
  /** Given for a bundle application: its courses. */
  parts?: readonly PartLike[] | undefined;
}): Missing[] {
  const missing: Missing[] = [];
  if (!detailsComplete(input.details))
    missing.push({ step: 'details', message: 'Complete the course details.' });
  const bundle = input.parts ? bundleProblems(input.competencies, input.entries, input.parts) : [];
  missing.push(...bundle.filter((m) => m.step === 'parts'));
  const uncovered = competenciesMissingAssessment(input.competencies, input.entries);
  if (uncovered.length > 0) {
    missing.push({
      step: 'map',
      message: `Add content and an assessment for every competency. Missing: ${uncovered.map(competencyLabel).join('; ')}.`,
    });
  }
  missing.push(...bundle.filter((m) => m.step === 'map'));
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
