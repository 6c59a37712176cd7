// A real OpenID provider (panva's certified oidc-provider) for tests, in a process of its own: the
// package is ESM-only, which jest's CommonJS runtime cannot load, and an identity provider is a
// separate service in production too. Started by oidc-provider.ts with a JSON config as argv[2];
// talks to it over IPC: "ready" once listening, "rotate" to switch to a new signing key.
//
// Every issuer serves the same clients and the same keys (as tenants of one provider do), so a
// token of one issuer carries a signature the other's keys accept: only the iss check tells them apart.
import http from 'node:http';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import Provider, { errors } from 'oidc-provider';

/** @type {{ issuers: string[]; resources: string[]; clients: { id: string; secret: string; claims: Record<string, unknown>; ttl?: number }[]; browserClients?: { id: string; redirectUris: string[]; claims: Record<string, unknown> }[] }} */
const config = JSON.parse(process.argv[2]);
const browserClients = config.browserClients ?? [];
const clients = new Map([...config.clients, ...browserClients].map((c) => [c.id, c]));
const browserIds = new Set(browserClients.map((c) => c.id));
const ALG = 'ES256';

// Distinct per process, so two providers never publish the same kid.
const kidPrefix = randomBytes(4).toString('hex');
/** Newest first: oidc-provider signs with the first key for the algorithm and still publishes the older ones. */
const keys = [];
function addKey() {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const kid = `${kidPrefix}-${keys.length + 1}`;
  keys.unshift({ ...privateKey.export({ format: 'jwk' }), kid, alg: ALG, use: 'sig' });
  return kid;
}

function provider(issuer) {
  return new Provider(issuer, {
    clients: config.clients
      .map((c) => ({
        client_id: c.id,
        client_secret: c.secret,
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
      }))
      .concat(
        // Web apps signing a person in: public clients (no secret), authorization code with PKCE.
        browserClients.map((c) => ({
          client_id: c.id,
          token_endpoint_auth_method: 'none',
          grant_types: ['authorization_code'],
          response_types: ['code'],
          redirect_uris: c.redirectUris,
        })),
      ),
    jwks: { keys: [...keys] },
    clientDefaults: { id_token_signed_response_alg: ALG },
    features: {
      // The provider's own login and consent pages (any user name and password), for browser clients only.
      devInteractions: { enabled: browserClients.length > 0 },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // A browser client's code is for the first resource, so its access token is a JWT the platform can check.
        defaultResource: (ctx, client, oneOf) =>
          oneOf ? oneOf[0] : browserIds.has(client.clientId) ? config.resources[0] : undefined,
        useGrantedResource: () => true,
        // A registered resource gets JWT access tokens with aud = the resource, signed with the provider's key.
        getResourceServerInfo(ctx, resource) {
          if (!config.resources.includes(resource)) throw new errors.InvalidTarget();
          return { scope: 'api', accessTokenFormat: 'jwt', jwt: { sign: { alg: ALG } } };
        },
      },
    },
    // The page on the gateway's origin calls discovery and the token endpoint.
    clientBasedCORS: () => true,
    // The platform's claims (role, agencyId, region …) per client.
    extraTokenClaims: (ctx, token) => clients.get(token.clientId)?.claims,
    ttl: { ClientCredentials: (ctx, token, client) => clients.get(client.clientId)?.ttl ?? 600 },
  });
}

const handlers = new Map();
const servers = new Map();
for (const name of config.issuers) {
  const server = http.createServer((req, res) => handlers.get(name)(req, res));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.set(name, `http://127.0.0.1:${server.address().port}`);
}
/** A provider's keys are fixed when it is made: a rotation makes new providers behind the same ports. */
function build() {
  for (const [name, issuer] of servers) handlers.set(name, provider(issuer).callback());
}

let kid = addKey();
build();
process.on('message', (msg) => {
  if (msg?.type !== 'rotate') return;
  kid = addKey();
  build();
  process.send({ type: 'rotated', kid });
});
// Never outlive the test that started it.
process.on('disconnect', () => process.exit(0));
process.send({ type: 'ready', issuers: Object.fromEntries(servers), kid });
