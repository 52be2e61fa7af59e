import type { Config } from '../../config.js';
import { hmac, safeEqual } from '../../platform/auth/tokens.js';
import { loadOrCreateSecret } from '../../platform/secret.js';
import type { CompetencySet } from '../policy/framework.js';

const secrets = new WeakMap<Config, string>();

function secretOf(config: Config): string {
  let secret = secrets.get(config);
  if (!secret) {
    secret = loadOrCreateSecret(config);
    secrets.set(config, secret);
  }
  return secret;
}

/**
 * The unsubscribe link's token is an HMAC of the subscription id with the server secret: every digest
 * can carry a working link without the database keeping a usable token, and the link keeps working
 * for as long as the subscription exists (it stops if the secret is rotated).
 */
export function unsubscribeToken(config: Config, subscriptionId: string): string {
  return hmac(secretOf(config), `catalog-alert-unsubscribe:${subscriptionId}`);
}

export function isUnsubscribeToken(config: Config, subscriptionId: string, token: string): boolean {
  return safeEqual(token, unsubscribeToken(config, subscriptionId));
}

export function unsubscribeLink(config: Config, subscriptionId: string): string {
  const token = unsubscribeToken(config, subscriptionId);
  return `${config.baseUrl}/catalog/alerts/unsubscribe?id=${subscriptionId}&token=${token}`;
}

/** "every competency set" or "the FLS Foundations of Library Services set", for mail and pages. */
export function alertScope(set: CompetencySet | undefined): string {
  return set ? `the ${set.code} ${set.title} set` : 'every competency set';
}
