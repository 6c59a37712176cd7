import { EnforcementItemEntity } from './enforcement-item.js';

export { EnforcementItemEntity };
export const entities = [EnforcementItemEntity];
