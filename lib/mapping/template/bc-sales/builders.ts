import { findEntity } from "../../model/catalog";
import type { Side } from "../../model/direction";
import type { FilterAst } from "../../model/filter";
import type { JsonValue } from "../../model/json-value";
import type { FieldMappingInput, Lookup, MappingSide, TableMappingInput } from "../../model/table-mapping";
import type { Transform } from "../../model/transform";
import { STATIC_CATALOGS } from "../catalogs";

type Extra = Omit<FieldMappingInput, "erp" | "crm" | "direction">;

/** One side of a mapping, with key and modified-on taken from the static catalog. */
export function side(system: Side, entity: string, filter?: FilterAst): MappingSide {
  const found = findEntity(STATIC_CATALOGS[system], entity);
  if (!found) throw new Error(`template: no ${system} entity ${entity} in the static catalog`);
  return {
    entity,
    key: found.key,
    ...(found.modifiedOn ? { modifiedOn: found.modifiedOn } : {}),
    ...(filter ? { filter } : {}),
  };
}

export const both = (erp: string, crm: string, extra: Extra = {}): FieldMappingInput => ({
  erp,
  crm,
  direction: "bidirectional",
  ...extra,
});
export const toCrm = (erp: string, crm: string, extra: Extra = {}): FieldMappingInput => ({
  erp,
  crm,
  direction: "erp-to-crm",
  ...extra,
});
export const toErp = (crm: string, erp: string, extra: Extra = {}): FieldMappingInput => ({
  erp,
  crm,
  direction: "crm-to-erp",
  ...extra,
});
export const constantToCrm = (crm: string, constant: JsonValue): FieldMappingInput => ({
  crm,
  constant,
  direction: "erp-to-crm",
});
export const constantToErp = (erp: string, constant: JsonValue): FieldMappingInput => ({
  erp,
  constant,
  direction: "crm-to-erp",
});

export const via = (mapping: string, options: Omit<Lookup, "mapping"> = {}): Extra => ({
  lookup: { mapping, ...options },
});
export const transform = (transforms: Transform[], flow?: "erp-to-crm" | "crm-to-erp"): Extra => ({
  transforms,
  ...(flow ? { transformFlow: flow } : {}),
});
/** Dataverse columns are mostly longer than Business Central's: cut values on the way into the ERP. */
export const fitIntoErp = transform([{ type: "truncate" }], "crm-to-erp");
export const fitIntoCrm = transform([{ type: "truncate" }], "erp-to-crm");

/** The six address fields of customers and contacts, both ways. */
export function address1(): FieldMappingInput[] {
  return [
    both("addressLine1", "address1_line1", fitIntoErp),
    both("addressLine2", "address1_line2", fitIntoErp),
    both("postalCode", "address1_postalcode"),
    both("city", "address1_city", fitIntoErp),
    both("country", "address1_country", fitIntoErp),
    both("state", "address1_stateorprovince", fitIntoErp),
  ];
}

/** Ship-to and bill-to blocks of a sales document header, into the CRM. */
export function documentAddresses(): FieldMappingInput[] {
  return (["shipTo", "billTo"] as const).flatMap((erp) => {
    const crm = erp.toLowerCase();
    return [
      toCrm(`${erp}Name`, `${crm}_name`),
      toCrm(`${erp}AddressLine1`, `${crm}_line1`),
      toCrm(`${erp}AddressLine2`, `${crm}_line2`),
      toCrm(`${erp}City`, `${crm}_city`),
      toCrm(`${erp}Country`, `${crm}_country`),
      toCrm(`${erp}PostCode`, `${crm}_postalcode`),
      toCrm(`${erp}State`, `${crm}_stateorprovince`),
    ];
  });
}

export const EVERY_30_MINUTES = { everyMinutes: 30 } as const;

export type TemplateMapping = TableMappingInput;
