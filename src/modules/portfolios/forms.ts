import { z } from 'zod';
import type { FieldErrors } from '../../platform/errors.js';
import { evidenceKinds } from './schema.js';

/**
 * Schemas shared by the JSON API, the use cases and the HTML forms. Field names are the same
 * everywhere, so an error keyed "title" lands at the same field on a page and in problem+json.
 */

const requiredText = (message: string, max: number) =>
  z.string({ error: message }).trim().min(1, message).max(max, `Use ${max} characters or fewer`);
const optionalText = (max: number) =>
  z.string().trim().max(max, `Use ${max} characters or fewer`).optional().default('');

export const startPortfolioSchema = z.object({
  setId: requiredText('Choose the competency set for your portfolio', 64),
});

export const evidenceRoles = ['primary', 'secondary'] as const;
export type EvidenceRole = (typeof evidenceRoles)[number];

export const MAX_EVIDENCE_TEXT = 15_000;
export const MAX_STATEMENT = 30_000;

/** What every evidence item has, whatever its kind; `url` is read for links, `body` for written text. */
export const evidenceFieldsSchema = z.object({
  role: z.enum(evidenceRoles, { error: 'Say whether this is primary or secondary evidence' }),
  title: requiredText('Give the evidence a short title', 200),
  explanation: requiredText('Explain how this evidence shows the competency', 4000),
  url: optionalText(2000),
  body: optionalText(MAX_EVIDENCE_TEXT),
});
export type EvidenceFields = z.output<typeof evidenceFieldsSchema>;

export const evidenceKindSchema = z.enum(evidenceKinds, {
  error: 'Choose whether the evidence is a file, a link or written text',
});

/** The JSON API's new link or written text (files go as multipart/form-data). */
export const newEvidenceJsonSchema = evidenceFieldsSchema.extend({
  kind: z.enum(['link', 'text'], { error: 'Choose link or text (upload files with multipart/form-data)' }),
});

const webAddress = z.url({
  protocol: /^https?$/,
  hostname: z.regexes.domain,
  error: 'Enter a web address starting with https:// or http://',
});

/** The kind's own content: a link needs a web address, written text needs the text. */
export function contentProblems(kind: 'link' | 'text', fields: { url?: string; body?: string }): FieldErrors {
  if (kind === 'link') {
    const url = fields.url?.trim() ?? '';
    if (url === '') return { url: 'Enter the web address of the evidence' };
    if (!webAddress.safeParse(url).success)
      return { url: 'Enter a web address starting with https:// or http://' };
    return {};
  }
  return (fields.body?.trim() ?? '') === '' ? { body: 'Write the evidence in the text box' } : {};
}

export const statementSchema = z.object({
  statement: z
    .string({ error: 'Write your statement in the text box' })
    .max(MAX_STATEMENT, `Use ${MAX_STATEMENT.toLocaleString('en-US')} characters or fewer`),
});
