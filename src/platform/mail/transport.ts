import type { Logger } from 'pino';
import type { OutgoingMail } from './outbox.js';

export interface MailTransport {
  readonly kind: 'smtp' | 'dev';
  send(mail: OutgoingMail & { id: string }): Promise<void>;
  close(): Promise<void>;
}

/** Embedded default: mail stays in the outbox (shown at /dev/mail); we log who and what, never the body. */
export function devTransport(log: Logger): MailTransport {
  return {
    kind: 'dev',
    async send(mail) {
      log.info(
        { mailId: mail.id, to: mail.to, subject: mail.subject, template: mail.template },
        'mail kept in dev mailbox',
      );
    },
    async close() {},
  };
}

export async function smtpTransport(url: string, from: string): Promise<MailTransport> {
  const nodemailer = await import('nodemailer');
  const transporter = nodemailer.default.createTransport(url);
  return {
    kind: 'smtp',
    async send(mail) {
      await transporter.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        headers: { 'X-LSSC-Mail-Id': mail.id, 'X-LSSC-Template': mail.template },
      });
    },
    async close() {
      transporter.close();
    },
  };
}
