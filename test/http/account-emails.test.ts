import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmedEmailsOf } from '../../src/modules/accounts/email-addresses-repository.js';
import {
  fieldError,
  hasErrorSummary,
  inputValue,
  linkIn,
  mailTo,
  makeUser,
  PASSWORD,
  signInWith,
} from '../support/accounts.js';
import { axeTier, httpAxe } from '../support/axe.js';
import { testBackends } from '../support/backends.js';
import { follow } from '../support/provider-factories.js';
import { api, get, postForm, sessionFor, type TestSession, uniqueEmail } from '../support/sessions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const CONFIRM = '/account/emails/confirm?token=';
const DAY_MS = 24 * 60 * 60 * 1000;

describe.each(testBackends())('accounts: more than one email address on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  const axe = httpAxe();
  afterAll(async () => {
    await axe.close();
    await t.close();
  });

  let ip = 20;
  const from = () => ({ remoteAddress: `10.0.1.${++ip}` });

  async function person() {
    const user = await makeUser(t, ['candidate']);
    return { ...user, session: await sessionFor(t, user.id, user.email) };
  }
  const add = (s: TestSession, email: string, opts: { csrf?: boolean } = {}) =>
    postForm(t, '/account/emails', { email }, s, opts);
  async function linkFor(email: string) {
    const link = linkIn(
      (await mailTo(t, email)).find((m) => m.template === 'email-address-confirm'),
      CONFIRM,
    );
    return { link, token: new URL(link, 'http://x').searchParams.get('token')! };
  }
  const confirm = (s: TestSession | undefined, token: string) =>
    postForm(t, '/account/emails/confirm', { token }, s);
  const list = async (s: TestSession) =>
    (await api(t, 'GET', '/api/v1/me/emails', { session: s })).json().items as Array<{
      id: string;
      email: string;
      primary: boolean;
      confirmed: boolean;
    }>;
  async function withConfirmed(p: { session: TestSession }, email: string) {
    expect((await add(p.session, email)).statusCode).toBe(303);
    expect((await confirm(p.session, (await linkFor(email)).token)).statusCode).toBe(303);
  }

  it('adds an address through the mailed link; it is listed, signs in, and goes into confirmedEmailsOf', async () => {
    const p = await person();
    const page = await get(t, '/account/emails', p.session);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(p.email);
    expect((await get(t, '/account', p.session)).body).toContain('href="/account/emails"');

    const work = uniqueEmail('work');
    const res = await add(p.session, `  ${work.toUpperCase()} `);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/account/emails');
    const waiting = await follow(t, res, p.session);
    expect(waiting.body).toContain(`If ${work} can be added, we have sent a link to it.`);
    expect(waiting.body).toContain('Waiting for confirmation');
    expect(await list(p.session)).toMatchObject([
      { id: p.id, email: p.email, primary: true, confirmed: true },
      { email: work, primary: false, confirmed: false },
    ]);
    expect(await confirmedEmailsOf(t.services.db, p.id)).toEqual([p.email]);
    expect((await signInWith(t, work, PASSWORD, from())).statusCode).toBe(400);

    const { link, token } = await linkFor(work);
    const shown = await get(t, link, p.session);
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain(work);
    expect((await list(p.session))[1]?.confirmed).toBe(false);
    const done = await confirm(p.session, token);
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/account/emails');
    expect((await follow(t, done, p.session)).body).toContain(`${work} has been added`);
    expect((await list(p.session))[1]).toMatchObject({ email: work, confirmed: true });
    expect(await confirmedEmailsOf(t.services.db, p.id)).toEqual([p.email, work]);

    const signedIn = await signInWith(t, work.toUpperCase(), PASSWORD, from());
    expect(signedIn.statusCode).toBe(303);
    expect((await confirm(p.session, token)).statusCode).toBe(400);
  });

  it('makes a confirmed address primary: users.email changes, the old one is told and still signs in', async () => {
    const p = await person();
    const home = uniqueEmail('home');
    await withConfirmed(p, home);
    const row = (await list(p.session)).find((a) => a.email === home)!;
    const form = await get(t, `/account/emails/${row.id}/primary`, p.session);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(home);

    const wrong = await postForm(
      t,
      `/account/emails/${row.id}/primary`,
      { currentPassword: 'not it' },
      p.session,
    );
    expect(wrong.statusCode).toBe(400);
    expect(fieldError(wrong.body, 'currentPassword')).toBe('Your current password is not right');
    const empty = await postForm(t, `/account/emails/${row.id}/primary`, { currentPassword: '' }, p.session);
    expect(fieldError(empty.body, 'currentPassword')).toBe('Enter your password');

    const res = await postForm(
      t,
      `/account/emails/${row.id}/primary`,
      { currentPassword: PASSWORD },
      p.session,
    );
    expect(res.statusCode).toBe(303);
    expect((await api(t, 'GET', '/api/v1/me', { session: p.session })).json()).toMatchObject({
      email: home,
      emailVerified: true,
    });
    expect(await list(p.session)).toMatchObject([
      { id: p.id, email: home, primary: true, confirmed: true },
      { email: p.email, primary: false, confirmed: true },
    ]);
    expect(await confirmedEmailsOf(t.services.db, p.id)).toEqual([home, p.email]);
    const notice = (await mailTo(t, p.email)).find((m) => m.template === 'primary-email-changed');
    expect(notice?.text).toContain(home);
    expect((await signInWith(t, home, PASSWORD, from())).statusCode).toBe(303);
    expect((await signInWith(t, p.email, PASSWORD, from())).statusCode).toBe(303);
    // The old row is gone; submitting the same form twice finds nothing to swap.
    const again = await postForm(
      t,
      `/account/emails/${row.id}/primary`,
      { currentPassword: PASSWORD },
      p.session,
    );
    expect(again.statusCode).toBe(404);
    expect((await mailTo(t, home)).filter((m) => m.template === 'primary-email-changed')).toEqual([]);
  });

  it('removes an additional address, but never the primary one', async () => {
    const p = await person();
    const old = uniqueEmail('old');
    await withConfirmed(p, old);
    const row = (await list(p.session)).find((a) => a.email === old)!;
    const res = await postForm(t, `/account/emails/${row.id}/remove`, {}, p.session);
    expect(res.statusCode).toBe(303);
    expect((await follow(t, res, p.session)).body).toContain(`${old} has been removed`);
    expect((await list(p.session)).map((a) => a.email)).toEqual([p.email]);
    expect((await signInWith(t, old, PASSWORD, from())).statusCode).toBe(400);
    expect((await postForm(t, `/account/emails/${row.id}/remove`, {}, p.session)).statusCode).toBe(404);

    const primary = await postForm(t, `/account/emails/${p.id}/remove`, {}, p.session);
    expect(primary.statusCode).toBe(409);
    expect(primary.body).toContain('You cannot remove your primary email address');
    expect((await list(p.session))[0]?.email).toBe(p.email);
  });

  it('a removed waiting address cannot be confirmed with its old link', async () => {
    const p = await person();
    const gone = uniqueEmail('gone');
    await add(p.session, gone);
    const { token } = await linkFor(gone);
    const row = (await list(p.session)).find((a) => a.email === gone)!;
    await postForm(t, `/account/emails/${row.id}/remove`, {}, p.session);
    expect((await confirm(p.session, token)).statusCode).toBe(400);
  });

  it('checks the address and keeps what was typed', async () => {
    const p = await person();
    const empty = await add(p.session, '');
    expect(empty.statusCode).toBe(400);
    expect(hasErrorSummary(empty.body)).toBe(true);
    expect(fieldError(empty.body, 'email')).toBe('Enter your email address');
    const bad = await add(p.session, 'not an address');
    expect(fieldError(bad.body, 'email')).toBe(
      'Enter an email address in the right format, like name@library.org',
    );
    expect(inputValue(bad.body, 'email')).toBe('not an address');
    const long = await add(p.session, `${'a'.repeat(250)}@example.org`);
    expect(fieldError(long.body, 'email')).toBe('Email addresses can be at most 254 characters');
  });

  it('refuses addresses already on the account, and a sixth address', async () => {
    const p = await person();
    const own = await add(p.session, p.email.toUpperCase());
    expect(fieldError(own.body, 'email')).toBe('That is already your primary email address');
    const second = uniqueEmail('second');
    await withConfirmed(p, second);
    const dup = await add(p.session, second);
    expect(dup.statusCode).toBe(400);
    expect(fieldError(dup.body, 'email')).toBe('That email address is already on your account');

    for (let i = 0; i < 3; i++) expect((await add(p.session, uniqueEmail('more'))).statusCode).toBe(303);
    const full = await add(p.session, uniqueEmail('sixth'));
    expect(full.statusCode).toBe(400);
    expect(fieldError(full.body, 'email')).toBe(
      'An account can have at most 5 email addresses. Remove one before adding another',
    );
    expect(await list(p.session)).toHaveLength(5);
    expect((await get(t, '/account/emails', p.session)).body).toContain('the most an account can have');
  });

  it('adding a waiting address again sends a new link and retires the old one', async () => {
    const p = await person();
    const email = uniqueEmail('twice');
    await add(p.session, email);
    const first = await linkFor(email);
    expect((await add(p.session, email)).statusCode).toBe(303);
    const second = await linkFor(email);
    expect(second.token).not.toBe(first.token);
    expect(await list(p.session)).toHaveLength(2);
    expect((await confirm(p.session, first.token)).statusCode).toBe(400);
    expect((await confirm(p.session, second.token)).statusCode).toBe(303);
  });

  it('an address of another account gets the same answer, a notice instead of a link, and is never added', async () => {
    const owner = await person();
    const theirs = uniqueEmail('theirs');
    await withConfirmed(owner, theirs);
    const p = await person();
    const free = uniqueEmail('free');
    const answers = [];
    for (const email of [free, owner.email, theirs.toUpperCase()]) {
      const res = await api(t, 'POST', '/api/v1/me/emails', { session: p.session, body: { email } });
      answers.push({ status: res.statusCode, message: res.json().message.replace(email.toLowerCase(), 'X') });
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]?.status).toBe(202);
    const page = await add(p.session, uniqueEmail('free-page'));
    const taken = await add(p.session, owner.email);
    expect([taken.statusCode, taken.headers.location]).toEqual([page.statusCode, page.headers.location]);
    // The list looks the same too: every address waits for confirmation.
    expect((await list(p.session)).slice(1).map((a) => a.confirmed)).toEqual([false, false, false, false]);

    // No link for p anywhere: the only confirmation mail is the one the owner used themselves.
    for (const [email, ownLinks] of [
      [owner.email, 0],
      [theirs, 1],
    ] as const) {
      const mails = await mailTo(t, email);
      expect(mails[0]?.template).toBe('email-address-in-use');
      expect(mails.filter((m) => m.text.includes(CONFIRM))).toHaveLength(ownLinks);
    }
    expect((await signInWith(t, theirs, PASSWORD, from())).statusCode).toBe(303);
    expect(await confirmedEmailsOf(t.services.db, owner.id)).toEqual([owner.email, theirs]);
  });

  it('two accounts may ask for one address; the first to confirm keeps it', async () => {
    const a = await person();
    const b = await person();
    const shared = uniqueEmail('shared');
    await add(a.session, shared);
    const linkA = await linkFor(shared);
    await add(b.session, shared);
    const linkB = await linkFor(shared);
    expect(linkB.token).not.toBe(linkA.token);
    expect((await confirm(b.session, linkB.token)).statusCode).toBe(303);
    const late = await confirm(a.session, linkA.token);
    expect(late.statusCode).toBe(409);
    expect((await list(a.session))[1]).toMatchObject({ email: shared, confirmed: false });
    expect(await confirmedEmailsOf(t.services.db, b.id)).toEqual([b.email, shared]);
  });

  it('refuses expired links, used links and links of another account', async () => {
    const p = await person();
    const stranger = await person();
    const email = uniqueEmail('link');
    await add(p.session, email);
    const { link, token } = await linkFor(email);

    const other = await get(t, link, stranger.session);
    expect(other.statusCode).toBe(400);
    expect(other.body).toContain('This link cannot be used');
    expect((await confirm(stranger.session, token)).statusCode).toBe(400);
    expect((await list(stranger.session)).map((a) => a.email)).toEqual([stranger.email]);

    const anonymous = await get(t, link);
    expect(anonymous.statusCode).toBe(302);
    expect(anonymous.headers.location).toBe(`/sign-in?next=${encodeURIComponent(link)}`);
    expect((await confirm(undefined, token)).statusCode).toBe(403);
    expect((await confirm(p.session, 'x'.repeat(43))).statusCode).toBe(400);

    t.clock.advance(DAY_MS + 60_000);
    const fresh = await sessionFor(t, p.id, p.email);
    expect((await get(t, link, fresh)).statusCode).toBe(400);
    expect((await confirm(fresh, token)).statusCode).toBe(400);
    expect((await list(fresh))[1]?.confirmed).toBe(false);

    await add(fresh, email);
    const renewed = await linkFor(email);
    expect((await confirm(fresh, renewed.token)).statusCode).toBe(303);
    expect((await confirm(fresh, renewed.token)).statusCode).toBe(400);
  });

  it('denies anonymous visitors and posts without the CSRF token', async () => {
    expect((await get(t, '/account/emails')).headers.location).toBe('/sign-in?next=%2Faccount%2Femails');
    expect((await postForm(t, '/account/emails', { email: uniqueEmail('anon') })).statusCode).toBe(403);
    const p = await person();
    const noCsrf = await add(p.session, uniqueEmail('csrf'), { csrf: false });
    expect(noCsrf.statusCode).toBe(403);
    expect(await list(p.session)).toHaveLength(1);
    const other = await person();
    const theirs = uniqueEmail('not-yours');
    await withConfirmed(other, theirs);
    const row = (await list(other.session)).find((a) => a.email === theirs)!;
    expect((await postForm(t, `/account/emails/${row.id}/remove`, {}, p.session)).statusCode).toBe(404);
    expect((await get(t, `/account/emails/${row.id}/primary`, p.session)).statusCode).toBe(404);
    const swap = await postForm(
      t,
      `/account/emails/${row.id}/primary`,
      { currentPassword: PASSWORD },
      p.session,
    );
    expect(swap.statusCode).toBe(404);
    expect(
      (await postForm(t, `/account/emails/${row.id}/remove`, {}, other.session, { csrf: false })).statusCode,
    ).toBe(403);
    expect(await list(other.session)).toHaveLength(2);
  });

  // As served, in Chromium with axe (browser tier, once): the list empty and filled, a refused address,
  // the confirmation page and the make-primary form.
  it.skipIf(!axeTier || backend !== 'pglite')('the address pages pass axe', async () => {
    const p = await person();
    const pages: Array<[string, { statusCode: number; body: string }, number]> = [];
    pages.push(['list, only the primary', await get(t, '/account/emails', p.session), 200]);
    pages.push(['refused address', await add(p.session, 'not an address'), 400]);
    const email = uniqueEmail('axe');
    expect((await add(p.session, email)).statusCode).toBe(303);
    const { link, token } = await linkFor(email);
    pages.push([
      'confirm page',
      await get(t, `${new URL(link, 'http://x').pathname}?token=${token}`, p.session),
      200,
    ]);
    expect((await confirm(p.session, token)).statusCode).toBe(303);
    pages.push(['list, two addresses', await get(t, '/account/emails', p.session), 200]);
    const other = (await list(p.session)).find((a) => !a.primary)!;
    pages.push(['make primary', await get(t, `/account/emails/${other.id}/primary`, p.session), 200]);
    for (const [where, res, status] of pages) {
      expect(res.statusCode, where).toBe(status);
      await axe.expectAccessible(res.body, where);
    }
  });
});
