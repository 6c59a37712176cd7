import { CaseEntity } from './case.js';

export { CaseEntity };
export const entities = [CaseEntity];
