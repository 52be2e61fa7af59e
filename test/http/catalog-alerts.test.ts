import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogAlertSubscriptions } from '../../src/modules/catalog/schema.js';
import { sendAlertDigests } from '../../src/modules/catalog/use-cases/send-alert-digests.js';
import {
  listCoursesOfApplication,
  updateCourse,
} from '../../src/modules/courses/approved-course-repository.js';
import { systemCtx } from '../../src/platform/context.js';
import { runSweeps } from '../../src/sweeps.js';
import { fieldError, hasErrorSummary, linkIn, mailTo, postAnonymous } from '../support/accounts.js';
import { testBackends } from '../support/backends.js';
import { approvedCourse } from '../support/evaluation-factories.js';
import { auditActions } from '../support/factories.js';
import { anonymousForm, get, type TestSession, uniqueEmail } from '../support/sessions.js';
import { staffMember } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const MINUTE = 60 * 1000;
let address = 0;
/** Each request from its own network address, so the per-network limit only bites where tested. */
const fromAnywhere = () => ({ remoteAddress: `10.0.${Math.floor(++address / 250)}.${address % 250}` });

describe.each(testBackends())('email alerts for new courses on %s', (backend) => {
  let t: TestApp;
  let staff: TestSession;
  const sweep = () => sendAlertDigests(systemCtx(t.services, 'test'));
  const subscribe = (fields: Record<string, string>, opts = fromAnywhere()) =>
    postAnonymous(t, '/catalog/alerts', '/catalog/alerts', fields, opts);
  const templates = async (email: string) => (await mailTo(t, email)).map((m) => m.template);

  /** Subscribe and confirm through the pages, as a visitor would. */
  async function confirmedSubscriber(set = '') {
    const email = uniqueEmail('reader');
    expect((await subscribe({ email, set })).statusCode).toBe(303);
    const link = linkIn((await mailTo(t, email))[0], '/catalog/alerts/confirm');
    const token = new URL(link, 'http://x').searchParams.get('token')!;
    const res = await postConfirm(token);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    return email;
  }
  async function postConfirm(token: string) {
    const { cookie, csrf } = await anonymousForm(t, '/catalog/alerts');
    return t.app.inject({
      method: 'POST',
      url: '/catalog/alerts/confirm',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      payload: new URLSearchParams({ token, _csrf: csrf }).toString(),
    });
  }

  beforeAll(async () => {
    t = await createTestApp(backend);
    staff = (await staffMember(t)).session;
  });
  afterAll(() => t.close());

  it('asks for an address and a set on a page that works without JavaScript', async () => {
    const page = await get(t, '/catalog/alerts');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Email alerts for new courses</h1>');
    expect(page.body).toContain('name="_csrf"');
    expect(page.body).toContain('<option value="cataloging-classification">');

    const bad = await subscribe({ email: 'not an address', set: 'astronomy' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('<title>Error: Email alerts');
    expect(hasErrorSummary(bad.body)).toBe(true);
    expect(fieldError(bad.body, 'email')).toContain('Enter your email address');
    expect(bad.body).toContain('value="not an address"');
    const badSet = await subscribe({ email: uniqueEmail(), set: 'astronomy' });
    expect(fieldError(badSet.body, 'set')).toBe('Choose a competency set from the list');

    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/catalog/alerts',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=someone%40example.org',
    });
    expect(noCsrf.statusCode).toBe(403);
  });

  it('confirms by a single-use link that expires, and never shows who is subscribed', async () => {
    const email = uniqueEmail('reader');
    const stranger = uniqueEmail('stranger');
    const first = await subscribe({ email, set: '' });
    const other = await subscribe({ email: stranger, set: '' });
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe('/catalog/alerts/check-email');
    expect(other.headers.location).toBe(first.headers.location);
    const check = await get(t, '/catalog/alerts/check-email');
    expect(check.body).toContain('Check your email');

    const firstLink = linkIn((await mailTo(t, email))[0], '/catalog/alerts/confirm');
    // Asking again replaces the link: the first no longer works.
    const again = await subscribe({ email: email.toUpperCase(), set: '' });
    expect(again.headers.location).toBe(first.headers.location);
    expect(await templates(email)).toEqual(['catalog-alert-confirm', 'catalog-alert-confirm']);
    const secondLink = linkIn((await mailTo(t, email))[0], '/catalog/alerts/confirm');
    expect(secondLink).not.toBe(firstLink);
    expect((await get(t, firstLink)).statusCode).toBe(400);

    // Opening the link shows a button and changes nothing (mail scanners open links).
    const shown = await get(t, secondLink);
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain('Start my alerts');
    const [row] = await t.services.db
      .select()
      .from(catalogAlertSubscriptions)
      .where(eq(catalogAlertSubscriptions.email, email));
    expect(row!.confirmedAt).toBeNull();
    expect(row!.confirmTokenHash).not.toContain(new URL(secondLink, 'http://x').searchParams.get('token'));

    const token = new URL(secondLink, 'http://x').searchParams.get('token')!;
    const confirmed = await postConfirm(token);
    expect(confirmed.statusCode).toBe(303);
    expect(confirmed.headers.location).toBe('/catalog');
    const used = await postConfirm(token);
    expect(used.statusCode).toBe(400);
    expect(used.body).toContain('already been used');
    expect(await auditActions(t, 'catalog_alert', row!.id)).toEqual([
      'catalog_alert.requested',
      'catalog_alert.confirmation_resent',
      'catalog_alert.confirmed',
    ]);

    // Subscribed already: the same answer, and a note to the address instead of a new link.
    const repeat = await subscribe({ email, set: '' });
    expect(repeat.statusCode).toBe(303);
    expect(repeat.headers.location).toBe(first.headers.location);
    const note = (await mailTo(t, email))[0]!;
    expect(note.template).toBe('catalog-alert-already');
    expect(note.text).toContain('/catalog/alerts/unsubscribe?id=');

    // A link not used within 7 days expires, and the sweep forgets the address.
    const late = uniqueEmail('late');
    await subscribe({ email: late, set: 'cataloging-classification' });
    const lateLink = linkIn((await mailTo(t, late))[0], '/catalog/alerts/confirm');
    t.clock.advance(7 * 24 * 60 * MINUTE + MINUTE);
    try {
      expect((await get(t, lateLink)).body).toContain('expired');
      expect((await sweep()).removedUnconfirmed).toBeGreaterThanOrEqual(1);
      const left = await t.services.db
        .select()
        .from(catalogAlertSubscriptions)
        .where(eq(catalogAlertSubscriptions.email, late));
      expect(left).toEqual([]);
    } finally {
      t.clock.set('2026-11-28T15:00:00Z');
    }
  });

  it('limits requests from one network and mail to one address', async () => {
    const net = { remoteAddress: '192.0.2.77' };
    for (let i = 0; i < 10; i++)
      expect((await subscribe({ email: uniqueEmail(), set: '' }, net)).statusCode).toBe(303);
    const refused = await subscribe({ email: uniqueEmail(), set: '' }, net);
    expect(refused.statusCode).toBe(429);
    expect(fieldError(refused.body, 'email')).toContain('Wait 15 minutes');

    const flooded = uniqueEmail('flooded');
    for (let i = 0; i < 5; i++) expect((await subscribe({ email: flooded, set: '' })).statusCode).toBe(303);
    expect((await mailTo(t, flooded)).length).toBe(3);
  });

  it('mails each subscriber one digest of new courses for their set, once, with a working unsubscribe link', async () => {
    const before = await approvedCourse(t, staff); // approved before anyone subscribed: never sent
    const everything = await confirmedSubscriber();
    const cataloging = await confirmedSubscriber('cataloging-classification');
    const foundations = await confirmedSubscriber('foundations');
    const pending = uniqueEmail('pending');
    await subscribe({ email: pending, set: '' });

    t.clock.advance(MINUTE);
    const newer = await approvedCourse(t, staff);
    const [course] = await listCoursesOfApplication(t.services.db, newer.id);
    await updateCourse(t.services.db, course!.id, { title: 'Serving Teens & Tweens' });
    // Within the grace period nothing is sent yet; afterwards, one digest.
    expect((await sweep()).mailed).toBe(0);
    t.clock.advance(10 * MINUTE);
    try {
      const results = await runSweeps(systemCtx(t.services, 'test'));
      // Everyone confirmed for every set or for the course's set, here and in the tests before.
      expect((results['catalog-alerts'] as { mailed: number }).mailed).toBeGreaterThanOrEqual(2);
      const digest = (await mailTo(t, everything))[0]!;
      expect(digest.template).toBe('catalog-alert-digest');
      expect(digest.text).toContain('Serving Teens & Tweens');
      expect(digest.text).toContain(`/catalog/courses/${course!.number}`);
      const [old] = await listCoursesOfApplication(t.services.db, before.id);
      expect(digest.text).not.toContain(old!.number);
      expect((await mailTo(t, foundations))[0]!.template).toBe('catalog-alert-digest');
      expect(await templates(cataloging)).not.toContain('catalog-alert-digest');
      expect(await templates(pending)).not.toContain('catalog-alert-digest');

      // A second run, later, sends nothing again.
      t.clock.advance(60 * MINUTE);
      expect((await sweep()).mailed).toBe(0);
      expect((await templates(everything)).filter((x) => x === 'catalog-alert-digest')).toHaveLength(1);

      // Unsubscribe from the mail, without signing in: a page with one button.
      const link = linkIn(digest, '/catalog/alerts/unsubscribe');
      const page = await get(t, link);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Unsubscribe</button>');
      const forged = await get(t, link.replace(/token=[\w-]+/, 'token=forged-token-forged-token'));
      expect(forged.statusCode).toBe(400);
      const params = new URL(link, 'http://x').searchParams;
      const { cookie, csrf } = await anonymousForm(t, link);
      const press = () =>
        t.app.inject({
          method: 'POST',
          url: '/catalog/alerts/unsubscribe',
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
          payload: new URLSearchParams({
            id: params.get('id')!,
            token: params.get('token')!,
            _csrf: csrf,
          }).toString(),
        });
      const done = await press();
      expect(done.statusCode).toBe(200);
      expect(done.body).toContain('You are unsubscribed');
      expect((await press()).statusCode).toBe(200);
      expect((await get(t, link)).body).toContain('You are unsubscribed');
      const rows = await t.services.db
        .select()
        .from(catalogAlertSubscriptions)
        .where(eq(catalogAlertSubscriptions.email, everything));
      expect(rows).toEqual([]);
      expect(await auditActions(t, 'catalog_alert', params.get('id')!)).toContain(
        'catalog_alert.unsubscribed',
      );

      // The next new course no longer reaches the address that unsubscribed.
      t.clock.advance(MINUTE);
      await approvedCourse(t, staff);
      t.clock.advance(10 * MINUTE);
      expect((await sweep()).mailed).toBeGreaterThanOrEqual(1);
      expect((await templates(everything)).filter((x) => x === 'catalog-alert-digest')).toHaveLength(1);
      expect((await templates(foundations)).filter((x) => x === 'catalog-alert-digest')).toHaveLength(2);
    } finally {
      t.clock.set('2026-11-28T15:00:00Z');
    }
  });
});
