import type { OutgoingMail } from '../../platform/mail/outbox.js';

/** Every mail the institutions module sends; plain text, plain language. */
const signOff = '\n\nLibrary Support Staff Certification program';

export const institutionMails = {
  registered: (to: string, name: string, institution: string, link: string): OutgoingMail => ({
    to,
    template: 'institution-registered',
    subject: `${institution} is registered`,
    text: `Hello ${name},\n\nYou registered ${institution}, and you are its contact. You can send purchase orders for your staff's application fees and see your invoices here:\n\n${link}${signOff}`,
  }),
  contactInvitation: (to: string, inviter: string, institution: string, link: string, expires: string) => ({
    to,
    template: 'institution-contact-invitation',
    subject: `You are invited to be a contact for ${institution}`,
    text: `Hello,\n\n${inviter} invited you to be a contact for ${institution} on the Library Support Staff Certification website. Contacts send purchase orders for their staff's application fees and receive the invoices.\n\nTo accept, sign in (or create an account) with this email address and open this link:\n\n${link}\n\nThe link works once and expires on ${expires}. If you were not expecting this, you can ignore this message.${signOff}`,
  }),
  applicantInvitation: (p: {
    to: string;
    name: string;
    institution: string;
    link: string;
  }): OutgoingMail => ({
    to: p.to,
    template: 'institution-applicant-invitation',
    subject: `${p.institution} will pay your application fee`,
    text: `Hello ${p.name},\n\n${p.institution} sent a purchase order to pay your fee for Library Support Staff Certification.\n\nTo apply, open this link, then sign in or create an account with this email address (${p.to}). Your application will be marked as paid by ${p.institution}:\n\n${p.link}\n\nStaff review your application once your institution's payment arrives and your application is submitted.${signOff}`,
  }),
  invoice: (p: {
    to: string;
    name: string;
    institution: string;
    number: string;
    poNumber: string;
    total: string;
    dueOn: string;
    invited: number;
    matched: number;
    link: string;
    pdfLink: string;
  }): OutgoingMail => ({
    to: p.to,
    template: 'institution-invoice',
    subject: `Invoice ${p.number} for purchase order ${p.poNumber}`,
    text: [
      `Hello ${p.name},`,
      '',
      `Thank you for purchase order ${p.poNumber} from ${p.institution}. Invoice ${p.number} for ${p.total} is due on ${p.dueOn}.`,
      `${p.matched} of the applicants had already applied and are matched to it; we sent the other ${p.invited} an invitation to apply.`,
      '',
      `Download the invoice (PDF): ${p.pdfLink}`,
      `See who is covered as payments arrive: ${p.link}`,
      signOff.trim(),
    ].join('\n'),
  }),
  paymentRecorded: (p: {
    to: string;
    name: string;
    number: string;
    amount: string;
    due: string;
    credit: string | null;
    link: string;
  }): OutgoingMail => ({
    to: p.to,
    template: 'institution-payment-recorded',
    subject: `Payment received for invoice ${p.number}`,
    text: [
      `Hello ${p.name},`,
      '',
      `We received ${p.amount} for invoice ${p.number}. ${p.due === '$0.00' ? 'The invoice is paid in full.' : `${p.due} is still due.`}`,
      p.credit
        ? `You have ${p.credit} of credit with the program: money paid beyond what your applicants' fees needed.`
        : '',
      `See which applicants are covered: ${p.link}`,
      signOff.trim(),
    ]
      .filter((l) => l !== '')
      .join('\n'),
  }),
  paymentDecided: (p: {
    to: string;
    name: string;
    outcome: 'approved' | 'declined';
    deciderName: string;
    what: string;
    number: string;
    note: string | null;
    link: string;
  }): OutgoingMail => ({
    to: p.to,
    template: `institution-payment-${p.outcome}`,
    subject: `${p.what} on invoice ${p.number} ${p.outcome}`,
    text: [
      `Hello ${p.name},`,
      '',
      `${p.deciderName} ${p.outcome} the payment you recorded: ${p.what.toLowerCase()} on invoice ${p.number}.`,
      p.outcome === 'approved'
        ? 'It now counts towards the invoice, and the applicants it covers have moved on.'
        : 'It does not count towards the invoice. If the money did arrive, record it again with the right details.',
      p.note ? `Their note: ${p.note}` : '',
      `The invoice: ${p.link}`,
      signOff.trim(),
    ]
      .filter((l) => l !== '')
      .join('\n'),
  }),
};
