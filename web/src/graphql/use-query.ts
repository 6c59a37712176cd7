import type { TadaDocumentNode } from 'gql.tada';
import { useEffect, useState } from 'react';

import { ApiError, request } from './client';

export type QueryState<R> = { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'done'; data: R };

/**
 * Runs a query when the page shows and whenever its variables change; stale answers are dropped, and an answer for
 * other variables reads as loading (not the old page's data under the new address) until the new one arrives.
 */
export function useQuery<R, V extends Record<string, unknown>>(
  document: TadaDocumentNode<R, V>,
  variables: V,
  options: { token?: string | null; skip?: boolean } = {},
): QueryState<R> {
  const key = JSON.stringify(variables);
  const [state, setState] = useState<{ key: string; state: QueryState<R> }>({ key, state: { status: 'loading' } });
  useEffect(() => {
    if (options.skip) return;
    let current = true;
    setState({ key, state: { status: 'loading' } });
    request(document, JSON.parse(key) as V, options.token).then(
      (data) => current && setState({ key, state: { status: 'done', data } }),
      (e: unknown) =>
        current &&
        setState({
          key,
          state: { status: 'error', error: e instanceof ApiError ? e : new ApiError(String(e), undefined) },
        }),
    );
    return () => {
      current = false;
    };
  }, [document, key, options.token, options.skip]);
  return state.key === key ? state.state : { status: 'loading' };
}
