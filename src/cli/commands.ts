import cluster from 'node:cluster';
import { parseArgs } from 'node:util';
import { generate } from 'otplib';
import { type Config, ConfigError, loadConfig } from '../config.js';
import { createUser } from '../modules/accounts/use-cases/create-user.js';
import { seedDemo } from '../modules/demo/seed-demo.js';
import { verifyAuditChain } from '../platform/audit/audit.js';
import { type Role, roles, systemCtx } from '../platform/context.js';
import { openDb } from '../platform/db/client.js';
import { DataDirLockedError } from '../platform/db/lock.js';
import { DomainError } from '../platform/errors.js';
import { startRuntime, startServer } from '../server.js';
import { runSweeps } from '../sweeps.js';
import { printBanner } from './banner.js';
import { startCluster } from './cluster.js';

type Command = { summary: string; usage: string; run(args: string[], config: () => Config): Promise<number> };

const out = (s: string) => process.stdout.write(`${s}\n`);
const err = (s: string) => process.stderr.write(`${s}\n`);

function waitForSignal(stop: () => Promise<void>): Promise<number> {
  return new Promise((resolve) => {
    let stopping = false;
    const onSignal = (signal: string) => {
      if (stopping) return;
      stopping = true;
      err(`\n${signal} received: finishing requests and closing the database…`);
      const force = setTimeout(() => resolve(1), 10_000);
      force.unref();
      stop().then(
        () => resolve(0),
        (e: Error) => {
          err(`Shutdown failed: ${e.message}`);
          resolve(1);
        },
      );
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });
}

const commands: Record<string, Command> = {
  start: {
    summary: 'Start the web server (and jobs, unless LSSC_RUN_JOBS=false)',
    usage:
      'lssc start\n\nSettings come from the environment: PORT, HOST, DATABASE_URL, LSSC_DATA_DIR, SMTP_URL, LSSC_TODAY…\nWithout DATABASE_URL the embedded database in ./data/db is used and demo data is added when it is empty.',
    async run(args, config) {
      parseArgs({ args, options: {}, strict: true });
      const c = config();
      if (c.webProcesses > 1 || cluster.isWorker) {
        const stop = await startCluster(c, (url) => printBanner(c, url));
        return waitForSignal(stop);
      }
      const server = await startServer(c);
      printBanner(c, server.url);
      return waitForSignal(server.stop);
    },
  },
  worker: {
    summary: 'Run background jobs (mail delivery) without serving HTTP',
    usage:
      'lssc worker\n\nUse with DATABASE_URL; with the embedded database, "lssc start" already runs jobs.',
    async run(args, config) {
      parseArgs({ args, options: {}, strict: true });
      const runtime = await startRuntime(config(), { work: true, seed: false });
      out('Worker running. Press Ctrl+C to stop.');
      return waitForSignal(runtime.stop);
    },
  },
  migrate: {
    summary: 'Apply database migrations and install the default program data',
    usage: 'lssc migrate',
    async run(args, config) {
      parseArgs({ args, options: {}, strict: true });
      const runtime = await startRuntime(config(), { work: false, seed: false });
      await runtime.stop();
      out('Database is up to date.');
      return 0;
    },
  },
  seed: {
    summary: 'Add demo data (sign-ins for every role, candidates in every state)',
    usage: 'lssc seed --demo\n\nRefuses if the demo accounts already exist.',
    async run(args, config) {
      const { values } = parseArgs({ args, options: { demo: { type: 'boolean' } }, strict: true });
      if (!values.demo) {
        err('Say what to seed: lssc seed --demo');
        return 2;
      }
      const runtime = await startRuntime(config(), { work: false, seed: false });
      try {
        await seedDemo(systemCtx(runtime.services, 'cli:seed'));
        out('Demo data added.');
        return 0;
      } finally {
        await runtime.stop();
      }
    },
  },
  'create-user': {
    summary: 'Create an account with roles',
    usage: `lssc create-user --email EMAIL --role ROLE [--role ROLE…] [--name NAME]\n\nThe password is read from LSSC_NEW_PASSWORD or, if unset, from the first line of standard input.\nRoles: ${roles.join(', ')}`,
    async run(args, config) {
      const { values } = parseArgs({
        args,
        options: {
          email: { type: 'string' },
          role: { type: 'string', multiple: true },
          name: { type: 'string' },
        },
        strict: true,
      });
      if (!values.email) throw new UsageError('--email is required');
      const wanted = values.role ?? [];
      if (wanted.length === 0) throw new UsageError('at least one --role is required');
      const unknown = wanted.filter((r) => !(roles as readonly string[]).includes(r));
      if (unknown.length)
        throw new UsageError(`unknown role ${unknown.join(', ')}; roles are ${roles.join(', ')}`);
      const password = await readPassword(config());
      const runtime = await startRuntime(config(), { work: false, seed: false });
      try {
        const user = await createUser(systemCtx(runtime.services, 'cli:create-user'), {
          email: values.email,
          displayName: values.name ?? values.email,
          password,
          roles: wanted as Role[],
        });
        out(`Created ${user.email} (${user.roles.join(', ')}).`);
        if (user.roles.some((r) => r !== 'candidate'))
          out(
            'They will be asked to set up an authenticator app at first sign-in where their role needs it.',
          );
        return 0;
      } finally {
        await runtime.stop();
      }
    },
  },
  audit: {
    summary: 'Check the audit log: lssc audit verify',
    usage:
      'lssc audit verify\n\nRecomputes every hash of the audit chain; exits 1 if an event was changed or removed.',
    async run(args, config) {
      const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
      if (positionals[0] !== 'verify') throw new UsageError('the only audit command is: lssc audit verify');
      const c = config();
      const handle = await openDb(c.database, { migrate: false });
      try {
        const result = await verifyAuditChain(handle.db);
        if (result.ok) {
          out(`Audit chain intact: ${result.events} events.`);
          return 0;
        }
        err(
          `Audit chain BROKEN at event ${result.brokenAt}: ${result.reason} (${result.events} events checked before it).`,
        );
        return 1;
      } finally {
        await handle.close();
      }
    },
  },
  sweeps: {
    summary: 'Send due reminders and alerts now (the worker does this every hour)',
    usage:
      'lssc sweeps\n\nRuns every sweep once: overdue evaluation reminders, renewal reminders, catalog alerts.',
    async run(args, config) {
      parseArgs({ args, options: {}, allowPositionals: false, strict: true });
      const runtime = await startRuntime(config(), { work: false, seed: false });
      try {
        const results = await runSweeps(systemCtx(runtime.services, 'cli:sweeps'));
        out(JSON.stringify(results, null, 2));
        return Object.values(results).some((r) => r && typeof r === 'object' && 'error' in r) ? 1 : 0;
      } finally {
        await runtime.stop();
      }
    },
  },
  totp: {
    summary: 'Print the current authenticator code for a secret (for the demo accounts)',
    usage: 'lssc totp SECRET',
    async run(args) {
      const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
      if (!positionals[0] || !/^[A-Z2-7]{32,}$/.test(positionals[0]))
        throw new UsageError(
          'give a base32 secret of at least 32 characters, e.g. lssc totp JBSWY3DPEHPK3PXPLSSCDEMOSTAFFKEY',
        );
      out(await generate({ secret: positionals[0] }));
      return 0;
    },
  },
};

class UsageError extends Error {}

async function readPassword(config: Config): Promise<string> {
  const fromEnv = config.newUserPassword;
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) err('Password (at least 12 characters), then Enter:');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    if (Buffer.concat(chunks).includes(10)) break;
  }
  const line = Buffer.concat(chunks).toString('utf8').split('\n')[0]?.trim() ?? '';
  if (!line) throw new UsageError('no password given (set LSSC_NEW_PASSWORD or type it on standard input)');
  return line;
}

function help(): string {
  const width = Math.max(...Object.keys(commands).map((k) => k.length));
  return [
    'lssc: runs the Library Support Staff Certification program.',
    '',
    'Usage: lssc COMMAND [options]    (lssc COMMAND --help for details)',
    '',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
  ].join('\n');
}

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    out(help());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    err(`Unknown command "${name}".\n\n${help()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    out(command.usage);
    return 0;
  }
  let cached: Config | undefined;
  const config = () => {
    cached ??= loadConfig();
    return cached;
  };
  try {
    return await command.run(rest, config);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      err(`lssc ${name}: ${(e as Error).message}\n\n${command.usage}`);
      return 2;
    }
    if (e instanceof ConfigError || e instanceof DataDirLockedError) {
      err(e.message);
      return 1;
    }
    if (e instanceof DomainError) {
      err(`lssc ${name}: ${e.message}`);
      return 1;
    }
    throw e;
  }
}
