import type { ReactNode } from 'react';

import type { QueryState } from '../graphql/use-query';
import { Loaded } from '../ui/Status';

/**
 * Loaded, but an unknown id (NOT_FOUND, or an answer that is null) reads as the page's own "not found" text with a
 * heading rather than a raw error.
 */
export function Found<R, T>({
  state,
  pick,
  missing,
  children,
}: {
  state: QueryState<R>;
  pick: (data: R) => T | null | undefined;
  missing: ReactNode;
  children: (found: T) => ReactNode;
}) {
  if (state.status === 'error' && state.error.code === 'NOT_FOUND') return <>{missing}</>;
  return (
    <Loaded state={state}>
      {(data) => {
        const found = pick(data);
        return found == null ? missing : children(found);
      }}
    </Loaded>
  );
}
