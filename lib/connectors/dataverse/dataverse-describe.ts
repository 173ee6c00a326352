import type { CatalogEntity, CatalogField, FieldType, SchemaCatalog } from "@/lib/mapping/model/catalog";
import type { ODataClient } from "../odata/odata-client";

type EntityDefinition = {
  LogicalName: string;
  EntitySetName: string;
  PrimaryIdAttribute: string;
  PrimaryNameAttribute: string | null;
};
type AttributeDefinition = {
  LogicalName: string;
  AttributeType: string;
  MaxLength?: number;
  RequiredLevel?: { Value: string };
  IsValidForCreate?: boolean;
  IsValidForUpdate?: boolean;
  Targets?: string[];
  DateTimeBehavior?: { Value: string };
};
type OptionAttribute = {
  LogicalName: string;
  OptionSet?: { Options: { Value: number; Label: { UserLocalizedLabel?: { Label: string } } }[] };
};

const TYPES: Record<string, FieldType> = {
  String: "string",
  Memo: "text",
  Integer: "integer",
  BigInt: "integer",
  Decimal: "decimal",
  Money: "decimal",
  Double: "decimal",
  Boolean: "boolean",
  Uniqueidentifier: "guid",
  Picklist: "optionset",
  State: "optionset",
  Status: "optionset",
  Lookup: "lookup",
  Customer: "lookup",
  Owner: "lookup",
};
const OPTION_TYPES = ["PicklistAttributeMetadata", "StateAttributeMetadata", "StatusAttributeMetadata"];

/**
 * Dataverse's $metadata carries neither option values nor lengths, so the catalog comes from the metadata API:
 * EntityDefinitions, each table's Attributes, and its choice columns' option sets.
 */
export async function describeDataverse(client: ODataClient, wanted?: string[]): Promise<SchemaCatalog> {
  const definitions = (
    await client.json<{ value: EntityDefinition[] }>(
      "EntityDefinitions?$select=LogicalName,EntitySetName,PrimaryIdAttribute,PrimaryNameAttribute",
    )
  ).value;
  const setOf = new Map(definitions.map((d) => [d.LogicalName, d.EntitySetName]));
  const tables = definitions.filter(
    (d) => !wanted || wanted.includes(d.EntitySetName) || wanted.some((w) => w.startsWith(`${d.LogicalName}.`)),
  );
  const entities: CatalogEntity[] = [];
  for (const definition of tables) {
    const base = `EntityDefinitions(LogicalName='${definition.LogicalName}')/Attributes`;
    const attributes = (
      await client.json<{ value: AttributeDefinition[] }>(
        `${base}?$select=LogicalName,AttributeType,MaxLength,RequiredLevel,IsValidForCreate,IsValidForUpdate,Targets,DateTimeBehavior`,
      )
    ).value;
    const options = new Map<string, OptionAttribute>();
    for (const cast of OPTION_TYPES) {
      for (const attribute of (
        await client.json<{ value: OptionAttribute[] }>(
          `${base}/Microsoft.Dynamics.CRM.${cast}?$select=LogicalName&$expand=OptionSet($select=Options)`,
        )
      ).value)
        options.set(attribute.LogicalName, attribute);
    }
    const fields: CatalogField[] = attributes.flatMap((attribute): CatalogField[] => {
      let type = TYPES[attribute.AttributeType];
      if (attribute.AttributeType === "DateTime")
        type = attribute.DateTimeBehavior?.Value === "DateOnly" ? "date" : "datetime";
      if (!type) return [];
      const optionSet = options.get(attribute.LogicalName)?.OptionSet?.Options;
      return [
        {
          name: attribute.LogicalName,
          type,
          ...(attribute.MaxLength ? { maxLength: attribute.MaxLength } : {}),
          ...(attribute.RequiredLevel && attribute.RequiredLevel.Value !== "None" ? { required: true } : {}),
          ...(attribute.IsValidForCreate === false && attribute.IsValidForUpdate === false ? { readOnly: true } : {}),
          ...(attribute.IsValidForCreate !== false && attribute.IsValidForUpdate === false ? { createOnly: true } : {}),
          ...(type === "lookup" ? { lookupTargets: (attribute.Targets ?? []).map((t) => setOf.get(t) ?? t) } : {}),
          ...(optionSet
            ? {
                options: optionSet.map((o) => ({
                  value: o.Value,
                  label: o.Label.UserLocalizedLabel?.Label ?? String(o.Value),
                })),
              }
            : {}),
        },
      ];
    });
    const modifiedOn = fields.some((f) => f.name === "modifiedon") ? "modifiedon" : undefined;
    entities.push({
      name: definition.EntitySetName,
      logicalName: definition.LogicalName,
      kind: "table",
      key: definition.PrimaryIdAttribute,
      ...(definition.PrimaryNameAttribute ? { primaryName: definition.PrimaryNameAttribute } : {}),
      ...(modifiedOn ? { modifiedOn } : {}),
      fields,
    });
  }
  for (const name of wanted ?? []) {
    const [table, column] = name.split(".");
    if (column && tables.some((t) => t.LogicalName === table)) {
      entities.push({
        name,
        logicalName: name,
        kind: "optionset",
        key: "value",
        primaryName: "label",
        fields: [
          { name: "value", type: "integer" },
          { name: "label", type: "string" },
        ],
      });
    }
  }
  return { system: "crm", name: "Dataverse", entities };
}
