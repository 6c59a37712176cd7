import { ComplaintEntity, ComplaintStepEntity } from './complaint.js';

export { ComplaintEntity, ComplaintStepEntity };
export const entities = [ComplaintEntity, ComplaintStepEntity];
