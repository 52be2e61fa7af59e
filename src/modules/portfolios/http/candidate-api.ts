import { z } from 'zod';
import { DomainError } from '../../../platform/errors.js';
import { sendBlob } from '../../../platform/files/downloads.js';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { moneyOut, moneySchema } from '../../applications/http/api-schemas.js';
import { portfolioBlobStore } from '../files.js';
import {
  evidenceFieldsSchema,
  newEvidenceJsonSchema,
  startPortfolioSchema,
  statementSchema,
} from '../forms.js';
import { addEvidence } from '../use-cases/add-evidence.js';
import { listMyPortfolios } from '../use-cases/list-my-portfolios.js';
import { removeEvidence } from '../use-cases/remove-evidence.js';
import { resubmitPortfolio } from '../use-cases/resubmit-portfolio.js';
import { saveStatement } from '../use-cases/save-statement.js';
import { startPortfolio } from '../use-cases/start-portfolio.js';
import { startPortfolioCheckout } from '../use-cases/start-portfolio-checkout.js';
import { submitPortfolio } from '../use-cases/submit-portfolio.js';
import { updateEvidenceItem } from '../use-cases/update-evidence.js';
import { findEvidenceForViewer, viewPortfolio } from '../use-cases/view-portfolio.js';
import { viewPortfolioOutcome } from '../use-cases/view-portfolio-outcome.js';
import {
  competencyParams,
  detailOf,
  evidenceInputFrom,
  evidenceOf,
  evidenceOut,
  evidenceParams,
  idParams,
  portfolioDetailOut,
  portfolioSummaryOut,
  summaryOf,
  tags,
} from './api-schemas.js';

const base = '/api/v1/portfolios';
const detail = { 200: portfolioDetailOut };
const whoSees = 'For the candidate (program staff may read); anyone else gets 404.';
const locked = 'Refused with 409 once the portfolio is submitted (it is locked).';

/** The detail with the evaluation of its decided rounds. */
async function detailWithOutcome(ctx: ReturnType<typeof ctxFrom>, id: string) {
  const v = await viewPortfolio(ctx, id);
  return detailOf(v, await viewPortfolioOutcome(ctx, v));
}

/** The candidate's portfolios as JSON: the same use cases as the pages. */
export function registerPortfolioCandidateApi(app: App) {
  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'Your portfolios, and the sets you could start one for',
        description: 'For candidates admitted to the program; others get 403.',
        response: {
          200: z.object({
            items: z.array(portfolioSummaryOut),
            startableSets: z.array(z.object({ id: z.string(), code: z.string(), title: z.string() })),
          }),
        },
      },
    },
    async (req) => {
      const list = await listMyPortfolios(ctxFrom(req));
      return {
        items: list.portfolios.map(summaryOf),
        startableSets: list.startable.map(({ id, code, title }) => ({ id, code, title })),
      };
    },
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: 'Start a portfolio for a competency set',
        description:
          'Refused (409) for a set already achieved or one that already has an open portfolio; 403 before admission.',
        body: startPortfolioSchema,
        response: { 201: portfolioDetailOut },
      },
    },
    async (req, reply) => {
      const ctx = ctxFrom(req);
      const row = await startPortfolio(ctx, req.body);
      return reply.status(201).send(detailOf(await viewPortfolio(ctx, row.id)));
    },
  );

  app.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'One portfolio: evidence by competency, statement, progress, fee and outcome',
        description: `${whoSees} \`outcome\` shows decided rounds only, with evaluators as "Evaluator 1", "Evaluator 2" and "Third evaluator".`,
        params: idParams,
        response: detail,
      },
    },
    async (req) => detailWithOutcome(ctxFrom(req), req.params.id),
  );

  app.put(
    `${base}/:id/statement`,
    {
      schema: {
        tags,
        summary: 'Save the Personal Learning Statement (a draft is kept; empty clears it)',
        description: `${whoSees} ${locked}`,
        params: idParams,
        body: statementSchema,
        response: detail,
      },
    },
    async (req) => {
      const ctx = ctxFrom(req);
      await saveStatement(ctx, req.params.id, req.body);
      return detailOf(await viewPortfolio(ctx, req.params.id));
    },
  );

  app.post(
    `${base}/:id/competencies/:competencyId/evidence`,
    {
      schema: {
        tags,
        summary: 'Add a link or written text as evidence for one competency',
        description: `A link needs \`url\` (http or https), written text needs \`body\`. Upload files to …/evidence/file. ${locked}`,
        params: competencyParams,
        body: newEvidenceJsonSchema,
        response: { 201: evidenceOut },
      },
    },
    async (req, reply) => {
      const { id, competencyId } = req.params;
      const row = await addEvidence(ctxFrom(req), id, competencyId, { fields: req.body, file: null });
      return reply.status(201).send(evidenceOf(row));
    },
  );

  app.post(
    `${base}/:id/competencies/:competencyId/evidence/file`,
    {
      schema: {
        tags,
        summary: 'Upload a file as evidence for one competency (multipart/form-data)',
        description: `Fields: \`role\` (primary or secondary), \`title\`, \`explanation\`, then \`file\`: PDF, Word, image or plain text, judged by content; larger than the upload limit answers 413. ${locked}`,
        params: competencyParams,
        response: { 201: evidenceOut },
      },
    },
    async (req, reply) => {
      const { id, competencyId } = req.params;
      const input = evidenceInputFrom(req);
      const row = await addEvidence(ctxFrom(req), id, competencyId, {
        fields: { ...(input.fields as object), kind: 'file' },
        file: input.file,
      });
      return reply.status(201).send(evidenceOf(row));
    },
  );

  app.put(
    `${base}/:id/evidence/:evidenceId`,
    {
      schema: {
        tags,
        summary: 'Change an evidence item: role, title, explanation, and its link or text',
        description: `The kind stays; to replace a file use …/file. ${locked}`,
        params: evidenceParams,
        body: evidenceFieldsSchema,
        response: { 200: evidenceOut },
      },
    },
    async (req) => {
      const { id, evidenceId } = req.params;
      return evidenceOf(
        await updateEvidenceItem(ctxFrom(req), id, evidenceId, { fields: req.body, file: null }),
      );
    },
  );

  app.put(
    `${base}/:id/evidence/:evidenceId/file`,
    {
      schema: {
        tags,
        summary: 'Change a file evidence item, replacing its file (multipart/form-data)',
        description: `Fields: \`role\`, \`title\`, \`explanation\`, and optionally \`file\` to replace the file. ${locked}`,
        params: evidenceParams,
        response: { 200: evidenceOut },
      },
    },
    async (req) => {
      const { id, evidenceId } = req.params;
      return evidenceOf(await updateEvidenceItem(ctxFrom(req), id, evidenceId, evidenceInputFrom(req)));
    },
  );

  app.delete(
    `${base}/:id/evidence/:evidenceId`,
    {
      schema: {
        tags,
        summary: 'Remove an evidence item',
        description: locked,
        params: evidenceParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await removeEvidence(ctxFrom(req), req.params.id, req.params.evidenceId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    `${base}/:id/evidence/:evidenceId/file`,
    {
      schema: {
        tags,
        summary: 'Download the file of an evidence item',
        description: `${whoSees} Sent as an attachment with the type found in its content.`,
        params: evidenceParams,
        response: { 200: z.string().meta({ format: 'binary' }).describe('The evidence file') },
      },
    },
    async (req, reply) => {
      const { evidence } = await findEvidenceForViewer(ctxFrom(req), req.params.id, req.params.evidenceId);
      if (!evidence.blobKey || !evidence.mime || !evidence.fileName)
        throw new DomainError('NOT_FOUND', 'That evidence has no file.');
      return sendBlob(reply, portfolioBlobStore(req.server.services.config), {
        key: evidence.blobKey,
        mime: evidence.mime,
        fileName: evidence.fileName,
      });
    },
  );

  app.post(
    `${base}/:id/submit`,
    {
      schema: {
        tags,
        summary: 'Submit a complete portfolio: gives its number, charges the portfolio fee and locks it',
        description:
          'Refused (422, naming each competency without primary evidence) until every competency has primary evidence and the statement is written. A repeated call changes nothing.',
        params: idParams,
        response: { 200: portfolioDetailOut.extend({ alreadySubmitted: z.boolean() }) },
      },
    },
    async (req) => {
      const ctx = ctxFrom(req);
      const { alreadySubmitted } = await submitPortfolio(ctx, req.params.id);
      return { ...detailOf(await viewPortfolio(ctx, req.params.id)), alreadySubmitted };
    },
  );

  app.post(
    `${base}/:id/resubmit`,
    {
      schema: {
        tags,
        summary: 'Resubmit a portfolio after "more information": back to the same evaluators, no fee',
        description:
          'Only while the outcome is "more information" and a resubmission remains (409 otherwise); refused (422, naming each) while a reopened competency has no primary evidence. A repeated call changes nothing.',
        params: idParams,
        response: { 200: portfolioDetailOut.extend({ alreadyResubmitted: z.boolean() }) },
      },
    },
    async (req) => {
      const ctx = ctxFrom(req);
      const { alreadyResubmitted } = await resubmitPortfolio(ctx, req.params.id);
      return { ...(await detailWithOutcome(ctx, req.params.id)), alreadyResubmitted };
    },
  );

  app.post(
    `${base}/:id/checkout`,
    {
      schema: {
        tags,
        summary: 'Start (or reuse) a card checkout for the portfolio fee',
        description: 'Send the payer to `url`; afterwards they come back to the portfolio.',
        params: idParams,
        response: { 200: z.object({ checkoutId: z.uuid(), url: z.string(), amount: moneySchema }) },
      },
    },
    async (req) => {
      const started = await startPortfolioCheckout(ctxFrom(req), req.params.id);
      return { checkoutId: started.checkoutId, url: started.url, amount: moneyOut(started.amount) };
    },
  );
}
