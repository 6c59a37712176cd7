import { ListingEntity, ListingRevisionEntity } from './listing.js';
import { PublicationEntity, PublicationRevisionEntity } from './publication.js';
import { AnnualReportEntity, PublicationPeriodEntity } from './settings.js';

export { ListingEntity, ListingRevisionEntity, PublicationEntity, PublicationRevisionEntity, AnnualReportEntity, PublicationPeriodEntity };
export const entities = [ListingEntity, ListingRevisionEntity, PublicationEntity, PublicationRevisionEntity, AnnualReportEntity, PublicationPeriodEntity];
