import { sql } from "drizzle-orm";
import { ERROR_CODES, ODataServiceError } from "../odata/odata-error";
import type { Caller } from "../sandbox-context";
import type { SandboxSettings } from "../sandbox-settings";
import type { SandboxStore, StoredRecord } from "../store/sandbox-store";

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

const forbidden = (code: string, message: string) => new ODataServiceError(403, code, message);

/**
 * Dataverse impersonation: a request with `CallerObjectId: <Entra object id>` (preferred, so it wins when both are
 * sent) or `MSCRMCallerID: <systemuserid>` runs as that systemuser — WhoAmI answers it and writes carry it as
 * modified-by — when the calling application user holds prvActOnBehalfOfAnotherUser
 * (settings.applicationUserMayImpersonate) and the user exists and is enabled. Otherwise 403, as Dataverse answers.
 */
export async function impersonatedCaller(
  store: SandboxStore,
  request: Request,
  caller: Caller,
  settings: SandboxSettings,
): Promise<Caller> {
  const objectId = request.headers.get("CallerObjectId")?.trim();
  const userId = request.headers.get("MSCRMCallerID")?.trim();
  if (!objectId && !userId) return caller;
  const header = objectId ? "CallerObjectId" : "MSCRMCallerID";
  const value = (objectId ?? userId)!;
  if (!GUID.test(value))
    throw new ODataServiceError(
      400,
      ERROR_CODES.dataverse.invalidArgument,
      `The ${header} header must be a GUID; '${value}' is not.`,
    );
  if (!settings.applicationUserMayImpersonate || !caller.userId) {
    throw forbidden(
      "0x80040220",
      `Principal user (Id=${caller.userId ?? caller.clientId}, type=8) is missing prvActOnBehalfOfAnotherUser privilege, so it cannot act on behalf of another user.`,
    );
  }
  const user = objectId
    ? await byObjectId(store, objectId.toLowerCase())
    : await store.get("systemusers", value.toLowerCase());
  if (!user)
    throw forbidden(
      ERROR_CODES.dataverse.notFound,
      objectId
        ? `No systemuser has the azureactivedirectoryobjectid ${objectId} in this organization.`
        : `systemuser With Id = ${userId} Does Not Exist`,
    );
  if (user.data.isdisabled === true)
    throw forbidden(
      "0x80040225",
      `The user with SystemUserId=${user.id} is disabled, so no one can act on behalf of it.`,
    );
  return { ...caller, userId: user.id };
}

async function byObjectId(store: SandboxStore, objectId: string): Promise<StoredRecord | null> {
  const [user] = await store.query({
    entity: "systemusers",
    where: sql`lower(data ->> 'azureactivedirectoryobjectid') = ${objectId}`,
    limit: 1,
  });
  return user ?? null;
}
