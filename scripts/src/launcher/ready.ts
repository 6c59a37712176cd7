import { defaultDevTokenTtlSeconds, formatDuration, Role, signDevToken } from '@tsp/shared';

import { demoAgencies, demoClaims, demoOfficers } from './demo.js';

/**
 * What npm start prints once ready, so a newcomer can call the API at once: a supervisor token to
 * paste, a query to try with it, an agency id and an officer id of the demo, and the commands for other
 * tokens. Development tokens only (JWT_SECRET); with JWKS_URL the platform refuses them, so only the
 * commands are shown.
 */
export async function readyHints(gatewayUrl: string): Promise<string[]> {
  const more =
    'Tokens:   npm run token -- --role OFFICER --demo 规划局   ' +
    '(roles: OFFICER LEGAL_REVIEWER AGENCY_HEAD SUPERVISOR INTEGRATOR ADMIN)';
  try {
    const agencies = await demoAgencies(gatewayUrl);
    const agency = agencies.find((a) => a.name.includes('规划局')) ?? agencies[0];
    if (!agency) return [`Tokens:   npm run token -- --role ADMIN   (no agencies yet)`, more];
    const officer = demoClaims(Role.OFFICER, agency, await demoOfficers(gatewayUrl, agency.id));
    const ttl = formatDuration(defaultDevTokenTtlSeconds(Role.SUPERVISOR));
    const supervisor = await signDevToken({ role: Role.SUPERVISOR, sub: 'dev-supervisor', region: agency.region });
    return [
      `Demo ids: agency ${agency.id} (${agency.name}); officer ${officer.claims.sub} (${officer.who})`,
      `Supervisor token (${agency.region}, valid ${ttl}), for the header {"Authorization": "Bearer <token>"}:`,
      `          ${supervisor}`,
      `Try:      { agencies(region: "${agency.region}") { name inspectionFindings { kind detail } } }   ` +
        '(涉企检查 findings: over the cap, not joined, poorly rated; with that token)',
      more,
    ];
  } catch (e) {
    const why = (e as Error).message;
    return [`Tokens:   npm run token -- --role SUPERVISOR --region 宁晋县   (demo ids unavailable: ${why})`, more];
  }
}
