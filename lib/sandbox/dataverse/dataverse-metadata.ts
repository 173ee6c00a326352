import type { CatalogEntity, CatalogField } from "@/lib/mapping/model/catalog";
import { badRequest, ODataServiceError } from "../odata/odata-error";
import { buildCsdl } from "../odata/csdl";
import { emptyResponse, jsonResponse, readJsonBody } from "../odata/responses";
import type { ServiceContext } from "../sandbox-context";
import { stableUuid } from "../stable-uuid";
import { DATAVERSE_OPERATIONS } from "./dataverse-csdl-operations";
import { optionRecordId, optionSetEntities } from "./option-sets";

const tables = (ctx: ServiceContext) => ctx.catalog.entities.filter((e) => e.kind === "table");
const label = (text: string) => ({
  LocalizedLabels: [{ Label: text, LanguageCode: 1033 }],
  UserLocalizedLabel: { Label: text, LanguageCode: 1033 },
});

function attributeType(entity: CatalogEntity, field: CatalogField): string {
  if (field.name === "statecode") return "State";
  if (field.name === "statuscode") return "Status";
  const map: Record<CatalogField["type"], string> = {
    string: "String",
    text: "Memo",
    integer: "Integer",
    decimal: "Decimal",
    boolean: "Boolean",
    date: "DateTime",
    datetime: "DateTime",
    guid: "Uniqueidentifier",
    enum: "String",
    optionset: "Picklist",
    lookup: field.name === "ownerid" ? "Owner" : (field.lookupTargets?.length ?? 0) > 1 ? "Customer" : "Lookup",
    blob: "Virtual",
  };
  return field.name === entity.key ? "Uniqueidentifier" : map[field.type];
}

function attributeMetadata(ctx: ServiceContext, entity: CatalogEntity, field: CatalogField): Record<string, unknown> {
  return {
    LogicalName: field.name,
    MetadataId: stableUuid(`attribute:${entity.logicalName}.${field.name}`),
    AttributeType: attributeType(entity, field),
    ...(field.maxLength ? { MaxLength: field.maxLength } : {}),
    ...(field.type === "lookup"
      ? {
          Targets: (field.lookupTargets ?? []).map(
            (t) => ctx.catalog.entities.find((e) => e.name === t)?.logicalName ?? t,
          ),
        }
      : {}),
    ...(field.type === "date" || field.type === "datetime"
      ? { DateTimeBehavior: { Value: field.type === "date" ? "DateOnly" : "UserLocal" } }
      : {}),
    RequiredLevel: { Value: field.required ? "ApplicationRequired" : "None" },
    IsValidForCreate: !field.readOnly,
    IsValidForUpdate: !field.readOnly && !field.createOnly,
    ...(field.type === "optionset"
      ? { OptionSet: { Options: (field.options ?? []).map((o) => ({ Value: o.value, Label: label(o.label) })) } }
      : {}),
  };
}

const CAST_TYPES: Record<string, (f: CatalogField) => boolean> = {
  "Microsoft.Dynamics.CRM.PicklistAttributeMetadata": (f) =>
    f.type === "optionset" && f.name !== "statecode" && f.name !== "statuscode",
  "Microsoft.Dynamics.CRM.StateAttributeMetadata": (f) => f.name === "statecode",
  "Microsoft.Dynamics.CRM.StatusAttributeMetadata": (f) => f.name === "statuscode",
};

/** EntityDefinitions: the metadata API a client reads option values, lengths and create/update rules from. */
export function entityDefinitions(ctx: ServiceContext, path: string): Response {
  const context = `${ctx.base}/$metadata#EntityDefinitions`;
  if (path === "EntityDefinitions") {
    return jsonResponse({
      "@odata.context": context,
      value: tables(ctx).map((e) => ({
        LogicalName: e.logicalName,
        EntitySetName: e.name,
        PrimaryIdAttribute: e.key,
        PrimaryNameAttribute: e.primaryName ?? null,
        ChangeTrackingEnabled: true,
        MetadataId: stableUuid(`entity:${e.logicalName}`),
      })),
    });
  }
  const match =
    /^EntityDefinitions\(LogicalName='([a-z0-9_]+)'\)(?:\/Attributes(?:\(LogicalName='([a-z0-9_]+)'\))?(?:\/(Microsoft\.Dynamics\.CRM\.\w+))?)?$/.exec(
      path,
    );
  const entity = match ? tables(ctx).find((e) => e.logicalName === match[1]) : undefined;
  if (!match || !entity)
    throw new ODataServiceError(404, "0x80060888", `Resource not found for the segment '${path.split("/")[0]}'.`);
  const [, , attribute, cast] = match;
  if (!path.includes("/Attributes")) {
    return jsonResponse({
      "@odata.context": `${context}/$entity`,
      LogicalName: entity.logicalName,
      EntitySetName: entity.name,
      PrimaryIdAttribute: entity.key,
      PrimaryNameAttribute: entity.primaryName ?? null,
      ChangeTrackingEnabled: true,
    });
  }
  let fields = entity.fields;
  if (cast) {
    const accepts = CAST_TYPES[cast];
    if (!accepts) throw badRequest("dataverse", `The type '${cast}' is not a supported attribute metadata type.`);
    fields = fields.filter(accepts);
  }
  if (attribute) {
    const field = fields.find((f) => f.name === attribute);
    if (!field)
      throw new ODataServiceError(
        404,
        "0x80060888",
        `Could not find attribute '${attribute}' on entity '${entity.logicalName}'.`,
      );
    return jsonResponse({
      "@odata.context": `${context}('${entity.logicalName}')/Attributes/$entity`,
      ...attributeMetadata(ctx, entity, field),
    });
  }
  return jsonResponse({
    "@odata.context": `${context}('${entity.logicalName}')/Attributes`,
    value: fields.map((f) => attributeMetadata(ctx, entity, f)),
  });
}

export function metadataDocument(ctx: ServiceContext): Response {
  return new Response(
    buildCsdl(ctx.catalog, tables(ctx), {
      namespace: "Microsoft.Dynamics.CRM",
      container: "System",
      dialect: "dataverse",
      ...DATAVERSE_OPERATIONS,
    }),
    {
      headers: { "Content-Type": "application/xml", "OData-Version": "4.0" },
    },
  );
}

export function whoAmI(ctx: ServiceContext): Response {
  return jsonResponse({
    "@odata.context": `${ctx.base}/$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse`,
    BusinessUnitId: stableUuid("crm:businessunit"),
    UserId: ctx.caller.userId,
    OrganizationId: stableUuid("crm:organization"),
  });
}

/** InsertOptionValue / UpdateOptionValue: how BC's option mappings add and rename choice options. */
export async function optionValueAction(
  ctx: ServiceContext,
  action: "InsertOptionValue" | "UpdateOptionValue",
  request: Request,
): Promise<Response> {
  const body = await readJsonBody(request, "dataverse");
  const set = optionSetEntities(ctx.catalog).find(
    (s) => s.table === body.EntityLogicalName && s.column === body.AttributeLogicalName,
  );
  if (!set)
    throw badRequest(
      "dataverse",
      `The attribute '${String(body.AttributeLogicalName)}' of '${String(body.EntityLogicalName)}' is not a choice column this environment lets you change.`,
    );
  const text = (body.Label as { LocalizedLabels?: { Label?: unknown }[] } | undefined)?.LocalizedLabels?.[0]?.Label;
  if (typeof text !== "string" || !text.trim())
    throw badRequest("dataverse", "Label.LocalizedLabels[0].Label is required.");
  const existing = await ctx.store.query({ entity: set.entity.name, limit: 10_000 });
  const declared =
    ctx.catalog.entities.find((e) => e.logicalName === set.table)?.fields.find((f) => f.name === set.column)?.options ??
    [];
  const values = [...new Set([...declared.map((o) => Number(o.value)), ...existing.map((r) => Number(r.data.value))])];
  if (action === "UpdateOptionValue") {
    const value = Number(body.Value);
    if (!values.includes(value))
      throw new ODataServiceError(404, "0x80040217", `The option value ${String(body.Value)} does not exist.`);
    await ctx.store.write(
      set.entity.name,
      { id: optionRecordId(set.entity.name, value), data: { value, label: text } },
      ctx.now(),
    );
    return emptyResponse(204);
  }
  const labels = [...declared.map((o) => o.label), ...existing.map((r) => String(r.data.label))];
  if (labels.some((l) => l.toLowerCase() === text.toLowerCase()))
    throw badRequest("dataverse", `An option with the label '${text}' already exists.`);
  const value =
    body.Value === undefined || body.Value === null ? Math.max(99_999_999, ...values) + 1 : Number(body.Value);
  if (!Number.isInteger(value) || values.includes(value))
    throw badRequest("dataverse", `The option value ${String(body.Value)} is not valid or already used.`);
  await ctx.store.write(
    set.entity.name,
    { id: optionRecordId(set.entity.name, value), data: { value, label: text } },
    ctx.now(),
  );
  return jsonResponse({
    "@odata.context": `${ctx.base}/$metadata#Microsoft.Dynamics.CRM.InsertOptionValueResponse`,
    NewOptionValue: value,
  });
}
