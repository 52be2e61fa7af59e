import type { Ctx } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/client.js';
import { type StatusPurpose, statusListUrl } from './build-credential.js';
import { VC_V2_CONTEXT } from './contexts.js';
import { signCredential } from './proofs.js';
import { highestStatusIndex, listStatusIndexes, statusListFingerprint } from './repository.js';
import { signingKey } from './signing-key.js';
import { encodeStatusList, statusListLength } from './status-list.js';

/** Which certification status sets a credential's bit in each list. */
const statusFor = { revocation: 'revoked', suspension: 'suspended' } as const;

type Signed = { fingerprint: string; document: Record<string, unknown> };
/** Per database (two test backends share a process) and per list: the last signed list. */
const cache = new WeakMap<Db, Map<StatusPurpose, Promise<Signed>>>();

/**
 * The signed BitstringStatusListCredential for `purpose`, its bits read from certifications' status
 * at request time. Signing is skipped while the fingerprint (a count and a timestamp) is unchanged,
 * so a suspension or revocation shows at once and an unchanged list costs two small queries.
 */
export async function statusListCredential(
  ctx: Ctx,
  purpose: StatusPurpose,
): Promise<Record<string, unknown>> {
  const fingerprint = `${ctx.config.baseUrl}|${await statusListFingerprint(ctx.db)}`;
  let perDb = cache.get(ctx.db);
  if (!perDb) {
    perDb = new Map();
    cache.set(ctx.db, perDb);
  }
  const cached = perDb.get(purpose);
  if (cached) {
    const ready = await cached.catch(() => undefined);
    if (ready?.fingerprint === fingerprint) return ready.document;
  }
  const signing = signStatusList(ctx, purpose).then((document) => ({ fingerprint, document }));
  perDb.set(purpose, signing);
  return (await signing).document;
}

async function signStatusList(ctx: Ctx, purpose: StatusPurpose): Promise<Record<string, unknown>> {
  const key = await signingKey(ctx.config);
  const length = statusListLength(await highestStatusIndex(ctx.db));
  const indexes = await listStatusIndexes(ctx.db, statusFor[purpose]);
  const id = statusListUrl(ctx.config.baseUrl, purpose);
  const now = ctx.clock.now();
  const unsigned = {
    '@context': [VC_V2_CONTEXT],
    id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: key.did,
    validFrom: `${now.toISOString().slice(0, 19)}Z`,
    credentialSubject: {
      id: `${id}#list`,
      type: 'BitstringStatusList',
      statusPurpose: purpose,
      encodedList: encodeStatusList(indexes, length),
    },
  };
  return signCredential(key, unsigned, now);
}
