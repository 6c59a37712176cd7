import { seedDemo } from '@tsp/scripts/seed/index';

import { type Platform, startPlatform } from './platform';

/** The platform with the demo data of 宁晋县, as `npm start` seeds it: what the web app's pages are tested against. */
export async function startDemoPlatform(): Promise<Platform & { baseUrl: string }> {
  const p = await startPlatform();
  await seedDemo(p.gatewayUrl);
  return Object.assign(p, { baseUrl: p.gatewayUrl.replace(/\/graphql$/, '') });
}
