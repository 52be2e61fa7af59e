import { type Ctx, transact } from '../../../platform/context.js';
import { type CompetencySet, findSet } from '../../policy/framework.js';
import { getActiveProgramData } from '../../policy/use-cases/get-program-data.js';
import { alertScope, unsubscribeLink } from '../alert-links.js';
import {
  advanceWatermark,
  advanceWatermarks,
  deleteExpiredUnconfirmed,
  listCoursesPublishedBetween,
  listDueSubscriptions,
  type NewCourseRow,
  oldestWatermark,
  type SubscriptionRow,
} from '../alert-repository.js';
import { catalogMails, DIGEST_MAX_COURSES } from '../mails.js';

/**
 * Courses published in the last few minutes are left for the next run: an approval whose
 * transaction took its timestamp just before the cutoff but commits after this sweep reads must not
 * fall behind a watermark that has already moved past it.
 */
export const DIGEST_GRACE_MS = 5 * 60 * 1000;
const BATCH = 200;

export interface DigestRunResult {
  mailed: number;
  courses: number;
  removedUnconfirmed: number;
}

/**
 * The catalog-alerts sweep (hourly, and `lssc sweeps`): each confirmed subscriber gets one mail
 * listing the courses published since their watermark (matching their set, if they chose one), and
 * the watermark moves on in the same transaction as the queued mail, so a rerun sends nothing twice.
 * Unconfirmed requests whose link expired are deleted.
 */
export async function sendAlertDigests(ctx: Ctx): Promise<DigestRunResult> {
  const now = ctx.clock.now();
  const cutoff = new Date(now.getTime() - DIGEST_GRACE_MS);
  const today = ctx.clock.today();
  const result: DigestRunResult = { mailed: 0, courses: 0, removedUnconfirmed: 0 };

  result.removedUnconfirmed = await transact(ctx, async (w) => {
    const n = await deleteExpiredUnconfirmed(w.tx, now);
    if (n > 0)
      await w.audit({
        action: 'catalog_alert.unconfirmed_removed',
        subjectType: 'catalog_alert',
        subjectId: 'expired',
        after: { count: n },
      });
    return n;
  });

  const since = await oldestWatermark(ctx.db, cutoff);
  if (!since) return result;
  const published = await listCoursesPublishedBetween(ctx.db, since, cutoff, today);
  const { framework } = await getActiveProgramData(ctx);
  const setOf = (id: string) => findSet(framework.framework, id);

  let afterId: string | null = null;
  for (;;) {
    const batch = await listDueSubscriptions(ctx.db, cutoff, afterId, BATCH);
    if (batch.length === 0) break;
    afterId = batch.at(-1)!.id;
    const nothingNew: string[] = [];
    for (const sub of batch) {
      const matching = published.filter(
        (c) => c.createdAt > sub.notifiedThrough! && (!sub.setId || c.setId === sub.setId),
      );
      if (matching.length === 0) {
        nothingNew.push(sub.id);
        continue;
      }
      if (await mailDigest(ctx, sub, matching, cutoff, setOf)) {
        result.mailed++;
        result.courses += matching.length;
      }
    }
    // Watermark bookkeeping only (no mail, nothing a person sees), so no audit event.
    await ctx.db.transaction((tx) => advanceWatermarks(tx, nothingNew, cutoff));
  }
  return result;
}

async function mailDigest(
  ctx: Ctx,
  sub: SubscriptionRow,
  matching: NewCourseRow[],
  cutoff: Date,
  setOf: (id: string) => CompetencySet | undefined,
): Promise<boolean> {
  return transact(ctx, async (w) => {
    const now = ctx.clock.now();
    // Only if the watermark is still where we read it: a concurrent run may have mailed already.
    if (!(await advanceWatermark(w.tx, sub.id, sub.notifiedThrough!, cutoff, now))) return false;
    const base = ctx.config.baseUrl;
    const shown = matching.slice(0, DIGEST_MAX_COURSES).map((c) => {
      const set = setOf(c.setId);
      return {
        number: c.number,
        title: c.title,
        providerName: c.providerName,
        setTitle: set ? `${set.code} ${set.title}` : c.setId,
        link: `${base}/catalog/courses/${c.number}`,
      };
    });
    const more = {
      count: matching.length - shown.length,
      link: `${base}/catalog${sub.setId ? `?set=${encodeURIComponent(sub.setId)}` : ''}`,
    };
    const what = alertScope(sub.setId ? setOf(sub.setId) : undefined);
    await w.mail(catalogMails.digest(sub.email, what, shown, more, unsubscribeLink(ctx.config, sub.id)));
    await w.audit({
      action: 'catalog_alert.digest_sent',
      subjectType: 'catalog_alert',
      subjectId: sub.id,
      before: { notifiedThrough: sub.notifiedThrough },
      after: { notifiedThrough: cutoff, courses: matching.map((c) => c.number) },
    });
    return true;
  });
}
