import { CATEGORY_NAMES_ZH, EnforcementCategory, isUuid, type Orm, requireInternalSecret } from '@tsp/shared';
import type { Express } from 'express';

import { ListingEntity } from '../entities/index.js';
import { processSteps } from '../read/listings.js';
import { DEFAULT_STEPS, flowchartSvg } from '../rules/flowchart.js';
import { ListingKind } from '../rules/kinds.js';

/** GET /flowcharts/:agencyId/:category.svg — the public process flowchart, drawn from the configured steps. */
export function flowchartRoutes(app: Express, orm: Orm): void {
  app.get('/flowcharts/:agencyId/:file', requireInternalSecret, async (req, res) => {
    const { agencyId, file } = req.params as { agencyId: string; file: string };
    const m = /^([A-Z]+)\.svg$/.exec(file);
    const category = m?.[1] as EnforcementCategory | undefined;
    if (!isUuid(agencyId) || !category || !Object.values(EnforcementCategory).includes(category)) {
      res.status(404).type('text/plain').send('no such flowchart / 未找到流程图');
      return;
    }
    try {
      const l = await orm.em.fork().findOne(ListingEntity, {
        agencyId: agencyId.toLowerCase(),
        kind: ListingKind.PROCESS,
        key: category,
        active: true,
      });
      const steps = l ? processSteps(l) : DEFAULT_STEPS[category];
      res
        .type('image/svg+xml')
        .set('cache-control', 'public, max-age=60')
        .send(flowchartSvg(`${CATEGORY_NAMES_ZH[category]}流程图`, steps));
    } catch {
      res.status(500).type('text/plain').send('flowchart unavailable');
    }
  });
}
