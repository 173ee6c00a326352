import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseMetadata, type MetadataModel } from "./test/metadata-model";
import { rawSandbox, type RawSandbox } from "./test/sandbox-client";

const CRM = "Microsoft.Dynamics.CRM";

describe("the sandboxes' $metadata", () => {
  let s: RawSandbox;
  let dataverse: MetadataModel;
  const bc = new Map<string, MetadataModel>();
  beforeAll(async () => {
    s = await rawSandbox();
    dataverse = parseMetadata(await (await s.crm("$metadata")).text());
    for (const api of ["v2.0", "tandem/integration/v1.0"])
      bc.set(api, parseMetadata(await (await s.erpRoot(`${api}/$metadata`)).text()));
  });
  afterAll(() => s?.close());

  it("should declare WhoAmI as a function returning WhoAmIResponse when Dataverse's document is read", () => {
    expect(dataverse.imports.get("WhoAmI")).toEqual([
      {
        name: `${CRM}.WhoAmI`,
        kind: "function",
        bindingType: undefined,
        parameters: [],
        returnType: `${CRM}.WhoAmIResponse`,
      },
    ]);
    expect([...dataverse.types.get(`${CRM}.WhoAmIResponse`)!.properties]).toEqual([
      ["BusinessUnitId", "Edm.Guid"],
      ["UserId", "Edm.Guid"],
      ["OrganizationId", "Edm.Guid"],
    ]);
  });

  it("should declare RetrieveTotalRecordCount with its EntityNames and its count collection", () => {
    expect(dataverse.imports.get("RetrieveTotalRecordCount")).toMatchObject([
      { kind: "function", parameters: ["EntityNames"], returnType: `${CRM}.RetrieveTotalRecordCountResponse` },
    ]);
    expect([...dataverse.types.get(`${CRM}.RetrieveTotalRecordCountResponse`)!.properties]).toEqual([
      ["EntityRecordCountCollection", `${CRM}.EntityRecordCountCollection`],
    ]);
    expect([...dataverse.types.get(`${CRM}.EntityRecordCountCollection`)!.properties]).toEqual([
      ["Count", "Edm.Int32"],
      ["IsReadOnly", "Edm.Boolean"],
      ["Keys", "Collection(Edm.String)"],
      ["Values", "Collection(Edm.Int64)"],
    ]);
  });

  it("should declare InsertOptionValue and UpdateOptionValue as actions with the Web API's parameters", () => {
    const [insert] = dataverse.imports.get("InsertOptionValue")!;
    const [update] = dataverse.imports.get("UpdateOptionValue")!;
    expect(insert).toMatchObject({ kind: "action", returnType: `${CRM}.InsertOptionValueResponse` });
    expect(insert!.parameters).toEqual([
      "Color",
      "OptionSetName",
      "AttributeLogicalName",
      "ExternalValue",
      "EntityLogicalName",
      "IsHidden",
      "Value",
      "Label",
      "Description",
      "ParentValues",
      "SolutionUniqueName",
    ]);
    expect(update).toMatchObject({ kind: "action", returnType: undefined });
    expect(update!.parameters).toEqual([
      "Color",
      "OptionSetName",
      "AttributeLogicalName",
      "ExternalValue",
      "EntityLogicalName",
      "IsHidden",
      "Value",
      "Label",
      "Description",
      "MergeLabels",
      "ParentValues",
      "SolutionUniqueName",
    ]);
    expect([...dataverse.types.get(`${CRM}.InsertOptionValueResponse`)!.properties]).toEqual([
      ["NewOptionValue", "Edm.Int32"],
    ]);
    expect([...dataverse.types.get(`${CRM}.Label`)!.properties.keys()]).toEqual([
      "LocalizedLabels",
      "UserLocalizedLabel",
    ]);
  });

  it("should declare EntityDefinitions and the attribute types a client casts to", () => {
    expect(dataverse.sets.get("EntityDefinitions")).toBe(`${CRM}.EntityMetadata`);
    expect(dataverse.types.get(`${CRM}.EntityMetadata`)!.navigation.get("Attributes")).toEqual({
      type: `Collection(${CRM}.AttributeMetadata)`,
      contains: false,
    });
    expect(dataverse.types.get(`${CRM}.PicklistAttributeMetadata`)!.base).toBe(`${CRM}.EnumAttributeMetadata`);
  });

  it("should contain every entity set in Business Central's company when each API's document is read", () => {
    for (const [api, model] of bc) {
      expect(model.sets.get("companies"), api).toBe("Microsoft.NAV.company");
      const company = model.types.get("Microsoft.NAV.company")!;
      const sets = [...model.sets.keys()].filter((name) => name !== "companies");
      expect(sets.length, api).toBeGreaterThan(3);
      for (const set of sets)
        expect(company.navigation.get(set), `${api} ${set}`).toEqual({
          type: `Collection(${model.sets.get(set)})`,
          contains: true,
        });
    }
  });

  it("should contain a sales document's lines in the document's type", () => {
    const order = bc.get("v2.0")!.types.get("Microsoft.NAV.salesOrder")!;
    expect(order.navigation.get("salesOrderLines")).toEqual({
      type: "Collection(Microsoft.NAV.salesOrderLine)",
      contains: true,
    });
  });
});
