import type { CatalogEntity } from "@/lib/mapping/model/catalog";
import type { ConnectorRecord, WriteOperation, WriteResult } from "../connector";
import { ConnectorError } from "../odata/connector-error";
import type { ODataClient } from "../odata/odata-client";

type Options = {
  OptionSet?: {
    Options: {
      Value: number;
      Label: { UserLocalizedLabel?: { Label: string }; LocalizedLabels?: { Label: string }[] };
    }[];
  };
};

const parts = (entity: CatalogEntity) => {
  const [table, column] = entity.name.split(".");
  return { table: table!, column: column! };
};

/** The options of a choice column as records (id = the option value), for option mappings like PAYMENT TERMS. */
export async function readOptionRecords(client: ODataClient, entity: CatalogEntity): Promise<ConnectorRecord[]> {
  const { table, column } = parts(entity);
  const attribute = await client.json<Options>(
    `EntityDefinitions(LogicalName='${table}')/Attributes(LogicalName='${column}')/Microsoft.Dynamics.CRM.PicklistAttributeMetadata?$select=LogicalName&$expand=OptionSet($select=Options)`,
  );
  return (attribute.OptionSet?.Options ?? []).map((option) => ({
    id: String(option.Value),
    modifiedOn: null,
    etag: null,
    modifiedBy: null,
    values: {
      value: option.Value,
      label: option.Label.UserLocalizedLabel?.Label ?? option.Label.LocalizedLabels?.[0]?.Label ?? "",
    },
  }));
}

/** Creating an option is InsertOptionValue; renaming one is UpdateOptionValue; options are never deleted here. */
export async function writeOptionRecord(
  client: ODataClient,
  entity: CatalogEntity,
  operation: WriteOperation,
): Promise<WriteResult> {
  const { table, column } = parts(entity);
  const label = String(operation.values?.label ?? "");
  const Label = { LocalizedLabels: [{ Label: label, LanguageCode: 1033 }] };
  try {
    if (operation.kind === "create") {
      const body = {
        EntityLogicalName: table,
        AttributeLogicalName: column,
        Label,
        ...(operation.values?.value !== undefined ? { Value: operation.values.value } : {}),
      };
      const result = await client.json<{ NewOptionValue: number }>("InsertOptionValue", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      return { ok: true, ref: operation.ref, id: String(result.NewOptionValue), modifiedOn: null, etag: null };
    }
    if (operation.kind === "update" || operation.kind === "upsert") {
      await client.send("UpdateOptionValue", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          EntityLogicalName: table,
          AttributeLogicalName: column,
          Value: Number(operation.id),
          Label,
          MergeLabels: true,
        }),
      });
      return { ok: true, ref: operation.ref, id: String(operation.id), modifiedOn: null, etag: null };
    }
    throw new ConnectorError("UNSUPPORTED", "Options of a choice column are not deleted by the integration");
  } catch (error) {
    if (!(error instanceof ConnectorError) || (error.status ?? 500) >= 500) throw error;
    return {
      ok: false,
      ref: operation.ref,
      id: operation.id,
      error: { code: error.code, status: error.status, serviceCode: error.details.serviceCode, message: error.message },
    };
  }
}
