/**
 * Where outbox e-mails go: an SMTP server (nodemailer) configured with SMTP_URL, e.g.
 * smtp://user:pass@mail.example.gov.cn:587 (STARTTLS when offered) or smtps://…:465 (TLS from the start).
 * The scheduler only needs `send`; tests hand in fakes.
 */
import nodemailer from 'nodemailer';

export const DEFAULT_MAIL_FROM = '“中国制造2025”城市试点示范工作平台 <noreply@localhost>';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
}

export interface MailTransport {
  /** Resolves once the server accepted the message; rejects otherwise. */
  send(mail: OutgoingEmail): Promise<void>;
  close?(): void;
}

/** The SMTP server's address without credentials, for log lines. */
export function describeSmtpUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.hostname}${u.port ? `:${u.port}` : ''}`;
  } catch {
    return '(unparseable SMTP_URL)';
  }
}

export function createSmtpTransport(url: string, from: string = DEFAULT_MAIL_FROM): MailTransport {
  const transporter = nodemailer.createTransport(
    {
      url,
      // Outbox rows stay locked while they are sent: do not wait minutes on a dead server.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    },
    { from },
  );
  return {
    async send(mail) {
      const info = await transporter.sendMail({ to: mail.to, subject: mail.subject, text: mail.text });
      // Not the addresses themselves: the message lands in the outbox row, whose address is sealed.
      if (info.rejected.length > 0) throw new Error(`rejected by the SMTP server (${info.rejected.length} recipient(s))`);
    },
    close: () => transporter.close(),
  };
}
