/**
 * What Dataverse's $metadata declares besides the tables, for every operation the CRM sandbox answers: the WhoAmI
 * and RetrieveTotalRecordCount functions, the InsertOptionValue and UpdateOptionValue actions (parameters and return
 * types as in the Web API reference), their complex types, and the metadata API's EntityDefinitions with the
 * attribute types a client casts to. Add an operation here when the service routes a new one.
 */
const NS = "Microsoft.Dynamics.CRM";

type Member = [name: string, type: string, facets?: { nullable?: boolean; unicode?: boolean }];

const facets = (f: Member[2] = {}) =>
  `${f.nullable === false ? ` Nullable="false"` : ""}${f.unicode === false ? ` Unicode="false"` : ""}`;
const properties = (members: Member[]) =>
  members.map(([name, type, f]) => `<Property Name="${name}" Type="${type}"${facets(f)}/>`).join("");
const parameters = (members: Member[]) =>
  members.map(([name, type, f]) => `<Parameter Name="${name}" Type="${type}"${facets(f)}/>`).join("");
const complex = (name: string, members: Member[]) => `<ComplexType Name="${name}">${properties(members)}</ComplexType>`;
const entity = (name: string, base: string | null, members: Member[], navigation = "", extra = "") =>
  `<EntityType Name="${name}"${base ? ` BaseType="${NS}.${base}"` : ""}${extra}>${properties(members)}${navigation}</EntityType>`;
const nav = (name: string, type: string) => `<NavigationProperty Name="${name}" Type="${type}"/>`;

const text: Member[2] = { unicode: false };
const required: Member[2] = { nullable: false };

const LABELS = [
  complex("LocalizedLabel", [
    ["Label", "Edm.String"],
    ["LanguageCode", "Edm.Int32", required],
    ["IsManaged", "Edm.Boolean"],
    ["MetadataId", "Edm.Guid"],
    ["HasChanged", "Edm.Boolean"],
  ]),
  complex("Label", [
    ["LocalizedLabels", `Collection(${NS}.LocalizedLabel)`],
    ["UserLocalizedLabel", `${NS}.LocalizedLabel`],
  ]),
];

const FUNCTIONS = [
  complex("WhoAmIResponse", [
    ["BusinessUnitId", "Edm.Guid", required],
    ["UserId", "Edm.Guid", required],
    ["OrganizationId", "Edm.Guid", required],
  ]),
  `<Function Name="WhoAmI"><ReturnType Type="${NS}.WhoAmIResponse" Nullable="false"/></Function>`,
  complex("EntityRecordCountCollection", [
    ["Count", "Edm.Int32", required],
    ["IsReadOnly", "Edm.Boolean", required],
    ["Keys", "Collection(Edm.String)"],
    ["Values", "Collection(Edm.Int64)"],
  ]),
  complex("RetrieveTotalRecordCountResponse", [["EntityRecordCountCollection", `${NS}.EntityRecordCountCollection`]]),
  `<Function Name="RetrieveTotalRecordCount">${parameters([["EntityNames", "Collection(Edm.String)", { nullable: false, unicode: false }]])}<ReturnType Type="${NS}.RetrieveTotalRecordCountResponse" Nullable="false"/></Function>`,
];

const OPTION_ACTIONS = [
  complex("InsertOptionValueResponse", [["NewOptionValue", "Edm.Int32", required]]),
  `<Action Name="InsertOptionValue">${parameters([
    ["Color", "Edm.String", text],
    ["OptionSetName", "Edm.String", text],
    ["AttributeLogicalName", "Edm.String", text],
    ["ExternalValue", "Edm.String", text],
    ["EntityLogicalName", "Edm.String", text],
    ["IsHidden", "Edm.Boolean"],
    ["Value", "Edm.Int32"],
    ["Label", `${NS}.Label`],
    ["Description", `${NS}.Label`],
    ["ParentValues", "Collection(Edm.Int32)", required],
    ["SolutionUniqueName", "Edm.String", text],
  ])}<ReturnType Type="${NS}.InsertOptionValueResponse" Nullable="false"/></Action>`,
  `<Action Name="UpdateOptionValue">${parameters([
    ["Color", "Edm.String", text],
    ["OptionSetName", "Edm.String", text],
    ["AttributeLogicalName", "Edm.String", text],
    ["ExternalValue", "Edm.String", text],
    ["EntityLogicalName", "Edm.String", text],
    ["IsHidden", "Edm.Boolean"],
    ["Value", "Edm.Int32", required],
    ["Label", `${NS}.Label`],
    ["Description", `${NS}.Label`],
    ["MergeLabels", "Edm.Boolean", required],
    ["ParentValues", "Collection(Edm.Int32)", required],
    ["SolutionUniqueName", "Edm.String", text],
  ])}</Action>`,
];

// The part of the metadata model the sandbox serves under EntityDefinitions (see dataverse-metadata.ts).
const METADATA_MODEL = [
  `<EnumType Name="AttributeRequiredLevel"><Member Name="None" Value="0"/><Member Name="SystemRequired" Value="1"/><Member Name="ApplicationRequired" Value="2"/><Member Name="Recommended" Value="3"/></EnumType>`,
  complex("AttributeRequiredLevelManagedProperty", [
    ["Value", `${NS}.AttributeRequiredLevel`, required],
    ["CanBeChanged", "Edm.Boolean", required],
    ["ManagedPropertyLogicalName", "Edm.String"],
  ]),
  complex("DateTimeBehavior", [["Value", "Edm.String"]]),
  complex("OptionMetadata", [
    ["Value", "Edm.Int32"],
    ["Label", `${NS}.Label`],
    ["Description", `${NS}.Label`],
    ["Color", "Edm.String"],
    ["IsManaged", "Edm.Boolean"],
    ["ExternalValue", "Edm.String"],
    ["MetadataId", "Edm.Guid"],
    ["HasChanged", "Edm.Boolean"],
  ]),
  `<EntityType Name="MetadataBase" Abstract="true"><Key><PropertyRef Name="MetadataId"/></Key>${properties([
    ["MetadataId", "Edm.Guid", required],
    ["HasChanged", "Edm.Boolean"],
  ])}</EntityType>`,
  entity("OptionSetMetadata", "MetadataBase", [
    ["Name", "Edm.String"],
    ["IsGlobal", "Edm.Boolean"],
    ["OptionSetType", "Edm.String"],
    ["Options", `Collection(${NS}.OptionMetadata)`],
  ]),
  entity(
    "EntityMetadata",
    "MetadataBase",
    [
      ["LogicalName", "Edm.String"],
      ["EntitySetName", "Edm.String"],
      ["PrimaryIdAttribute", "Edm.String"],
      ["PrimaryNameAttribute", "Edm.String"],
      ["ChangeTrackingEnabled", "Edm.Boolean"],
      ["IsOptimisticConcurrencyEnabled", "Edm.Boolean"],
    ],
    nav("Attributes", `Collection(${NS}.AttributeMetadata)`),
  ),
  entity("AttributeMetadata", "MetadataBase", [
    ["LogicalName", "Edm.String"],
    ["AttributeType", "Edm.String"],
    ["RequiredLevel", `${NS}.AttributeRequiredLevelManagedProperty`],
    ["IsValidForCreate", "Edm.Boolean"],
    ["IsValidForUpdate", "Edm.Boolean"],
  ]),
  entity("StringAttributeMetadata", "AttributeMetadata", [["MaxLength", "Edm.Int32"]]),
  entity("MemoAttributeMetadata", "AttributeMetadata", [["MaxLength", "Edm.Int32"]]),
  entity("LookupAttributeMetadata", "AttributeMetadata", [["Targets", "Collection(Edm.String)"]]),
  entity("DateTimeAttributeMetadata", "AttributeMetadata", [["DateTimeBehavior", `${NS}.DateTimeBehavior`]]),
  entity(
    "EnumAttributeMetadata",
    "AttributeMetadata",
    [["DefaultFormValue", "Edm.Int32"]],
    nav("OptionSet", `${NS}.OptionSetMetadata`),
    ` Abstract="true"`,
  ),
  entity("PicklistAttributeMetadata", "EnumAttributeMetadata", []),
  entity("StateAttributeMetadata", "EnumAttributeMetadata", []),
  entity("StatusAttributeMetadata", "EnumAttributeMetadata", []),
];

export const DATAVERSE_OPERATIONS = {
  schema: [...LABELS, ...FUNCTIONS, ...OPTION_ACTIONS, ...METADATA_MODEL],
  containerChildren: [
    `<EntitySet Name="EntityDefinitions" EntityType="${NS}.EntityMetadata"/>`,
    `<FunctionImport Name="WhoAmI" Function="${NS}.WhoAmI"/>`,
    `<FunctionImport Name="RetrieveTotalRecordCount" Function="${NS}.RetrieveTotalRecordCount"/>`,
    `<ActionImport Name="InsertOptionValue" Action="${NS}.InsertOptionValue"/>`,
    `<ActionImport Name="UpdateOptionValue" Action="${NS}.UpdateOptionValue"/>`,
  ],
};
