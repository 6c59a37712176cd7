import { parseArgs } from 'node:util';
import { Role, defaultDevTokenTtlSeconds, formatDuration, maxTokenLifetimeSeconds, signDevToken } from '@tsp/shared';

/**
 * npm run token -- --role SUPERVISOR --region 宁晋县 : prints a development token signed with JWT_SECRET.
 * Valid 12 h by default; --ttl asks for another lifetime, up to the role's maximum (USER_TOKEN_MAX_LIFETIME,
 * INTEGRATOR_TOKEN_MAX_LIFETIME: 12 h and 90 d by default), since the platform refuses longer ones.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      agency: { type: 'string' },
      agencies: { type: 'string' },
      region: { type: 'string' },
      sub: { type: 'string' },
      ttl: { type: 'string' },
    },
  });
  const role = values.role as Role;
  if (!Object.values(Role).includes(role)) {
    console.error(`usage: npm run token -- --role ${Object.values(Role).join('|')} [--agency ID] [--agencies ID,ID] [--region R] [--sub ID] [--ttl 12h]`);
    const [user, integrator] = ['OFFICER', 'INTEGRATOR'].map((r) => formatDuration(maxTokenLifetimeSeconds(r)));
    console.error(`  --ttl: default 12h; at most ${user} (users), ${integrator} (INTEGRATOR)`);
    process.exit(2);
  }
  if (!values.ttl) console.error(`valid for ${formatDuration(defaultDevTokenTtlSeconds(role))}`);
  const token = await signDevToken(
    {
      role,
      sub: values.sub ?? `dev-${role.toLowerCase()}`,
      agencyId: values.agency,
      region: values.region,
      agencyIds: values.agencies?.split(',').filter(Boolean),
    },
    values.ttl,
  );
  console.log(token);
}
main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
