import { EnterpriseEntity } from './enterprise.js';
import { InspectionItemEntity, InspectionItemRevisionEntity } from './inspection-item.js';

export { EnterpriseEntity, InspectionItemEntity, InspectionItemRevisionEntity };
export const entities = [EnterpriseEntity, InspectionItemEntity, InspectionItemRevisionEntity];
