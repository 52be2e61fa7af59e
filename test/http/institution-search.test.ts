import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationPayers } from '../../src/modules/institutions/schema.js';
import { axeTier, httpAxe } from '../support/axe.js';
import { testBackends } from '../support/backends.js';
import { applicationIdOf, candidate, draftApplication } from '../support/factories.js';
import {
  acceptedInvitation,
  applicantList,
  institutionWithContact,
  NON_MEMBER,
  ok,
  sendPo,
  statusOf,
} from '../support/institution-factories.js';
import { api, get, postForm, signedInAs, type TestSession } from '../support/sessions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Found = { items: Array<{ id: string; name: string; region: string }>; more: boolean };

const search = (t: TestApp, session: TestSession | undefined, q: string) =>
  api(t, 'GET', `/api/v1/institutions/search?q=${encodeURIComponent(q)}`, session ? { session } : {});
const namesOf = (found: Found) => found.items.map((i) => i.name);
const checkPage = (t: TestApp, session: TestSession, q?: string) =>
  get(t, q === undefined ? '/application/check' : `/application/check?q=${encodeURIComponent(q)}`, session);
/** The institutions the page offers as radio buttons (value and label), in page order. */
const radiosOf = (html: string) =>
  [
    ...html.matchAll(
      /<input type="radio" id="([^"]+)" name="institutionId" value="([^"]+)"( checked)?\/><label for="\1">([^<]+)<\/label>/g,
    ),
  ].map((m) => ({ id: m[2]!, label: m[4]!, checked: m[3] !== undefined }));

// 30 institutions: the payment step lists them in one menu. The 31st (second test) turns it into a search.
const MARLOWE = Array.from(
  { length: 25 },
  (_, i) => `Marlowe Branch Library ${String(i + 1).padStart(2, '0')}`,
);
const FIRST_THIRTY = [
  ...MARLOWE.map((name) => ({ name, region: 'Ohio' })),
  { name: 'Zephyr County Library System', region: 'Iowa' },
  { name: 'Library of the Zephyr Hills', region: 'Iowa' },
  { name: 'Bramblewood Library', region: 'Maine' },
  { name: 'bramblecourt library', region: 'Maine' },
  { name: 'BRAMBLEFIELD Library', region: 'Maine' },
];

describe.each(testBackends())('finding the institution that pays, by name, on %s', (backend) => {
  let t: TestApp;
  let registrar: TestSession;
  let applicant: TestSession;
  const axe = httpAxe();

  const register = (session: TestSession, name: string, region: string) =>
    ok(
      api(t, 'POST', '/api/v1/institutions', {
        session,
        body: { name, kind: 'library', region, billingAddress: '1 Main Street' },
      }),
      201,
    );

  beforeAll(async () => {
    t = await createTestApp(backend);
    registrar = await signedInAs(t, ['candidate'], { name: 'Rita Registrar' });
    for (const i of FIRST_THIRTY) await register(registrar, i.name, i.region);
    applicant = await candidate(t);
    await draftApplication(t, applicant);
  });
  afterAll(async () => {
    await axe.close();
    await t.close();
  });

  it('with 30 institutions or fewer, the payment step lists them all in one menu, without a search', async () => {
    const page = await checkPage(t, applicant);
    expect(page.statusCode).toBe(200);
    const menu = /<select id="f-institutionId" name="institutionId"[^>]*>([\s\S]*?)<\/select>/.exec(
      page.body,
    )?.[1];
    expect(menu?.match(/<option value="[0-9a-f-]{36}"/g)).toHaveLength(30);
    expect(menu).toContain('bramblecourt library (Maine)');
    expect(page.body).not.toContain('Find your institution');
  });

  it('from the 31st, the page asks to find the institution instead of listing every one', async () => {
    await register(registrar, 'Kestrel Library', 'Vermont');
    // The same name twice from one person is a repeated form: another contact registers the second.
    await register(await signedInAs(t, ['candidate']), 'Kestrel Library', 'Oregon');
    const page = await checkPage(t, applicant);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h3 id="find-institution-title">Find your institution</h3>');
    expect(page.body).toMatch(
      /<form method="get" action="\/application\/check#submit-application" aria-labelledby="find-institution-title"/,
    );
    expect(page.body).not.toContain('name="institutionId"');
    expect(page.body).toContain(
      'If your institution pays, first find it with “Find your institution” above.',
    );
    // The search form stands apart from the submit form: a search never sends the application.
    const submitForm = /<form method="post" action="\/application\/submit"[\s\S]*?<\/form>/.exec(
      page.body,
    )?.[0];
    expect(submitForm).toBeDefined();
    expect(submitForm).not.toContain('name="q"');
  });

  it('finds by any part of the name, whatever the case, with only id, name and region', async () => {
    const found: Found = await ok(search(t, applicant, 'EPHYR'));
    expect(namesOf(found)).toEqual(['Library of the Zephyr Hills', 'Zephyr County Library System']);
    expect(found.more).toBe(false);
    expect(Object.keys(found.items[0]!).sort()).toEqual(['id', 'name', 'region']);
    expect(namesOf(await ok(search(t, applicant, '  zephyr   COUNTY ')))).toEqual([
      'Zephyr County Library System',
    ]);
  });

  it('orders by name without regard to case', async () => {
    expect(namesOf(await ok(search(t, applicant, 'bramble')))).toEqual([
      'bramblecourt library',
      'BRAMBLEFIELD Library',
      'Bramblewood Library',
    ]);
  });

  it('finds by state too, and every word must match', async () => {
    const vermont: Found = await ok(search(t, applicant, 'kestrel VERMONT'));
    expect(vermont.items.map((i) => `${i.name} (${i.region})`)).toEqual(['Kestrel Library (Vermont)']);
    expect(namesOf(await ok(search(t, applicant, 'maine')))).toHaveLength(3);
    expect(namesOf(await ok(search(t, applicant, 'marlowe 2')))).toEqual(
      ['02', '12', '20', '21', '22', '23', '24', '25'].map((n) => `Marlowe Branch Library ${n}`),
    );
  });

  it('gives at most 20, the first by name, and says when more match', async () => {
    const found: Found = await ok(search(t, applicant, 'marlowe'));
    expect(namesOf(found)).toEqual(MARLOWE.slice(0, 20));
    expect(found.more).toBe(true);
    const page = await checkPage(t, applicant, 'marlowe');
    expect(radiosOf(page.body).map((r) => r.label)).toEqual(MARLOWE.slice(0, 20).map((n) => `${n} (Ohio)`));
    expect(page.body).toContain(
      'More than 20 institutions match “marlowe”: these are the first 20 by name. If yours is not here, type more of its name in “Find your institution”.',
    );
  });

  it('takes % and _ as themselves, not as patterns', async () => {
    for (const q of ['%', '_', 'library\\']) {
      const found: Found = await ok(search(t, applicant, q));
      expect(found, q).toEqual({ items: [], more: false });
    }
  });

  it('refuses an empty or over-long search with a clear message, on the API and on the page', async () => {
    for (const q of ['', '   ']) {
      const res = await search(t, applicant, q);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().errors).toEqual([
        { field: 'q', message: 'Type part of the name of the institution, or its state' },
      ]);
    }
    expect((await api(t, 'GET', '/api/v1/institutions/search', { session: applicant })).statusCode).toBe(400);
    expect((await search(t, applicant, 'z'.repeat(100))).statusCode).toBe(200);
    const long = await search(t, applicant, 'z'.repeat(101));
    expect(long.statusCode).toBe(400);
    expect(long.json().errors).toEqual([{ field: 'q', message: 'Use 100 characters or fewer' }]);

    const empty = await checkPage(t, applicant, '');
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('<a href="#f-q">Type part of the name of the institution, or its state</a>');
    const tooLong = await checkPage(t, applicant, `Marlowe ${'x'.repeat(100)}`);
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('<a href="#f-q">Use 100 characters or fewer</a>');
    expect(tooLong.body).toContain(`value="Marlowe ${'x'.repeat(100)}"`); // what was typed stays in the box
    expect(radiosOf(tooLong.body)).toEqual([]);
  });

  it('answers only signed-in people', async () => {
    const res = await search(t, undefined, 'zephyr');
    expect(res.statusCode).toBe(401);
    expect(res.json().items).toBeUndefined();
    const docs = (await t.app.inject('/api/openapi.json')).json();
    const op = docs.paths['/api/v1/institutions/search'].get;
    expect(op.parameters.map((p: { name: string }) => p.name)).toEqual(['q']);
  });

  it('says plainly when nothing matches and how to go on', async () => {
    const page = await checkPage(t, applicant, 'Nonesuch');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('No registered institution matches “Nonesuch”.');
    expect(page.body).toContain('ask the person who handles purchase orders there to register it');
    expect(page.body).toContain('Or choose to pay by card or by check instead.');
    expect(page.body).toContain('value="Nonesuch"');
    expect(radiosOf(page.body)).toEqual([]);
  });

  it('without JavaScript: search, choose a result, submit; the application names that institution', async () => {
    const session = await candidate(t);
    await draftApplication(t, session);
    const page = await checkPage(t, session, 'zephyr');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('value="zephyr"'); // the query stays in the search box
    const radios = radiosOf(page.body);
    expect(radios.map((r) => r.label)).toEqual([
      'Library of the Zephyr Hills (Iowa)',
      'Zephyr County Library System (Iowa)',
    ]);
    expect(radios.some((r) => r.checked)).toBe(false);
    // Having searched, "my institution pays" is the likely answer.
    expect(page.body).toContain('name="paymentMethod" value="institution" checked/>');
    const chosen = radios[1]!;

    // Submitting "my institution pays" without choosing keeps the results and asks for a choice.
    const unchosen = await postForm(
      t,
      '/application/submit',
      { paymentMethod: 'institution', q: 'zephyr' },
      session,
    );
    expect(unchosen.statusCode).toBe(400);
    expect(unchosen.body).toContain(
      '<a href="#f-institutionId">Choose the institution that pays your fee</a>',
    );
    expect(radiosOf(unchosen.body).map((r) => r.id)).toEqual(radios.map((r) => r.id));
    expect(unchosen.body).toContain('value="zephyr"');

    const done = await postForm(
      t,
      '/application/submit',
      { paymentMethod: 'institution', institutionId: chosen.id, q: 'zephyr' },
      session,
    );
    expect(done.statusCode, done.body).toBe(303);
    expect(done.headers.location).toBe('/application/pay');
    const applicationId = await applicationIdOf(t, session);
    expect(await statusOf(t, applicationId)).toBe('awaiting_payment');
    const [payer] = await t.services.db
      .select({ institutionId: applicationPayers.institutionId })
      .from(applicationPayers)
      .where(eq(applicationPayers.applicationId, applicationId));
    expect(payer?.institutionId).toBe(chosen.id);
  });

  it('"my institution pays" with nothing found yet points to the search box', async () => {
    const session = await candidate(t);
    await draftApplication(t, session);
    const res = await postForm(t, '/application/submit', { paymentMethod: 'institution' }, session);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<a href="#f-q">Choose the institution that pays your fee</a>');
    expect(res.body).toMatch(
      /<p class="error-message" id="f-q-error">[\s\S]*?Choose the institution that pays your fee/,
    );
  });

  it('an applicant invited by a purchase order sees their institution chosen, and may search for another', async () => {
    const { contact, institutionId } = await institutionWithContact(t, 'Osprey Regional Library');
    const [invitee] = applicantList(1, 'osprey');
    await ok(
      sendPo(t, contact, institutionId, {
        poNumber: 'PO-OSPREY',
        amountCents: NON_MEMBER,
        applicants: [invitee!],
      }),
      201,
    );
    const session = await acceptedInvitation(t, invitee!.email);
    await draftApplication(t, session);

    const page = await checkPage(t, session);
    expect(radiosOf(page.body)).toEqual([
      { id: institutionId, label: 'Osprey Regional Library (Illinois)', checked: true },
    ]);
    expect(page.body).toContain('name="paymentMethod" value="institution" checked/>');
    expect(page.body).toContain('(or keep the one already chosen)');

    const searched = await checkPage(t, session, 'zephyr county');
    const radios = radiosOf(searched.body);
    expect(radios.map((r) => [r.label, r.checked])).toEqual([
      ['Osprey Regional Library (Illinois)', true],
      ['Zephyr County Library System (Iowa)', false],
    ]);
  });

  it.skipIf(!axeTier || backend !== 'pglite')(
    'the payment step with search results, with none, and with a refused search passes axe',
    async () => {
      const session = await candidate(t);
      await draftApplication(t, session);
      await axe.expectAccessible(
        (await checkPage(t, session, 'marlowe')).body,
        'check answers, search results',
      );
      await axe.expectAccessible((await checkPage(t, session, 'Nonesuch')).body, 'check answers, no match');
      await axe.expectAccessible((await checkPage(t, session, '')).body, 'check answers, empty search');
      const refused = await postForm(
        t,
        '/application/submit',
        { paymentMethod: 'institution', q: 'bramble' },
        session,
      );
      await axe.expectAccessible(refused.body, 'check answers, no institution chosen');
    },
  );
});
