// Every table, gathered for drizzle (queries with relations) and drizzle-kit (migrations).
export * from '../../modules/accounts/email-addresses-schema.js';
export * from '../../modules/accounts/schema.js';
export * from '../../modules/agreements/schema.js';
export * from '../../modules/applications/schema.js';
export * from '../../modules/catalog/schema.js';
export * from '../../modules/certification/credentials/schema.js';
export * from '../../modules/certification/schema.js';
export * from '../../modules/certification/status-requests/schema.js';
export * from '../../modules/completions/schema.js';
export * from '../../modules/courses/schema.js';
export * from '../../modules/payments/schema.js';
export * from '../../modules/policy/schema.js';
export * from '../../modules/portfolios/schema.js';
export * from '../../modules/providers/schema.js';
export * from '../audit/schema.js';
export * from '../mail/schema.js';
export * from './counters-schema.js';
