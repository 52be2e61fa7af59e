import type { EvaluationRecommendation } from '../schema.js';

export interface RubricCriterion {
  id: string;
  title: string;
  /** What scores 1 (weak) to 4 (strong) mean, in plain words. */
  levels: readonly [string, string, string, string];
}

/** The course rubric: each criterion scored 1–4 by each evaluator. */
export const courseRubric: readonly RubricCriterion[] = [
  {
    id: 'competency_coverage',
    title: 'Competency coverage',
    levels: [
      'Several competencies are not covered.',
      'Every competency is mentioned, some only in passing.',
      'Every competency is covered with content.',
      'Every competency is covered in depth, with clear links in the map.',
    ],
  },
  {
    id: 'readings',
    title: 'Readings',
    levels: [
      'Readings are missing or out of date.',
      'Some readings fit the competencies.',
      'Readings are current and fit the competencies.',
      'Readings are current, varied and well matched to each competency.',
    ],
  },
  {
    id: 'assessments',
    title: 'Assignments and assessments',
    levels: [
      'Assessments do not show the competencies are met.',
      'Some assessments show the competencies are met.',
      'Each competency has a fitting assessment.',
      'Each competency has a fitting assessment with clear criteria.',
    ],
  },
  {
    id: 'teaching_methods',
    title: 'Teaching methods',
    levels: [
      'Teaching methods do not suit the content.',
      'Teaching methods partly suit the content.',
      'Teaching methods suit the content and the delivery.',
      'Teaching methods are varied and engage library staff in practice.',
    ],
  },
  {
    id: 'instructor_qualifications',
    title: 'Instructor qualifications',
    levels: [
      'The résumés do not show the needed expertise.',
      'Some instructors show the needed expertise.',
      'Instructors show the needed expertise.',
      'Instructors show strong expertise and teaching experience.',
    ],
  },
];

export const criterionIds = courseRubric.map((c) => c.id);

export interface EvaluationForSummary {
  scores: Record<string, number> | null;
  recommendation: EvaluationRecommendation | null;
}

export interface EvaluationSummary {
  /** Criterion id → average of the submitted scores. */
  averages: Record<string, number>;
  total: number;
  maxTotal: number;
  recommendations: EvaluationRecommendation[];
  /** True when every submitted evaluation recommends the same thing. */
  agree: boolean;
}

/** Summarise submitted evaluations (normally two) for the staff decision. Ignores unsubmitted ones. */
export function summariseEvaluations(evaluations: readonly EvaluationForSummary[]): EvaluationSummary {
  const done = evaluations.filter((e) => e.scores && e.recommendation);
  const averages: Record<string, number> = {};
  for (const c of courseRubric) {
    const values = done.map((e) => e.scores![c.id] ?? 0);
    averages[c.id] = values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
  }
  const recommendations = done.map((e) => e.recommendation!);
  return {
    averages,
    total: Object.values(averages).reduce((a, b) => a + b, 0),
    maxTotal: courseRubric.length * 4,
    recommendations,
    agree: recommendations.length > 0 && recommendations.every((r) => r === recommendations[0]),
  };
}
