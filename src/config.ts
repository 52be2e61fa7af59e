import path from 'node:path';
import { z } from 'zod';

/**
 * The only reader of the environment. Everything else receives a typed Config.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  BASE_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  LSSC_DATA_DIR: z.string().min(1).default('./data'),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('LSSC Program <no-reply@lssc.example>'),
  LSSC_TODAY: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'LSSC_TODAY must be a date like 2026-11-28')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LSSC_SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  LSSC_RUN_JOBS: z.enum(['true', 'false']).default('true'),
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  /** Largest uploaded file (syllabus, résumé, evidence) in bytes. */
  LSSC_MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .min(1024, 'LSSC_MAX_UPLOAD_BYTES must be at least 1024')
    .max(1024 * 1024 * 1024, 'LSSC_MAX_UPLOAD_BYTES must be at most 1 GiB')
    .default(20 * 1024 * 1024),
  /**
   * The Ed25519 key that signs credentials: the 32-byte seed in base64url (43 characters) or a
   * Multikey secretKeyMultibase (z…). A secret: never logged.
   */
  LSSC_CREDENTIAL_KEY: z
    .string()
    .trim()
    .regex(
      /^([A-Za-z0-9_-]{43}|z[1-9A-HJ-NP-Za-km-z]{40,100})$/,
      'LSSC_CREDENTIAL_KEY must be a 32-byte Ed25519 seed in base64url (43 characters) or a z… multibase secret key',
    )
    .optional(),
  /** Only for `lssc create-user`, so a password need not be typed. */
  LSSC_NEW_PASSWORD: z.string().optional(),
  /** Where uploaded files live: `local` (under LSSC_DATA_DIR) or `s3` (any S3-compatible bucket). */
  LSSC_BLOB_STORE: z.enum(['local', 's3']).optional(),
  LSSC_S3_ENDPOINT: z
    .url({ protocol: /^https?$/, error: 'LSSC_S3_ENDPOINT must be an http:// or https:// URL' })
    .optional(),
  LSSC_S3_REGION: z.string().min(1).default('us-east-1'),
  LSSC_S3_BUCKET: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      'LSSC_S3_BUCKET must be a bucket name: 3 to 63 of a-z, 0-9, "." and "-"',
    )
    .optional(),
  LSSC_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  LSSC_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  LSSC_S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('false'),
  LSSC_S3_PREFIX: z
    .string()
    .regex(
      /^\/*[a-z0-9-]+(\/[a-z0-9-]+)*\/*$/,
      'LSSC_S3_PREFIX may use only a-z, 0-9 and "-", with "/" between parts',
    )
    .optional(),
  /** Stripe Checkout for card payments; both secrets or neither (then the sandbox takes test payments). */
  STRIPE_SECRET_KEY: z
    .string()
    .trim()
    .regex(
      /^(sk|rk)_(test|live)_[A-Za-z0-9]+$/,
      'STRIPE_SECRET_KEY must be a Stripe secret key (sk_live_…, sk_test_… or rk_…)',
    )
    .optional(),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .trim()
    .regex(/^whsec_[A-Za-z0-9+/=]+$/, 'STRIPE_WEBHOOK_SECRET must be a webhook signing secret (whsec_…)')
    .optional(),
  STRIPE_API_BASE: z
    .url({ protocol: /^https?$/, error: 'STRIPE_API_BASE must be an http:// or https:// URL' })
    .default('https://api.stripe.com'),
  STRIPE_WEBHOOK_TOLERANCE_SECONDS: z.coerce
    .number()
    .int()
    .min(1, 'STRIPE_WEBHOOK_TOLERANCE_SECONDS must be at least 1')
    .max(3600, 'STRIPE_WEBHOOK_TOLERANCE_SECONDS must be at most 3600')
    .default(300),
});

/** Stripe Checkout; `secretKey` and `webhookSecret` are credentials and are never logged. */
export type StripeSettings = {
  secretKey: string;
  webhookSecret: string;
  /** Without a trailing slash; tests point it at a local fake. */
  apiBase: string;
  webhookToleranceSeconds: number;
};

const S3_SETTINGS = [
  'LSSC_S3_ENDPOINT',
  'LSSC_S3_BUCKET',
  'LSSC_S3_ACCESS_KEY_ID',
  'LSSC_S3_SECRET_ACCESS_KEY',
] as const;

/** An S3-compatible bucket; `secretAccessKey` is a credential and is never logged. */
export type S3Settings = {
  kind: 's3';
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
  prefix: string | undefined;
};

export type Config = {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  baseUrl: string;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string; poolSize: number };
  dataDir: string;
  /** The embedded blob store (uploaded files): `<dataDir>/files`. */
  filesDir: string;
  /** Where uploaded files live: under `filesDir`, or in an S3-compatible bucket. */
  blobStore: { kind: 'local' } | S3Settings;
  sessionSecret: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  fixedToday: string | undefined;
  logLevel: string;
  seedDemo: boolean;
  runJobsInProcess: boolean;
  /** Web processes `lssc start` runs (PostgreSQL only; the embedded database allows one process). */
  webProcesses: number;
  /** Bodies larger than this are refused with 413. */
  bodyLimitBytes: number;
  /** Uploaded files larger than this are refused (checked while streaming, before anything is kept). */
  maxUploadBytes: number;
  /** For `lssc create-user` only. */
  newUserPassword: string | undefined;
  /** Signs credentials (a secret); without it, development and tests keep a generated key in dataDir. */
  credentialKey: string | undefined;
  /** Card payments through Stripe Checkout; undefined means the built-in sandbox. */
  stripe: StripeSettings | undefined;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production') {
    if (e.LSSC_TODAY) throw new ConfigError('LSSC_TODAY cannot be set in production.');
    if (!e.SESSION_SECRET) throw new ConfigError('SESSION_SECRET is required in production.');
    if (!e.DATABASE_URL) throw new ConfigError('DATABASE_URL is required in production.');
    if (!e.LSSC_CREDENTIAL_KEY)
      throw new ConfigError(
        'LSSC_CREDENTIAL_KEY is required in production: it signs the digital credentials.',
      );
  }
  if (e.WEB_CONCURRENCY > 1 && !e.DATABASE_URL) {
    throw new ConfigError(
      'WEB_CONCURRENCY above 1 needs DATABASE_URL: the embedded database allows one process.',
    );
  }
  const dataDir = path.resolve(e.LSSC_DATA_DIR);
  const blobStore = blobStoreSettings(e);
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    baseUrl: (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
      : { kind: 'pglite', dataDir: path.join(dataDir, 'db') },
    dataDir,
    filesDir: path.join(dataDir, 'files'),
    blobStore,
    sessionSecret: e.SESSION_SECRET,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    fixedToday: e.LSSC_TODAY,
    logLevel: e.LOG_LEVEL,
    seedDemo: e.LSSC_SEED_DEMO === 'auto',
    runJobsInProcess: e.LSSC_RUN_JOBS === 'true',
    webProcesses: e.WEB_CONCURRENCY,
    bodyLimitBytes: 256 * 1024,
    maxUploadBytes: e.LSSC_MAX_UPLOAD_BYTES,
    newUserPassword: e.LSSC_NEW_PASSWORD,
    credentialKey: e.LSSC_CREDENTIAL_KEY,
    stripe: stripeSettings(e),
  };
}

function stripeSettings(e: z.infer<typeof envSchema>): StripeSettings | undefined {
  if (!e.STRIPE_SECRET_KEY && !e.STRIPE_WEBHOOK_SECRET) return undefined;
  // One without the other would take card payments that never get confirmed, or confirm none.
  if (!e.STRIPE_SECRET_KEY || !e.STRIPE_WEBHOOK_SECRET)
    throw new ConfigError(
      'Stripe needs both STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET (or neither, for the sandbox).',
    );
  return {
    secretKey: e.STRIPE_SECRET_KEY,
    webhookSecret: e.STRIPE_WEBHOOK_SECRET,
    apiBase: e.STRIPE_API_BASE.replace(/\/+$/, ''),
    webhookToleranceSeconds: e.STRIPE_WEBHOOK_TOLERANCE_SECONDS,
  };
}

function blobStoreSettings(e: z.infer<typeof envSchema>): Config['blobStore'] {
  const given = S3_SETTINGS.filter((name) => e[name] !== undefined);
  if (e.LSSC_BLOB_STORE === undefined && given.length > 0) {
    // Otherwise files would quietly go to the local disk of a server that was meant to use a bucket.
    throw new ConfigError(
      `${given.join(', ')} ${given.length === 1 ? 'is' : 'are'} set: set LSSC_BLOB_STORE=s3 to use the bucket, or LSSC_BLOB_STORE=local to keep files under LSSC_DATA_DIR.`,
    );
  }
  if (e.LSSC_BLOB_STORE !== 's3') return { kind: 'local' };
  const missing = S3_SETTINGS.filter((name) => e[name] === undefined);
  if (missing.length > 0) {
    throw new ConfigError(`LSSC_BLOB_STORE=s3 needs ${missing.join(', ')}.`);
  }
  return {
    kind: 's3',
    endpoint: e.LSSC_S3_ENDPOINT!,
    region: e.LSSC_S3_REGION,
    bucket: e.LSSC_S3_BUCKET!,
    accessKeyId: e.LSSC_S3_ACCESS_KEY_ID!,
    secretAccessKey: e.LSSC_S3_SECRET_ACCESS_KEY!,
    forcePathStyle: e.LSSC_S3_FORCE_PATH_STYLE === 'true',
    prefix: e.LSSC_S3_PREFIX?.replace(/^\/+|\/+$/g, '') || undefined,
  };
}
