import { noticeDueProblem, noticeResponseProblem, NoticeState, noticeState } from '../src/rules/supervision';

describe('整改期限 a notice is due today or later', () => {
  test('met: due today or a later day', () => {
    expect(noticeDueProblem('2026-03-05', '2026-03-05')).toBeNull();
    expect(noticeDueProblem('2026-03-20', '2026-03-05')).toBeNull();
  });
  test('broken: due on a day already past', () => {
    expect(noticeDueProblem('2026-03-04', '2026-03-05')).toMatch(/must not be in the past/);
  });
});

describe('整改回复 one response per notice', () => {
  test('met: a notice not yet answered', () => {
    expect(noticeResponseProblem({ respondedAt: null })).toBeNull();
  });
  test('broken: a notice already answered is not answered again', () => {
    expect(noticeResponseProblem({ respondedAt: new Date('2026-03-05T02:00:00Z') })).toMatch(/not overwritten/);
  });
});

describe('整改通知状态 notice state', () => {
  test('open until the due day, overdue after it; answered on time or late by the Asia/Shanghai day', () => {
    const n = (respondedAt: string | null) => ({
      dueOn: '2026-03-05',
      respondedAt: respondedAt ? new Date(respondedAt) : null,
    });
    expect(noticeState(n(null), '2026-03-05')).toBe(NoticeState.OPEN);
    expect(noticeState(n(null), '2026-03-06')).toBe(NoticeState.OVERDUE);
    expect(noticeState(n('2026-03-05T15:59:00Z'), '2026-03-09')).toBe(NoticeState.ANSWERED);
    expect(noticeState(n('2026-03-05T16:00:00Z'), '2026-03-09')).toBe(NoticeState.ANSWERED_LATE);
  });
});
