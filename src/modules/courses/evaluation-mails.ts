import { formatCalendarDate } from '../../lib/calendar-date.js';
import type { OutgoingMail } from '../../platform/mail/outbox.js';

type To = { email: string; displayName: string };
type Course = { number: string; title: string };

export const evaluationMails = {
  assigned(to: To, p: Course & { dueOn: string; link: string }): OutgoingMail {
    return {
      to: to.email,
      template: 'course-evaluation-assigned',
      subject: `Please evaluate course application ${p.number}`,
      text: [
        `Hello ${to.displayName},`,
        '',
        `You are asked to evaluate the course "${p.title}" (${p.number}) against the course rubric.`,
        `Please submit your evaluation by ${formatCalendarDate(p.dueOn)}.`,
        '',
        `Open it here: ${p.link}`,
      ].join('\n'),
    };
  },
  decided(to: To, p: Course & { outcome: string; comment: string | null; link: string }): OutgoingMail {
    return {
      to: to.email,
      template: 'course-application-decided',
      subject: `Course application ${p.number}: ${p.outcome}`,
      text: [
        `Hello ${to.displayName},`,
        '',
        `Decision on the course "${p.title}" (${p.number}): ${p.outcome}.`,
        ...(p.comment ? ['', 'Comments from the program staff:', p.comment] : []),
        '',
        `See the application here: ${p.link}`,
      ].join('\n'),
    };
  },
  overdue(to: To, p: Course & { dueOn: string; link: string }): OutgoingMail {
    return {
      to: to.email,
      template: 'course-evaluation-overdue',
      subject: `Your evaluation of ${p.number} is overdue`,
      text: [
        `Hello ${to.displayName},`,
        '',
        `Your evaluation of the course "${p.title}" (${p.number}) was due on ${formatCalendarDate(p.dueOn)} and has not been submitted yet.`,
        'The provider is waiting for the decision. Please submit your evaluation as soon as you can, or tell the program staff if you cannot do it.',
        '',
        `Open it here: ${p.link}`,
      ].join('\n'),
    };
  },
};
