import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { sendPage } from '../../../platform/http/render.js';
import { listAgreements } from '../use-cases/list-agreements.js';
import { PublicAgreementsPage } from '../views/public-agreements.js';
import { hide } from './page-helpers.js';

export function registerAgreementPublicPages(app: App) {
  app.get('/agreements', { schema: hide }, async (req, reply) => {
    const r = await listAgreements(ctxFrom(req), req.query);
    return sendPage(req, reply, { title: 'Recognition agreements' }, <PublicAgreementsPage r={r} />);
  });
}
