import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError } from '../../../platform/errors.js';
import { sendBlob } from '../../../platform/files/downloads.js';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { formValues } from '../../../platform/http/forms.js';
import { sendPage } from '../../../platform/http/render.js';
import { seeOther } from '../../applications/http/page-helpers.js';
import { portfolioBlobStore } from '../files.js';
import { addEvidence } from '../use-cases/add-evidence.js';
import { listMyPortfolios } from '../use-cases/list-my-portfolios.js';
import { removeEvidence } from '../use-cases/remove-evidence.js';
import { saveStatement } from '../use-cases/save-statement.js';
import { startPortfolio } from '../use-cases/start-portfolio.js';
import { updateEvidenceItem } from '../use-cases/update-evidence.js';
import { findEvidenceForViewer, viewCompetency, viewPortfolio } from '../use-cases/view-portfolio.js';
import { viewPortfolioOutcome } from '../use-cases/view-portfolio-outcome.js';
import { CompetencyPage } from '../views/candidate-competency.js';
import { EditEvidencePage, valuesOf } from '../views/candidate-evidence-form.js';
import { PortfolioListPage } from '../views/candidate-list.js';
import { PortfolioOverview } from '../views/candidate-overview.js';
import { StatementPage } from '../views/candidate-statement.js';
import { evidenceInputFrom } from './api-schemas.js';
import { hide, idParams, shown, titled, unlessLocked } from './candidate-page-helpers.js';
import { registerPortfolioSubmitPages } from './candidate-submit-pages.js';

const competencyParams = idParams.extend({ competencyId: z.string().max(64) });
const evidenceParams = idParams.extend({ evidenceId: z.string().max(64) });

export function registerPortfolioCandidatePages(app: App) {
  const maxBytes = () => app.services.config.maxUploadBytes;

  const listPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    setId?: string,
    err?: ReturnType<typeof shown>,
  ) =>
    sendPage(
      req,
      reply,
      { title: titled('Your portfolios', err?.errors), status: err?.status ?? 200 },
      <PortfolioListPage
        list={await listMyPortfolios(ctxFrom(req))}
        csrfToken={req.csrfToken()}
        setId={setId}
        errors={err?.errors}
      />,
    );
  // ?setId= preselects a set (the dashboard's "Build a portfolio" links).
  app.get(
    '/portfolios',
    { schema: { ...hide, querystring: z.object({ setId: z.string().max(64).optional() }) } },
    async (req, reply) => listPage(req, reply, req.query.setId),
  );
  app.post('/portfolios', { schema: hide }, async (req, reply) => {
    try {
      const row = await startPortfolio(ctxFrom(req), req.body);
      return seeOther(reply, `/portfolios/${row.id}`, 'Portfolio started. Add evidence for each competency.');
    } catch (err) {
      const problem = shown(err);
      if (!problem) throw err;
      return listPage(req, reply, formValues(req.body).setId, problem);
    }
  });

  app.get('/portfolios/:id', { schema: { ...hide, params: idParams } }, async (req, reply) => {
    const ctx = ctxFrom(req);
    const v = await viewPortfolio(ctx, req.params.id);
    const outcome = await viewPortfolioOutcome(ctx, v);
    return sendPage(
      req,
      reply,
      { title: `Portfolio: ${v.set.title}` },
      <PortfolioOverview v={v} outcome={outcome} csrfToken={req.csrfToken()} />,
    );
  });

  const competencyPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    p: { id: string; competencyId: string },
    values: Record<string, string> = {},
    err?: ReturnType<typeof shown>,
  ) => {
    const ctx = ctxFrom(req);
    const v = await viewCompetency(ctx, p.id, p.competencyId);
    const outcome = await viewPortfolioOutcome(ctx, v);
    return sendPage(
      req,
      reply,
      { title: titled(`${v.competency.id} ${v.competency.topic}`, err?.errors), status: err?.status ?? 200 },
      <CompetencyPage
        v={v}
        csrfToken={req.csrfToken()}
        values={values}
        errors={err?.errors}
        maxBytes={maxBytes()}
        outcome={outcome}
      />,
    );
  };
  app.get(
    '/portfolios/:id/competencies/:competencyId',
    { schema: { ...hide, params: competencyParams } },
    async (req, reply) => competencyPage(req, reply, req.params),
  );
  app.post(
    '/portfolios/:id/competencies/:competencyId/evidence',
    { schema: { ...hide, params: competencyParams } },
    async (req, reply) =>
      unlessLocked(req, reply, req.params.id, async () => {
        const { id, competencyId } = req.params;
        try {
          const row = await addEvidence(ctxFrom(req), id, competencyId, evidenceInputFrom(req));
          return seeOther(
            reply,
            `/portfolios/${id}/competencies/${competencyId}`,
            `Evidence “${row.title}” added.`,
          );
        } catch (err) {
          const problem = shown(err);
          if (!problem) throw err;
          return competencyPage(req, reply, req.params, formValues(req.body), problem);
        }
      }),
  );

  const editPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    p: { id: string; evidenceId: string },
    values?: Record<string, string>,
    err?: ReturnType<typeof shown>,
  ) => {
    const { evidence, owner } = await findEvidenceForViewer(ctxFrom(req), p.id, p.evidenceId);
    const v = await viewCompetency(ctxFrom(req), p.id, evidence.competencyId);
    // Staff and a locked portfolio have nothing to edit: the competency page shows the item.
    if (!owner || !v.editable)
      return seeOther(reply, `/portfolios/${p.id}/competencies/${evidence.competencyId}`);
    return sendPage(
      req,
      reply,
      { title: titled('Change evidence', err?.errors), status: err?.status ?? 200 },
      <EditEvidencePage
        base={`/portfolios/${p.id}`}
        competencyLabel={`${v.competency.id} ${v.competency.topic}`}
        evidence={evidence}
        csrfToken={req.csrfToken()}
        values={values ?? valuesOf(evidence)}
        errors={err?.errors}
        maxBytes={maxBytes()}
      />,
    );
  };
  app.get(
    '/portfolios/:id/evidence/:evidenceId',
    { schema: { ...hide, params: evidenceParams } },
    async (req, reply) => editPage(req, reply, req.params),
  );
  app.post(
    '/portfolios/:id/evidence/:evidenceId',
    { schema: { ...hide, params: evidenceParams } },
    async (req, reply) =>
      unlessLocked(req, reply, req.params.id, async () => {
        const { id, evidenceId } = req.params;
        try {
          const row = await updateEvidenceItem(ctxFrom(req), id, evidenceId, evidenceInputFrom(req));
          return seeOther(
            reply,
            `/portfolios/${id}/competencies/${row.competencyId}`,
            `Evidence “${row.title}” saved.`,
          );
        } catch (err) {
          const problem = shown(err);
          if (!problem) throw err;
          return editPage(req, reply, req.params, formValues(req.body), problem);
        }
      }),
  );
  app.post(
    '/portfolios/:id/evidence/:evidenceId/remove',
    { schema: { ...hide, params: evidenceParams } },
    async (req, reply) =>
      unlessLocked(req, reply, req.params.id, async () => {
        const row = await removeEvidence(ctxFrom(req), req.params.id, req.params.evidenceId);
        return seeOther(
          reply,
          `/portfolios/${req.params.id}/competencies/${row.competencyId}`,
          `Evidence “${row.title}” removed.`,
        );
      }),
  );
  app.get(
    '/portfolios/:id/evidence/:evidenceId/file',
    { schema: { ...hide, params: evidenceParams } },
    async (req, reply) => {
      const { evidence } = await findEvidenceForViewer(ctxFrom(req), req.params.id, req.params.evidenceId);
      if (!evidence.blobKey || !evidence.mime || !evidence.fileName)
        throw new DomainError('NOT_FOUND', 'That file was not found.');
      return sendBlob(reply, portfolioBlobStore(app.services.config), {
        key: evidence.blobKey,
        mime: evidence.mime,
        fileName: evidence.fileName,
      });
    },
  );

  const statementPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    value?: string,
    err?: ReturnType<typeof shown>,
  ) => {
    const v = await viewPortfolio(ctxFrom(req), (req.params as { id: string }).id);
    return sendPage(
      req,
      reply,
      { title: titled('Personal Learning Statement', err?.errors), status: err?.status ?? 200 },
      <StatementPage v={v} csrfToken={req.csrfToken()} value={value} errors={err?.errors} />,
    );
  };
  app.get('/portfolios/:id/statement', { schema: { ...hide, params: idParams } }, async (req, reply) =>
    statementPage(req, reply),
  );
  app.post('/portfolios/:id/statement', { schema: { ...hide, params: idParams } }, async (req, reply) =>
    unlessLocked(req, reply, req.params.id, async () => {
      try {
        await saveStatement(ctxFrom(req), req.params.id, { statement: formValues(req.body).statement ?? '' });
        return seeOther(reply, `/portfolios/${req.params.id}/statement`, 'Statement saved.');
      } catch (err) {
        const problem = shown(err);
        if (!problem) throw err;
        return statementPage(req, reply, formValues(req.body).statement, problem);
      }
    }),
  );
  registerPortfolioSubmitPages(app);
}
