import { badInput } from '@tsp/shared';

/**
 * 集体讨论 The leadership meets on an escalated review after it was escalated and not in the future:
 * the decision records a meeting that took place. Days are Asia/Shanghai calendar days.
 */
export function checkMeetingDay(meetingOn: string, escalatedOn: string | null, today: string): void {
  if (meetingOn > today) throw badInput('meetingOn', 'cannot be in the future / 会议日期不能晚于今天');
  if (escalatedOn && meetingOn < escalatedOn)
    throw badInput('meetingOn', 'is before the escalation / 会议日期早于提请日期');
}
