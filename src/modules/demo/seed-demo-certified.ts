import { addDays } from '../../lib/calendar-date.js';
import { type Ctx, transact } from '../../platform/context.js';
import { uuidv7 } from '../../platform/ids.js';
import { certifyIfComplete } from '../certification/certify-if-complete.js';
import { setRegistryListing } from '../certification/registry-repository.js';
import { insertAchievementsOnce } from '../completions/credit-repository.js';

export const CERTIFIED_DEMO_EMAIL = 'certified@demo.lssc.example';

/** The six sets of the demo holder: the three required and three electives, by course and by portfolio. */
const SETS: Array<{ setId: string; how: 'course' | 'portfolio'; daysAgo: number }> = [
  { setId: 'foundations', how: 'course', daysAgo: 40 },
  { setId: 'communication-teamwork', how: 'course', daysAgo: 33 },
  { setId: 'technology', how: 'portfolio', daysAgo: 26 },
  { setId: 'access-services', how: 'course', daysAgo: 19 },
  { setId: 'reference-information', how: 'portfolio', daysAgo: 12 },
  { setId: 'youth-services', how: 'course', daysAgo: 5 },
];

/**
 * A certified holder for the demo: admitted (by the applications seed), six sets achieved, then
 * certified by the same code a last credit runs, and listed in the public registry. Their digital
 * credentials are signed the first time they open their certification page.
 */
export async function seedDemoCertified(ctx: Ctx, created: Map<string, string>): Promise<void> {
  const candidateId = created.get(CERTIFIED_DEMO_EMAIL);
  if (!candidateId) return;
  const today = ctx.clock.today();
  const now = ctx.clock.now();
  await transact(ctx, async (w) => {
    await insertAchievementsOnce(
      w.tx,
      SETS.map((s, i) => ({
        id: uuidv7(now.getTime()),
        candidateId,
        setId: s.setId,
        how: s.how,
        achievedOn: addDays(today, -s.daysAgo),
        sourceRef: `DEMO-${i + 1}`,
        createdAt: now,
      })),
    );
    await w.audit({
      action: 'set_achievement.recorded',
      subjectType: 'candidate',
      subjectId: candidateId,
      after: { sets: SETS.map((s) => s.setId), source: 'demo' },
    });
    const [made] = await certifyIfComplete(ctx, w, [candidateId]);
    if (!made) return;
    await setRegistryListing(w.tx, made.id, true, now);
    await w.audit({
      action: 'certification.registry_listed',
      subjectType: 'certification',
      subjectId: made.id,
      before: { inRegistry: false },
      after: { inRegistry: true, source: 'demo' },
    });
  });
}
