import { graphql } from '../graphql';

/** 证件核验 One credential number checked: the public answer, no more than the API shows. */
export const VERIFY_CREDENTIAL = graphql(`
  query PortalVerifyCredential($number: String!) {
    verifyCredential(number: $number) {
      number
      valid
      status
      holderName
      agencyName
      region
      categories
      expiresOn
    }
  }
`);

/** Where a credential's QR code leads: this site's verification page of the number. */
export const credentialUrl = (origin: string, number: string) =>
  `${origin}/verify/credential/${encodeURIComponent(number)}`;
