import type { TadaDocumentNode } from 'gql.tada';
import { useEffect } from 'react';

import { type QueryState, useQuery } from '../graphql/use-query';
import { useAuth } from './auth/AuthContext';

/**
 * A query with the supervisor's token. A token the API no longer accepts (expired, or signed by a key it does not
 * trust) sends the page back to sign-in with a message; other errors stay on the page that asked.
 */
export function useSupervisorQuery<R, V extends Record<string, unknown>>(
  document: TadaDocumentNode<R, V>,
  variables: V,
): QueryState<R> {
  const auth = useAuth();
  const state = useQuery(document, variables, { token: auth.token });
  const unauthenticated = state.status === 'error' && state.error.code === 'UNAUTHENTICATED';
  useEffect(() => {
    if (unauthenticated) auth.refuse('登录已失效（令牌过期或无效），请重新登录。');
  }, [unauthenticated, auth]);
  return state;
}
