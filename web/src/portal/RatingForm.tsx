import { useState } from 'react';

import { graphql } from '../graphql';
import { ApiError, request } from '../graphql/client';

const RATE = graphql(`
  mutation PortalRateInspection($code: String!, $score: Int!, $comment: String) {
    rateInspection(code: $code, score: $score, comment: $comment) {
      score
      ratedAt
    }
  }
`);

const SCORES = [
  { value: 5, text: '5 分 满意' },
  { value: 4, text: '4 分 较满意' },
  { value: 3, text: '3 分 一般' },
  { value: 2, text: '2 分 较不满意' },
  { value: 1, text: '1 分 不满意' },
];

/**
 * 企业评价 The enterprise rates a finished visit once, with the code it was shown (no account). The comment goes to
 * the agency and the justice bureau only.
 */
export function RatingForm({ code, rated }: { code: string; rated: boolean }) {
  const [state, setState] = useState<
    | { status: 'idle' }
    | { status: 'sending' }
    | { status: 'done'; score: number }
    | { status: 'error'; message: string }
  >({ status: 'idle' });
  if (rated && state.status !== 'done')
    return (
      <section aria-labelledby="rating">
        <h2 id="rating">企业评价</h2>
        <p>已使用此检查码评价过本次检查，感谢您的反馈。</p>
      </section>
    );
  return (
    <section aria-labelledby="rating">
      <h2 id="rating">企业评价</h2>
      {state.status === 'done' ? (
        <p role="status" className="verdict ok">
          评价已提交（{state.score} 分），感谢您的反馈。
        </p>
      ) : (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            const score = Number(form.get('score'));
            const comment = String(form.get('comment') ?? '').trim();
            if (!score) return setState({ status: 'error', message: '请选择评分。' });
            setState({ status: 'sending' });
            request(RATE, { code, score, comment: comment || null }).then(
              (r) => setState({ status: 'done', score: r.rateInspection.score }),
              (err: unknown) =>
                setState({
                  status: 'error',
                  message:
                    err instanceof ApiError && err.code === 'RATE_LIMITED'
                      ? '提交过于频繁，请稍后再试。'
                      : `提交失败：${err instanceof Error ? err.message : String(err)}`,
                }),
            );
          }}
        >
          <fieldset>
            <legend>本次检查的评分</legend>
            {SCORES.map((s) => (
              <label key={s.value} className="choice">
                <input type="radio" name="score" value={s.value} required /> {s.text}
              </label>
            ))}
          </fieldset>
          <label htmlFor="comment">意见建议（选填，仅执法机关和司法局可见）</label>
          <textarea id="comment" name="comment" rows={3} maxLength={500} />
          {state.status === 'error' && (
            <p role="alert" className="error">
              {state.message}
            </p>
          )}
          <button type="submit" disabled={state.status === 'sending'}>
            {state.status === 'sending' ? '正在提交…' : '提交评价'}
          </button>
        </form>
      )}
    </section>
  );
}
