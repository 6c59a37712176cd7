import { ListingEntity, ListingRevisionEntity } from './listing.js';
import { PublicationEntity, PublicationRevisionEntity } from './publication.js';
import { AnnualReportEntity, PublicationPeriodEntity } from './settings.js';

export {
  AnnualReportEntity,
  ListingEntity,
  ListingRevisionEntity,
  PublicationEntity,
  PublicationPeriodEntity,
  PublicationRevisionEntity,
};
export const entities = [
  ListingEntity,
  ListingRevisionEntity,
  PublicationEntity,
  PublicationRevisionEntity,
  AnnualReportEntity,
  PublicationPeriodEntity,
];
