import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { sendPage } from '../../../platform/http/render.js';
import { getDashboard } from '../use-cases/get-dashboard.js';
import { DashboardPage } from '../views/dashboard.js';

export function registerDashboardPage(app: App) {
  app.get('/dashboard', { schema: { hide: true } }, async (req, reply) => {
    const d = await getDashboard(ctxFrom(req));
    return sendPage(req, reply, { title: 'My certification' }, <DashboardPage d={d} />);
  });
}
