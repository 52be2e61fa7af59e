import type { Role } from '../../platform/context.js';

export const DEMO_PASSWORD = 'demo-password-2026';
/** Shared by the demo staff and evaluator accounts so a tester can generate codes (lssc totp SECRET). */
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXPLSSCDEMOSTAFFKEY';

export type DemoApplicationState =
  | 'none'
  | 'draft'
  | 'awaiting_payment'
  | 'awaiting_check'
  | 'in_review'
  | 'info_requested'
  | 'admitted';

export interface DemoAccount {
  email: string;
  name: string;
  roles: Role[];
  description: string;
  application?: DemoApplicationState;
}

export const demoAccounts: DemoAccount[] = [
  {
    email: 'staff@demo.lssc.example',
    name: 'Sam Staff',
    roles: ['staff'],
    description: 'program staff (MFA)',
  },
  {
    email: 'admin@demo.lssc.example',
    name: 'Ada Admin',
    roles: ['admin', 'staff'],
    description: 'administrator (MFA)',
  },
  {
    email: 'portfolio.evaluator@demo.lssc.example',
    name: 'Pat Evaluator',
    roles: ['portfolio_evaluator'],
    description: 'portfolio evaluator: one portfolio to rate, drafts saved (MFA)',
  },
  {
    email: 'portfolio.evaluator2@demo.lssc.example',
    name: 'Paz Evaluator',
    roles: ['portfolio_evaluator'],
    description: 'second portfolio evaluator, ratings submitted (MFA)',
  },
  {
    email: 'course.evaluator@demo.lssc.example',
    name: 'Cory Evaluator',
    roles: ['course_evaluator'],
    description: 'course evaluator (MFA)',
  },
  {
    email: 'provider@demo.lssc.example',
    name: 'Prue Provider',
    roles: ['provider_member'],
    description: 'course provider member',
  },
  {
    email: 'college@demo.lssc.example',
    name: 'Cole College',
    roles: ['college_member'],
    description: 'college member',
  },
  {
    email: 'institution@demo.lssc.example',
    name: 'Ines Institution',
    roles: ['institution_contact'],
    description: 'institution contact: a purchase order for three, invoice partly paid',
  },
  {
    email: 'appeals@demo.lssc.example',
    name: 'Abe Appeals',
    roles: ['appeals_member'],
    description: 'appeals committee member (MFA)',
  },
  {
    email: 'new.candidate@demo.lssc.example',
    name: 'Nell Newcomer',
    roles: ['candidate'],
    description: 'candidate, not started',
    application: 'none',
  },
  {
    email: 'draft@demo.lssc.example',
    name: 'Dana Draft',
    roles: ['candidate'],
    description: 'candidate, application in draft',
    application: 'draft',
  },
  {
    email: 'unpaid@demo.lssc.example',
    name: 'Uma Unpaid',
    roles: ['candidate'],
    description: 'candidate, awaiting card payment',
    application: 'awaiting_payment',
  },
  {
    email: 'check@demo.lssc.example',
    name: 'Chuck Check',
    roles: ['candidate'],
    description: 'candidate, paying by check',
    application: 'awaiting_check',
  },
  {
    email: 'review@demo.lssc.example',
    name: 'Rita Review',
    roles: ['candidate'],
    description: 'candidate, paid and awaiting review',
    application: 'in_review',
  },
  {
    email: 'info@demo.lssc.example',
    name: 'Ivan Info',
    roles: ['candidate'],
    description: 'candidate, more information requested',
    application: 'info_requested',
  },
  {
    email: 'admitted@demo.lssc.example',
    name: 'Alma Admitted',
    roles: ['candidate'],
    description: 'candidate, admitted',
    application: 'admitted',
  },
  {
    email: 'portfolio@demo.lssc.example',
    name: 'Polly Portfolio',
    roles: ['candidate'],
    description: 'candidate, portfolio being built',
    application: 'admitted',
  },
  {
    email: 'evaluation@demo.lssc.example',
    name: 'Eve Evaluation',
    roles: ['candidate'],
    description: 'candidate, portfolio with its evaluators',
    application: 'admitted',
  },
  {
    email: 'moreinfo@demo.lssc.example',
    name: 'Mo Moreinfo',
    roles: ['candidate'],
    description: 'candidate, portfolio needs more information',
    application: 'admitted',
  },
  {
    email: 'certified@demo.lssc.example',
    name: 'Cass Certified',
    roles: ['candidate'],
    description: 'certified: certificate, digital credentials, in the public registry',
    application: 'admitted',
  },
];
