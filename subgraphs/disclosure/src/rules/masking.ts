/**
 * 个人信息屏蔽 The masking rules live in shared (rules/masking.ts): disclosure masks published texts with them and
 * review masks the decisions it sends to integrators with the same ones, so both never disagree.
 */
export { maskAddress, type MaskContext, maskPersonName, maskText, publicPartyName, REMOVED } from '@tsp/shared';
