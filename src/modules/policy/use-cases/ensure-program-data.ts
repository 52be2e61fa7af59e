import { type Ctx, transact } from '../../../platform/context.js';
import { uuidv7 } from '../../../platform/ids.js';
import { defaultPolicy } from '../policy.js';
import {
  findActiveFramework,
  findActivePolicy,
  insertFrameworkVersion,
  insertPolicyVersion,
} from '../repository.js';
import { loadSeedFramework } from '../seed-data.js';

/** On first start, install the default policy and the shipped framework as the active versions. */
export async function ensureProgramData(ctx: Ctx): Promise<void> {
  await transact(ctx, async (w) => {
    const now = ctx.clock.now();
    if (!(await findActivePolicy(w.tx))) {
      const id = uuidv7(now.getTime());
      await insertPolicyVersion(w.tx, { id, policy: defaultPolicy, active: true, now });
      await w.audit({
        action: 'policy.activated',
        subjectType: 'policy_version',
        subjectId: id,
        after: { version: defaultPolicy.version },
      });
    }
    if (!(await findActiveFramework(w.tx))) {
      const framework = loadSeedFramework();
      const id = uuidv7(now.getTime());
      await insertFrameworkVersion(w.tx, { id, framework, active: true, now });
      await w.audit({
        action: 'framework.activated',
        subjectType: 'framework_version',
        subjectId: id,
        after: { code: framework.framework.id, version: framework.framework.version },
      });
    }
  });
}
