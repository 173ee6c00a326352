import { stableUuid } from "../stable-uuid";

/**
 * The Entra ID object id of a sandbox systemuser (`azureactivedirectoryobjectid`, what CallerObjectId names): made up,
 * as there is no directory behind the sandbox, but stable, so a test or a client can impersonate a demo user by it.
 */
export const entraObjectIdOf = (systemUserId: string): string => stableUuid(`entra:${systemUserId.toLowerCase()}`);
