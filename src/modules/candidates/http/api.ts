import { z } from 'zod';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { moneyOut, moneySchema } from '../../applications/http/api-schemas.js';
import { applicationStatuses } from '../../applications/schema.js';
import { type Dashboard, getDashboard } from '../use-cases/get-dashboard.js';

const dashboardSchema = z.object({
  displayName: z.string(),
  emailVerified: z.boolean(),
  application: z
    .object({
      number: z.string().nullable(),
      status: z.enum(applicationStatuses),
      submittedOn: z.string().nullable(),
      admittedOn: z.string().nullable(),
      rejectionReason: z.string().nullable(),
    })
    .nullable(),
  timeline: z.array(
    z.object({
      key: z.enum(['account', 'drafted', 'submitted', 'paid', 'admitted']),
      label: z.string(),
      state: z.enum(['done', 'current', 'upcoming']),
      date: z.string().nullable(),
    }),
  ),
  nextSteps: z.array(z.object({ text: z.string(), href: z.string().optional() })),
  deadline: z
    .object({
      deadline: z.string(),
      expired: z.boolean(),
      years: z.int(),
      months: z.int(),
      days: z.int(),
      totalDays: z.int(),
      message: z.string(),
    })
    .nullable(),
  framework: z.object({ id: z.uuid(), title: z.string(), pinned: z.boolean() }),
  sets: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      title: z.string(),
      required: z.boolean(),
      achieved: z.object({ on: z.string(), how: z.enum(['course', 'portfolio', 'agreement']) }).nullable(),
    }),
  ),
  progress: z.object({
    summary: z.string(),
    requiredDone: z.int(),
    requiredTotal: z.int(),
    electivesDone: z.int(),
    electivesNeeded: z.int(),
    complete: z.boolean(),
  }),
  fee: z
    .object({
      amount: moneySchema,
      due: moneySchema,
      paidOn: z.string().nullable(),
      refundOwed: moneySchema.nullable(),
      refunded: moneySchema.nullable(),
    })
    .nullable(),
  infoRequest: z.string().nullable(),
});

function dashboardOut(d: Dashboard): z.infer<typeof dashboardSchema> {
  return {
    ...d,
    fee: d.fee && {
      amount: moneyOut(d.fee.amount),
      due: moneyOut(d.fee.due),
      paidOn: d.fee.paidOn,
      refundOwed: d.fee.refundOwed && moneyOut(d.fee.refundOwed),
      refunded: d.fee.refunded && moneyOut(d.fee.refunded),
    },
  };
}

export function registerDashboardApi(app: App) {
  app.get(
    '/api/v1/dashboard',
    {
      schema: {
        tags: ['dashboard'],
        summary: 'Your certification dashboard',
        response: { 200: dashboardSchema },
      },
    },
    async (req) => dashboardOut(await getDashboard(ctxFrom(req))),
  );
}
