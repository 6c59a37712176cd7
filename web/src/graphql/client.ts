import type { TadaDocumentNode } from 'gql.tada';
import { print } from 'graphql';

/** A GraphQL error the page can explain: the message and the documented `extensions.code`. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/**
 * One request to the gateway on the page's own origin (the gateway serves the app). Errors become ApiError with the
 * first error's code; a network failure becomes ApiError with code NETWORK.
 */
export async function request<R, V extends Record<string, unknown>>(
  document: TadaDocumentNode<R, V>,
  variables: V,
  token?: string | null,
): Promise<R> {
  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: print(document), variables }),
    });
  } catch {
    throw new ApiError('无法连接服务器，请稍后再试', 'NETWORK');
  }
  const body = (await res.json().catch(() => ({}))) as {
    data?: R;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  if (body.errors?.length) throw new ApiError(body.errors[0].message, body.errors[0].extensions?.code);
  if (!body.data) throw new ApiError(`服务器返回 ${res.status}`, 'HTTP');
  return body.data;
}
