/**
 * The dashboard's credential: a bearer token kept in sessionStorage (gone when the tab closes), whether it was
 * pasted (development) or came from the OpenID provider. The claims are read only to explain a refusal before
 * asking the API; the gateway checks the signature and the API decides what the token may see.
 */
const KEY = 'tsp.supervision.token';

export interface Claims {
  role?: string;
  region?: string;
  sub?: string;
  exp?: number;
}

export function storedToken(): string | null {
  return sessionStorage.getItem(KEY);
}

export function storeToken(token: string): void {
  sessionStorage.setItem(KEY, token);
}

/** Forgets the token, and the provider's user record oidc-client-ts keeps beside it (same tab storage). */
export function clearToken(): void {
  sessionStorage.removeItem(KEY);
  for (const k of Object.keys(sessionStorage)) if (k.startsWith('oidc.')) sessionStorage.removeItem(k);
}

/** The payload of a JWT, or null when the text is not one. */
export function readClaims(token: string): Claims | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const json = atob(
      part
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(part.length / 4) * 4, '='),
    );
    const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Claims;
  } catch {
    return null;
  }
}

/** Why the dashboard cannot use this token, in words for the supervisor; null when it may try. */
export function tokenProblem(token: string, now = Date.now()): string | null {
  const c = readClaims(token);
  if (!c) return '这不是有效的令牌，请重新粘贴完整的令牌。';
  if (c.exp !== undefined && c.exp * 1000 <= now) return '令牌已过期，请重新登录。';
  if (c.role !== 'SUPERVISOR')
    return `该令牌的角色（${c.role ?? '无'}）不是司法局监督人员（SUPERVISOR），无权使用监督看板。`;
  if (!c.region) return '该令牌没有所属地区，无法确定监督范围。';
  return null;
}
