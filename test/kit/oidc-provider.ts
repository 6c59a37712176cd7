import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';

export interface OidcClient {
  id: string;
  secret: string;
  /** Extra claims in its access tokens (role, agencyId, region …). */
  claims: Record<string, unknown>;
  /** Access token lifetime in seconds (default 600). */
  ttl?: number;
}

export interface OidcProviderConfig {
  /** Names of the issuers to run, each on its own port, all with the same clients and keys. */
  issuers: string[];
  /** Resource indicators the provider issues JWT access tokens for (each is the tokens' aud). */
  resources: string[];
  clients: OidcClient[];
  /** Public clients signing a person in through the browser (authorization code + PKCE, the provider's login). */
  browserClients?: { id: string; redirectUris: string[]; claims: Record<string, unknown> }[];
}

export interface Discovery {
  issuer: string;
  jwks_uri: string;
  token_endpoint: string;
}

export interface OidcProvider {
  /** Issuer URL by name. */
  issuers: Record<string, string>;
  /** kid of the current signing key. */
  kid: string;
  /** The issuer's discovery document (/.well-known/openid-configuration). */
  discovery(issuer: string): Promise<Discovery>;
  /** An access token from the issuer's token endpoint: client_credentials grant for `resource`. */
  token(issuer: string, clientId: string, resource: string): Promise<string>;
  /** Switches to a new signing key (new kid); the old one stays published. Returns the new kid. */
  rotateKeys(): Promise<string>;
  stop(): Promise<void>;
}

type Message = { type: 'ready'; issuers: Record<string, string>; kid: string } | { type: 'rotated'; kid: string };

function next(child: ChildProcess, type: Message['type'], stderr: () => string): Promise<Message> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: Message) => {
      if (m.type !== type) return;
      cleanup();
      resolve(m);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`oidc-provider exited (${code}) before "${type}": ${stderr()}`));
    };
    const cleanup = () => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** Starts oidc-provider in a child process (see oidc-provider-process.mjs for why). */
export async function startOidcProvider(config: OidcProviderConfig): Promise<OidcProvider> {
  const child = fork(path.join(__dirname, 'oidc-provider-process.mjs'), [JSON.stringify(config)], {
    execArgv: [],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => void (stderr += d.toString()));
  const ready = (await next(child, 'ready', () => stderr)) as Extract<Message, { type: 'ready' }>;
  const secrets = new Map(config.clients.map((c) => [c.id, c.secret]));

  const handle: OidcProvider = {
    issuers: ready.issuers,
    kid: ready.kid,
    async discovery(issuer) {
      const res = await fetch(`${issuer}/.well-known/openid-configuration`);
      if (!res.ok) throw new Error(`discovery at ${issuer}: HTTP ${res.status}`);
      return (await res.json()) as Discovery;
    },
    async token(issuer, clientId, resource) {
      const { token_endpoint } = await handle.discovery(issuer);
      const res = await fetch(token_endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${clientId}:${secrets.get(clientId)}`).toString('base64')}`,
        },
        body: new URLSearchParams({ grant_type: 'client_credentials', resource, scope: 'api' }),
      });
      const body = (await res.json()) as { access_token?: string; error?: string; error_description?: string };
      if (!body.access_token)
        throw new Error(`token endpoint: HTTP ${res.status} ${body.error}: ${body.error_description}`);
      return body.access_token;
    },
    async rotateKeys() {
      const rotated = next(child, 'rotated', () => stderr);
      child.send({ type: 'rotate' });
      handle.kid = (await rotated).kid;
      return handle.kid;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
    },
  };
  return handle;
}
