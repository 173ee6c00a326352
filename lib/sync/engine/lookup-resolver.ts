import type { ConnectorRecord } from "@/lib/connectors/connector";
import { findEntity } from "@/lib/mapping/model/catalog";
import { carries, sourceSide, type Flow } from "@/lib/mapping/model/direction";
import type { FieldMapping, TableMapping } from "@/lib/mapping/model/table-mapping";
import { applyTransforms } from "@/lib/mapping/transform/apply-transforms";
import { isBlank, referenceId } from "../decide/compare-values";
import type { LookupOutcome, LookupResolver } from "../decide/lookup-outcome";
import { couplingsByIds } from "./coupling-store";
import { cached, findMapping, ruleContext, type EngineContext } from "./engine-context";
import { readWhereIn } from "./read-records";

type Target = { id: string; entity: string } | null;
const norm = (value: unknown) => String(value).toLowerCase();

/** Lookups of one page, resolved through the referenced mappings' couplings with a few queries per page. */
class PageLookups implements LookupResolver {
  readonly answers = new Map<string, LookupOutcome>();
  readonly blanks = new Map<string, Target>();

  resolve(field: FieldMapping, flow: Flow, value: unknown): LookupOutcome {
    const name = field.lookup!.mapping;
    const blank = this.blanks.get(name) ?? null;
    if (isBlank(value)) return flow === "erp-to-crm" && blank ? { kind: "value", value: blank } : { kind: "blank" };
    if (flow === "crm-to-erp" && blank && referenceId(value) === blank.id.toLowerCase()) return { kind: "blank" };
    return (
      this.answers.get(`${name}|${flow}|${norm(referenceId(value) ?? value)}`) ?? {
        kind: "not-coupled",
        message: `${name}: no record for "${String(value)}".`,
      }
    );
  }
}

async function lookupInput(field: FieldMapping, flow: Flow, record: ConnectorRecord): Promise<unknown> {
  let value = record.values[field[sourceSide(flow)]!];
  if (field.transforms?.length && (!field.transformFlow || field.transformFlow === flow))
    value = await applyTransforms(value, field.transforms, { record: record.values }).catch(() => null);
  return value;
}

/** Options of a choice column are records whose id is the option value (the connector's option-set access). */
const isOptionSet = (ctx: EngineContext, ref: TableMapping) =>
  findEntity(ctx.catalogs.crm, ref.crm.entity)?.kind === "optionset";

async function resolveToCrm(
  ctx: EngineContext,
  ref: TableMapping,
  erpKey: string | undefined,
  values: unknown[],
  into: PageLookups,
): Promise<void> {
  const erpIds = new Map<string, string>(); // input → ERP id
  if (erpKey) {
    const found = await readWhereIn(ctx.connectors.erp, ref.erp.entity, erpKey, values.map(String), undefined, [
      erpKey,
    ]);
    for (const record of found) erpIds.set(norm(record.values[erpKey]), record.id);
  } else for (const value of values) erpIds.set(norm(referenceId(value)), String(referenceId(value)));
  const coupled = await couplingsByIds(ctx.db, ctx.pairId, ref.name, "erp", [...erpIds.values()]);
  const names = erpKey
    ? new Map<string, string>()
    : await displayNames(
        ctx,
        "erp",
        ref.erp.entity,
        [...erpIds.values()].filter((id) => !coupled.has(id.toLowerCase())),
      );
  const options = isOptionSet(ctx, ref);
  for (const value of values) {
    const key = norm(erpKey ? value : referenceId(value));
    const erpId = erpIds.get(key);
    const crmId = erpId ? coupled.get(erpId.toLowerCase())?.crmId : undefined;
    const label = erpKey ? `${erpKey} ${String(value)}` : (names.get(key) ?? String(value));
    let outcome: LookupOutcome;
    if (!erpId) outcome = { kind: "not-coupled", message: `${ref.name}: no record in ${ref.erp.entity} has ${label}.` };
    else if (!crmId)
      outcome = {
        kind: "not-coupled",
        message: `${ref.name}: ${ref.erp.entity} ${erpKey ? "with " : ""}${label} is not coupled to a CRM record (${ref.crm.entity}); couple or synchronize ${ref.name} first.`,
      };
    else if (options) outcome = { kind: "value", value: Number(crmId) };
    else outcome = { kind: "value", value: { id: crmId, entity: ref.crm.entity } };
    into.answers.set(`${ref.name}|erp-to-crm|${key}`, outcome);
  }
}

async function resolveToErp(
  ctx: EngineContext,
  ref: TableMapping,
  erpKey: string | undefined,
  values: unknown[],
  into: PageLookups,
): Promise<void> {
  const crmIdOf = (value: unknown) => String(referenceId(value));
  const coupled = await couplingsByIds(ctx.db, ctx.pairId, ref.name, "crm", values.map(crmIdOf));
  const names = isOptionSet(ctx, ref)
    ? new Map<string, string>()
    : await displayNames(
        ctx,
        "crm",
        ref.crm.entity,
        values.map(crmIdOf).filter((id) => !coupled.has(id.toLowerCase())),
      );
  const keys = new Map<string, unknown>();
  if (erpKey && coupled.size) {
    for (const record of await ctx.connectors.erp.readByIds(
      ref.erp.entity,
      [...coupled.values()].map((c) => c.erpId),
      [erpKey],
    ))
      keys.set(record.id.toLowerCase(), record.values[erpKey]);
  }
  for (const value of values) {
    const erpId = coupled.get(crmIdOf(value).toLowerCase())?.erpId;
    let outcome: LookupOutcome;
    if (!erpId)
      outcome = {
        kind: "not-coupled",
        message: `${ref.name}: ${ref.crm.entity} ${names.get(crmIdOf(value).toLowerCase()) ?? String(value)} is not coupled to an ERP record (${ref.erp.entity}); couple or synchronize ${ref.name} first.`,
      };
    else if (erpKey)
      outcome = keys.has(erpId.toLowerCase())
        ? { kind: "value", value: keys.get(erpId.toLowerCase()) }
        : {
            kind: "not-coupled",
            message: `${ref.name}: the coupled ${ref.erp.entity} record ${erpId} no longer exists.`,
          };
    else outcome = { kind: "value", value: erpId };
    into.answers.set(`${ref.name}|crm-to-erp|${norm(referenceId(value) ?? value)}`, outcome);
  }
}

/** "Name" (id) of records whose lookup failed, so the error says which record a person has to fix. */
async function displayNames(
  ctx: EngineContext,
  side: "erp" | "crm",
  entityName: string,
  ids: string[],
): Promise<Map<string, string>> {
  const entity = findEntity(ctx.catalogs[side], entityName);
  if (!ids.length || !entity?.primaryName || entity.kind === "optionset") return new Map();
  const records = await ctx.connectors[side].readByIds(entityName, ids, [entity.primaryName]).catch(() => []);
  return new Map(
    records.map((r) => [r.id.toLowerCase(), `"${String(r.values[entity.primaryName!] ?? "")}" (${r.id})`]),
  );
}

/** Fetches what the page's lookups need: referenced records by key, their couplings, option values, blank meanings. */
export async function prepareLookups(
  ctx: EngineContext,
  mapping: TableMapping,
  flow: Flow,
  records: ConnectorRecord[],
): Promise<LookupResolver> {
  const lookups = new PageLookups();
  const fields = mapping.fields.filter(
    (field) =>
      field.enabled &&
      field.lookup &&
      field[sourceSide(flow)] &&
      field.constant === undefined &&
      carries(field.direction, flow),
  );
  const groups = new Map<string, { ref: TableMapping; erpKey?: string; values: unknown[] }>();
  for (const field of fields) {
    const ref = findMapping(ctx.config, field.lookup!.mapping);
    const key = `${ref.name}|${field.lookup!.erpKey ?? ""}`;
    const group = groups.get(key) ?? { ref, erpKey: field.lookup!.erpKey, values: [] };
    groups.set(key, group);
    for (const record of records) {
      const value = await lookupInput(field, flow, record);
      if (!isBlank(value)) group.values.push(value);
    }
    if (!lookups.blanks.has(ref.name)) lookups.blanks.set(ref.name, await blankMeaning(ctx, ref));
  }
  for (const { ref, erpKey, values } of groups.values()) {
    if (!values.length) continue;
    await (flow === "erp-to-crm" ? resolveToCrm : resolveToErp)(ctx, ref, erpKey, values, lookups);
  }
  return lookups;
}

function blankMeaning(ctx: EngineContext, ref: TableMapping): Promise<Target> {
  return cached(ctx, `blank:${ref.name}`, async () => {
    for (const rule of ctx.rules) {
      const meaning = await rule.blankErpMeans?.(ruleContext(ctx), ref);
      if (meaning) return meaning;
    }
    return null;
  });
}
