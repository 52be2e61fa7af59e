import { formatMoney, money } from '../../../lib/money.js';
import { formatNumber } from '../../../views/format.js';
import { sectionPaths } from '../../applications/labels.js';
import type { ApplicationOverview } from '../../applications/use-cases/get-my-application.js';
import { checkInstructions } from '../../payments/check-instructions.js';

export interface NextStep {
  text: string;
  href?: string;
}

/** Concrete things the candidate can do now, most urgent first. */
export function nextSteps(
  o: ApplicationOverview | null,
  emailVerified: boolean,
  electivesNeeded: number,
): NextStep[] {
  const steps: NextStep[] = [];
  if (!emailVerified)
    steps.push({
      text: 'Confirm your email address with the link we sent you. You need it to submit.',
      href: '/account',
    });
  if (!o || o.application.status === 'rejected') {
    steps.push({
      text: o ? 'Start a new application when you meet the requirements' : 'Start your application',
      href: '/application',
    });
    return steps;
  }
  const app = o.application;
  const due = o.fee ? money(Math.max(o.fee.balance.dueCents, 0), o.fee.amount.currency) : null;
  switch (app.status) {
    case 'draft': {
      for (const m of o.missing)
        steps.push({ text: `Finish the section “${m.title}”`, href: sectionPaths[m.section] });
      if (o.sections.experience === 'in_progress') {
        steps.push({
          text: `Add more library work: ${formatNumber(o.eligibility.countedHours, 2)} of the ${formatNumber(o.eligibility.requiredHours)} hours needed so far`,
          href: sectionPaths.experience,
        });
      }
      if (o.missing.length === 0 && o.eligibility.eligible) {
        steps.push({ text: 'Check your answers and submit your application', href: '/application/check' });
      } else if (o.missing.length === 0 && o.sections.experience !== 'in_progress') {
        for (const r of o.eligibility.reasons) steps.push({ text: r.message, href: '/application/check' });
      }
      break;
    }
    case 'awaiting_payment':
      steps.push({
        text: `${o.lastCardDeclined ? 'Your last card payment was declined. ' : ''}Pay the application fee of ${formatMoney(due!)} by card, or switch to paying by check`,
        href: '/application/pay',
      });
      break;
    case 'awaiting_check':
      steps.push({
        text: `Mail your check for ${formatMoney(due!)}, payable to “${checkInstructions.payableTo}”, to ${checkInstructions.mailingAddress.join(', ')}. Write your application number ${app.number} on it.`,
        href: '/application/pay',
      });
      break;
    case 'info_requested':
      steps.push({
        text: 'Answer the program staff’s question and send your application back',
        href: '/application/respond',
      });
      break;
    case 'in_review':
      steps.push({
        text: 'Nothing to do for now: program staff are reviewing your application. We will email you their decision.',
      });
      break;
    case 'admitted':
      steps.push({
        text: 'Explore approved courses: the Approved Course Catalog will list courses that each cover one competency set.',
      });
      steps.push({
        text: `Choose your electives: any ${electivesNeeded} of the elective competency sets, plus all required sets.`,
      });
      steps.push({ text: 'Plan a portfolio for a set you already know well from your work.' });
      break;
  }
  return steps;
}
