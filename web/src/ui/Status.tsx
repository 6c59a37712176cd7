import type { ReactNode } from 'react';

import type { QueryState } from '../graphql/use-query';

/** Loading and error states read out by screen readers (role=status / role=alert), the answer otherwise. */
export function Loaded<R>({ state, children }: { state: QueryState<R>; children: (data: R) => ReactNode }) {
  if (state.status === 'loading')
    return (
      <p role="status" className="muted">
        加载中…
      </p>
    );
  if (state.status === 'error')
    return (
      <p role="alert" className="error">
        出错了：{state.error.message}
      </p>
    );
  return <>{children(state.data)}</>;
}
