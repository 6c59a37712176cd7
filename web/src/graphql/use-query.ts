import type { TadaDocumentNode } from 'gql.tada';
import { useEffect, useState } from 'react';

import { ApiError, request } from './client';

export type QueryState<R> = { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'done'; data: R };

/** Runs a query when the page shows and whenever its variables change; stale answers are dropped. */
export function useQuery<R, V extends Record<string, unknown>>(
  document: TadaDocumentNode<R, V>,
  variables: V,
  options: { token?: string | null; skip?: boolean } = {},
): QueryState<R> {
  const [state, setState] = useState<QueryState<R>>({ status: 'loading' });
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (options.skip) return;
    let current = true;
    setState({ status: 'loading' });
    request(document, JSON.parse(key) as V, options.token).then(
      (data) => current && setState({ status: 'done', data }),
      (e: unknown) =>
        current && setState({ status: 'error', error: e instanceof ApiError ? e : new ApiError(String(e), undefined) }),
    );
    return () => {
      current = false;
    };
  }, [document, key, options.token, options.skip]);
  return state;
}
