import { DomainError } from '../../../platform/errors.js';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { sendPage } from '../../../platform/http/render.js';
import { listSetChoices, viewPortfolioPipeline } from '../use-cases/view-portfolio-pipeline.js';
import { viewPortfolioStatistics } from '../use-cases/view-portfolio-statistics.js';
import { PIPELINE_PATH, PipelinePage } from '../views/pipeline-page.js';
import { STATISTICS_PATH, StatisticsPage } from '../views/statistics-page.js';

const hide = { hide: true };

/** What was typed, as text, to show back in the filter forms and keep in the links. */
const textOf = (query: unknown) => {
  const raw = (query ?? {}) as Record<string, unknown>;
  return (key: string) => (typeof raw[key] === 'string' ? (raw[key] as string) : '');
};

const refusedQuery = (err: unknown): err is DomainError =>
  err instanceof DomainError && err.code === 'VALIDATION_FAILED';

/**
 * Staff pages: the pipeline of submitted portfolios by stage, and the evaluation statistics. A query
 * that cannot be read is shown back with its problems (400), not as an error page.
 */
export function registerStatisticsPages(app: App) {
  app.get(PIPELINE_PATH, { schema: hide }, async (req, reply) => {
    const text = textOf(req.query);
    const values = { stage: text('stage'), set: text('set') };
    const ctx = ctxFrom(req);
    try {
      const v = await viewPortfolioPipeline(ctx, req.query);
      return sendPage(req, reply, { title: 'Portfolios' }, <PipelinePage v={v} values={values} />);
    } catch (err) {
      if (!refusedQuery(err)) throw err;
      const sets = await listSetChoices(ctx);
      return sendPage(
        req,
        reply,
        { title: 'Error: Portfolios', status: 400 },
        <PipelinePage v={null} values={values} sets={sets} errors={err.fields} />,
      );
    }
  });

  app.get(STATISTICS_PATH, { schema: hide }, async (req, reply) => {
    const text = textOf(req.query);
    const values = { year: text('year'), from: text('from'), to: text('to'), set: text('set') };
    const ctx = ctxFrom(req);
    const thisYear = Number(ctx.clock.today().slice(0, 4));
    try {
      const v = await viewPortfolioStatistics(ctx, req.query);
      return sendPage(
        req,
        reply,
        { title: 'Portfolio evaluation statistics' },
        <StatisticsPage v={v} values={values} thisYear={thisYear} />,
      );
    } catch (err) {
      if (!refusedQuery(err)) throw err;
      const sets = await listSetChoices(ctx);
      return sendPage(
        req,
        reply,
        { title: 'Error: Portfolio evaluation statistics', status: 400 },
        <StatisticsPage v={null} values={values} thisYear={thisYear} sets={sets} errors={err.fields} />,
      );
    }
  });
}
