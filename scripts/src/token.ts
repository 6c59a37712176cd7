import { parseArgs } from 'node:util';

import {
  defaultDevTokenTtlSeconds,
  formatDuration,
  loadConfigOrExit,
  maxTokenLifetimeSeconds,
  Role,
  signDevToken,
  type TokenClaims,
} from '@tsp/shared';

import { findDemoPerson, missingScope } from './launcher/demo.js';
import { gatewayUrl } from './launcher/ports.js';

/**
 * npm run token -- --role SUPERVISOR --region 宁晋县 : prints a development token signed with JWT_SECRET.
 * Valid 12 h by default; --ttl asks for another lifetime, up to the role's maximum (USER_TOKEN_MAX_LIFETIME,
 * INTEGRATOR_TOKEN_MAX_LIFETIME: 12 h and 90 d by default), since the platform refuses longer ones.
 * --demo 规划局 picks a demo person of the role in the agency whose name contains the text (asked of the
 * running platform at GATEWAY_URL). A token the platform would refuse for lack of a scope is not printed (exit 2).
 */
async function main() {
  loadConfigOrExit();
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      agency: { type: 'string' },
      agencies: { type: 'string' },
      region: { type: 'string' },
      sub: { type: 'string' },
      ttl: { type: 'string' },
      demo: { type: 'string' },
    },
  });
  const role = values.role as Role;
  if (!Object.values(Role).includes(role)) {
    const scopes = '[--demo 规划局 | --agency ID [--sub ID] | --agencies ID,ID | --region R]';
    console.error(`usage: npm run token -- --role ${Object.values(Role).join('|')} ${scopes} [--ttl 12h]`);
    const [user, integrator] = ['OFFICER', 'INTEGRATOR'].map((r) => formatDuration(maxTokenLifetimeSeconds(r)));
    console.error('  --demo: a demo person of the role in the agency whose name contains the text (npm start running)');
    console.error(`  --ttl: default 12h; at most ${user} (users), ${integrator} (INTEGRATOR)`);
    process.exit(2);
  }
  let claims: TokenClaims;
  if (values.demo) {
    const found = await findDemoPerson(gatewayUrl(), role, values.demo);
    console.error(`${role}: ${found.who}`);
    claims = found.claims;
  } else {
    const missing = missingScope(role, values);
    if (missing) {
      console.error(`refused: ${missing}`);
      process.exit(2);
    }
    claims = {
      role,
      sub: values.sub ?? `dev-${role.toLowerCase()}`,
      agencyId: values.agency,
      region: values.region,
      agencyIds: values.agencies?.split(',').filter(Boolean),
    };
  }
  if (!values.ttl) console.error(`valid for ${formatDuration(defaultDevTokenTtlSeconds(role))}`);
  console.log(await signDevToken(claims, values.ttl));
}
main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
