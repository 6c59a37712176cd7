import { EnterpriseEntity } from './enterprise.js';
import { InspectionEntity, InspectionScopeEntity, InspectionTargetEntity, type TeamMember } from './inspection.js';
import { InspectionItemEntity, InspectionItemRevisionEntity } from './inspection-item.js';
import { PlanLineEntity, RegionCapsEntity } from './settings.js';

export {
  EnterpriseEntity,
  InspectionEntity,
  InspectionItemEntity,
  InspectionItemRevisionEntity,
  InspectionScopeEntity,
  InspectionTargetEntity,
  PlanLineEntity,
  RegionCapsEntity,
  type TeamMember,
};
export const entities = [
  EnterpriseEntity,
  InspectionItemEntity,
  InspectionItemRevisionEntity,
  InspectionEntity,
  InspectionTargetEntity,
  InspectionScopeEntity,
  RegionCapsEntity,
  PlanLineEntity,
];
