import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/drivers/types";
import { users } from "@/db/schema";
import { entraObjectIdOf } from "@/lib/sandbox/dataverse/entra-object-id";
import { stableUuid } from "@/lib/sandbox/stable-uuid";
import { SandboxStore } from "@/lib/sandbox/store/sandbox-store";
import type { Actor } from "../context";

/**
 * The CRM sandbox's systemuser a person works as on the sandbox pages, as Dynamics 365 Sales knows a signed-in person
 * by their e-mail: the systemuser whose primary e-mail is the Tandem user's, or one made for them on first use
 * (licensed, enabled, read-write, not an integration user). The system actor (CLI, seed) has no person: its edits are
 * made as the demo's administrator.
 */
export async function sandboxUserFor(
  tx: DbOrTx,
  actor: Actor,
  fallback: string,
  now: Date,
): Promise<{ id: string; created: boolean }> {
  if (actor.kind !== "user") return { id: fallback, created: false };
  const store = new SandboxStore(tx as never, "crm");
  const [found] = await store.query({
    entity: "systemusers",
    where: sql`lower(data ->> 'internalemailaddress') = ${actor.email.toLowerCase()}`,
    limit: 1,
  });
  if (found) return { id: found.id, created: false };
  const [person] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.id)).limit(1);
  const id = stableUuid(`crm:systemusers:tandem:${actor.id}`);
  const data = {
    fullname: person?.name || actor.email,
    internalemailaddress: actor.email,
    isdisabled: false,
    islicensed: true,
    isintegrationuser: false,
    accessmode: 0,
    azureactivedirectoryobjectid: entraObjectIdOf(id),
    createdby: id,
  };
  await store.write("systemusers", { id, data, modifiedBy: id }, now);
  return { id, created: true };
}
