import { z } from 'zod';
import type { FieldErrors } from '../../platform/errors.js';
import { validationFailed } from '../../platform/errors.js';
import { parseInput } from '../applications/validate.js';
import { type PortfolioRating, ratings } from './schema.js';

export const RATING_COMMENT_MAX = 4000;

export const ratingsInputSchema = z.object({
  ratings: z
    .array(
      z.object({
        competencyId: z
          .string({ error: 'Give the competency id' })
          .trim()
          .min(1, 'Give the competency id')
          .max(100, 'That competency is not part of this set')
          .describe('Competency id, like foundations-1'),
        rating: z
          .string({ error: 'Choose Met, Partially met or Not met' })
          .trim()
          .nullish()
          .describe('met, partial or not_met; leave empty to keep it unrated in a draft'),
        comment: z
          .string({ error: 'Write the comment as text' })
          .nullish()
          .describe(`Why: what the evidence shows or lacks (up to ${RATING_COMMENT_MAX} characters)`),
      }),
      { error: 'Give the ratings as a list' },
    )
    .max(500, 'That is more ratings than the set has competencies')
    .default([]),
});

/** Form and API field names of one competency's answers; errors are reported under them. */
export const ratingField = (competencyId: string) => `rating_${competencyId}`;
export const commentField = (competencyId: string) => `comment_${competencyId}`;

export interface RatingAnswer {
  competencyId: string;
  rating: PortfolioRating | null;
  comment: string;
}

/**
 * Check an evaluator's answers against the competencies they rate this round. A draft may leave
 * competencies unrated; a comment needs its rating to be kept. Submitting needs every one rated
 * with a comment (`complete`, given the saved answers merged in).
 */
export function checkAnswers(
  raw: unknown,
  rateable: ReadonlyArray<{ id: string; topic: string }>,
): RatingAnswer[] {
  const input = parseInput(ratingsInputSchema, raw ?? {});
  const byId = new Map(rateable.map((c) => [c.id, c]));
  const errors: FieldErrors = {};
  const seen = new Set<string>();
  const answers: RatingAnswer[] = [];
  for (const r of input.ratings) {
    const competency = byId.get(r.competencyId);
    if (!competency) {
      errors[ratingField(r.competencyId)] =
        `Competency ${r.competencyId} is not rated by you in this round: rate only the competencies listed.`;
      continue;
    }
    if (seen.has(r.competencyId)) {
      errors[ratingField(r.competencyId)] = `${competency.topic}: rated twice in one request; give it once.`;
      continue;
    }
    seen.add(r.competencyId);
    const rating = r.rating ? r.rating : null;
    const comment = (r.comment ?? '').trim();
    if (rating !== null && !ratings.includes(rating as PortfolioRating))
      errors[ratingField(r.competencyId)] = `${competency.topic}: choose Met, Partially met or Not met.`;
    else if (rating === null && comment)
      errors[ratingField(r.competencyId)] =
        `${competency.topic}: choose a rating so your comment can be saved.`;
    if (comment.length > RATING_COMMENT_MAX)
      errors[commentField(r.competencyId)] =
        `${competency.topic}: the comment is ${comment.length.toLocaleString('en-US')} characters; use ${RATING_COMMENT_MAX.toLocaleString('en-US')} or fewer.`;
    answers.push({ competencyId: r.competencyId, rating: rating as PortfolioRating | null, comment });
  }
  if (Object.keys(errors).length) throw validationFailed(errors);
  return answers;
}

/** Before submitting: every competency rated, each with a comment. */
export function checkComplete(
  rateable: ReadonlyArray<{ id: string; topic: string }>,
  saved: ReadonlyMap<string, { rating: PortfolioRating; comment: string }>,
): void {
  const errors: FieldErrors = {};
  for (const c of rateable) {
    const answer = saved.get(c.id);
    if (!answer) errors[ratingField(c.id)] = `${c.topic}: choose Met, Partially met or Not met.`;
    else if (!answer.comment.trim())
      errors[commentField(c.id)] = `${c.topic}: write a comment saying what the evidence shows or lacks.`;
  }
  if (Object.keys(errors).length)
    throw validationFailed(errors, 'Rate every competency, with a comment, before you submit.');
}
