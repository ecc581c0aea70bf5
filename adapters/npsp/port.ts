/**
 * What the identity subgraph asks the National Public Service Portal (R-ID-3; 1333 Art. 13.2):
 * whether a citizen already has a national-portal account. The procedure and dossier sync
 * services of the same portal join this port with the procedures issue.
 */
export interface NationalPortalAccounts {
  hasAccount(personalId: string): Promise<boolean>;
}
