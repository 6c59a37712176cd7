import { parseArgs } from 'node:util';
import { Role, signDevToken } from '@tsp/shared';

/** npm run token -- --role SUPERVISOR --region 宁晋县 : prints a development token signed with JWT_SECRET. */
async function main() {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      agency: { type: 'string' },
      agencies: { type: 'string' },
      region: { type: 'string' },
      sub: { type: 'string' },
      ttl: { type: 'string', default: '12h' },
    },
  });
  const role = values.role as Role;
  if (!Object.values(Role).includes(role)) {
    console.error(`usage: npm run token -- --role ${Object.values(Role).join('|')} [--agency ID] [--agencies ID,ID] [--region R] [--sub ID] [--ttl 12h]`);
    process.exit(2);
  }
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
