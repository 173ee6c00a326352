import { findEntity, type CatalogEntity } from "@/lib/mapping/model/catalog";
import { STATIC_CATALOGS } from "@/lib/mapping/template/catalogs";
import { AppError } from "@/lib/errors";
import { addCompanyContacts } from "@/lib/sandbox/business-central/bc-company-contacts";
import { numberSeries, prepareBcCreate } from "@/lib/sandbox/business-central/bc-create";
import { storeBcLookups } from "@/lib/sandbox/business-central/bc-body";
import { persistCreates, prepareCreate } from "@/lib/sandbox/dataverse/dataverse-create";
import { storeLookups } from "@/lib/sandbox/dataverse/dataverse-body";
import { ODataServiceError } from "@/lib/sandbox/odata/odata-error";
import { parsePrefer } from "@/lib/sandbox/odata/prefer";
import type { ServiceContext as SandboxContext } from "@/lib/sandbox/sandbox-context";
import { defaultSettings, SANDBOX_EDITOR_USER_ID } from "@/lib/sandbox/sandbox-settings";
import { SandboxStore, type StoredRecord } from "@/lib/sandbox/store/sandbox-store";
import { parseInput } from "@/lib/validation";
import { writeAudit } from "../audit/write-audit";
import { requireRole, withTransaction, type ServiceContext } from "../context";
import { sandboxUserFor } from "./sandbox-person";
import { CreateSandboxRecordInput } from "./sandbox-schemas";
import { acceptPageValues, creatableOnPage } from "./sandbox-values";

/**
 * Creates a record in a simulated system as a person would in its own UI: the API's validation and defaults (state
 * and status, number series, a unit group's base unit, a customer's company contact), a fresh modified-on, and in
 * the CRM the signed-in person's sandbox user as creator and modifier, so the sync takes it for a person's change.
 */
export async function createSandboxRecord(args: {
  ctx: ServiceContext;
  input: unknown;
}): Promise<{ id: string; version: number; modifiedBy: string | null }> {
  const { ctx } = args;
  requireRole(ctx, "admin");
  const input = parseInput(CreateSandboxRecordInput, args.input);
  const entity = findEntity(STATIC_CATALOGS[input.system], input.entity);
  if (!entity || !creatableOnPage(entity))
    throw new AppError(
      "NOT_FOUND",
      `Records of ${input.entity} cannot be created in the ${input.system.toUpperCase()} sandbox's pages`,
    );
  const data = acceptPageValues(entity, input.system, input.values, { creating: true });
  return withTransaction(ctx, async (tx) => {
    const store = new SandboxStore(tx as never, input.system);
    const now = new Date();
    const person = input.system === "crm" ? await sandboxUserFor(tx, ctx.actor, SANDBOX_EDITOR_USER_ID, now) : null;
    const sandbox: SandboxContext = {
      catalog: STATIC_CATALOGS[input.system],
      store,
      base: "",
      caller: { clientId: "sandbox-page", userId: person?.id ?? null },
      preferences: parsePrefer(null),
      settings: defaultSettings(input.system),
      now: () => now,
    };
    const record = await asService(() =>
      input.system === "crm" ? createInCrm(sandbox, entity, data) : createInErp(sandbox, entity, data),
    );
    await writeAudit(tx, ctx.actor, {
      action: "sandbox.record.create",
      targetType: `${input.system}.${entity.name}`,
      targetId: record.id,
      details: {
        fields: Object.keys(data),
        ...(person ? { writtenAs: person.id, sandboxUserCreated: person.created } : {}),
      },
    });
    return { id: record.id, version: record.version, modifiedBy: record.modifiedBy };
  });
}

async function createInCrm(
  ctx: SandboxContext,
  entity: CatalogEntity,
  data: Record<string, unknown>,
): Promise<StoredRecord> {
  const exists = storeLookups(ctx.store);
  const row = await prepareCreate(ctx, entity, data, exists, (id) => exists(entity.name, id));
  const [record] = await persistCreates(ctx.store, entity, [row], ctx.caller.userId, ctx.now());
  return record!;
}

async function createInErp(
  ctx: SandboxContext,
  entity: CatalogEntity,
  data: Record<string, unknown>,
): Promise<StoredRecord> {
  const row = await prepareBcCreate(
    ctx,
    { entity, contextBase: "" },
    data,
    storeBcLookups(ctx.store),
    numberSeries(ctx.store, entity),
  );
  const [record] = await ctx.store.writeMany([{ entity: entity.name, record: row }], ctx.now());
  if (entity.name === "customers") await addCompanyContacts(ctx.store, [record!], ctx.now());
  return record!;
}

/** The simulators' own refusals (a duplicate key, a value the API rejects) reach the person as validation errors. */
async function asService<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ODataServiceError && error.status < 500)
      throw new AppError("VALIDATION_FAILED", error.message);
    throw error;
  }
}
