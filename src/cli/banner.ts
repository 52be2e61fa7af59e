import type { Config } from '../config.js';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, demoAccounts } from '../modules/demo/demo-accounts.js';

export function printBanner(config: Config, url: string) {
  const lines = [
    '',
    `  lssc is running at ${url}`,
    `  database: ${config.database.kind === 'pglite' ? `embedded (${config.database.dataDir})` : 'PostgreSQL'}`,
  ];
  if (config.fixedToday) lines.push(`  "today" is fixed at ${config.fixedToday} (LSSC_TODAY)`);
  if (!config.smtpUrl && config.env !== 'production') lines.push(`  mail is kept at ${url}/dev/mail`);
  if (config.database.kind === 'pglite' && config.seedDemo) {
    lines.push('', `  Demo sign-ins (password for all: ${DEMO_PASSWORD}):`);
    for (const a of demoAccounts) lines.push(`    ${a.email.padEnd(40)} ${a.description}`);
    lines.push(
      '',
      `  Staff and evaluator accounts need an authenticator code. Secret: ${DEMO_TOTP_SECRET}`,
      `  (add it to an authenticator app, or run: npm run lssc -- totp ${DEMO_TOTP_SECRET})`,
    );
  }
  lines.push('', '  Press Ctrl+C to stop.', '');
  process.stdout.write(`${lines.join('\n')}\n`);
}
