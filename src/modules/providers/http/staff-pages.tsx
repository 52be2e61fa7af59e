import { z } from 'zod';
import { DomainError } from '../../../platform/errors.js';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { sendPage } from '../../../platform/http/render.js';
import { listProvidersForStaff } from '../use-cases/list-providers-for-staff.js';
import { viewProviderForStaff } from '../use-cases/view-provider.js';
import { type StaffFilterValues, StaffProviderPage, StaffProvidersPage } from '../views/staff-providers.js';

const idParams = z.object({ id: z.string().max(64) });

/** Program staff: every provider, and one provider read-only with its members. */
export function registerStaffProviderPages(app: App) {
  app.get('/staff/providers', { schema: { hide: true } }, async (req, reply) => {
    const raw = (req.query ?? {}) as Record<string, unknown>;
    const text = (k: string) => (typeof raw[k] === 'string' ? (raw[k] as string) : '');
    const values: StaffFilterValues = { q: text('q'), type: text('type'), region: text('region') };
    try {
      // The page size is fixed on the page; the API lets clients choose.
      const result = await listProvidersForStaff(ctxFrom(req), { ...raw, pageSize: undefined });
      return sendPage(
        req,
        reply,
        { title: 'Course providers' },
        <StaffProvidersPage values={values} result={result} />,
      );
    } catch (err) {
      if (!(err instanceof DomainError && err.code === 'VALIDATION_FAILED')) throw err;
      return sendPage(
        req,
        reply,
        { title: 'Course providers', status: 400 },
        <StaffProvidersPage values={values} errors={err.fields} result={null} />,
      );
    }
  });

  app.get('/staff/providers/:id', { schema: { hide: true, params: idParams } }, async (req, reply) => {
    const view = await viewProviderForStaff(ctxFrom(req), req.params.id);
    return sendPage(req, reply, { title: view.provider.name }, <StaffProviderPage view={view} />);
  });
}
