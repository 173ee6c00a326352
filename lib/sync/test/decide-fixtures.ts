import type { ConnectorRecord } from "@/lib/connectors/connector";
import { TableMappingSchema, type TableMapping, type TableMappingInput } from "@/lib/mapping/model/table-mapping";
import type { CouplingState } from "../model/coupling-state";
import type { LookupResolver } from "../decide/lookup-outcome";
import { CUSTOMER_SIDES } from "./simple-mappings";

/** A small bidirectional customers ↔ accounts mapping for decision tests. */
export function customerMapping(overrides: Partial<TableMappingInput> = {}): TableMapping {
  return TableMappingSchema.parse({
    ...CUSTOMER_SIDES,
    direction: "bidirectional",
    syncOnlyCoupled: false,
    fields: [
      { erp: "displayName", crm: "name", direction: "bidirectional" },
      { erp: "creditLimit", crm: "creditlimit", direction: "erp-to-crm" },
      { erp: "phoneNumber", crm: "telephone1", direction: "crm-to-erp" },
    ],
    ...overrides,
  });
}

export function record(
  id: string,
  modifiedOn: string | null,
  values: Record<string, unknown>,
  modifiedBy: string | null = null,
): ConnectorRecord {
  return { id, modifiedOn, etag: modifiedOn ? `W/"${modifiedOn}"` : null, modifiedBy, values };
}

export function coupling(overrides: Partial<CouplingState> = {}): CouplingState {
  return {
    id: "c1",
    erpId: "e1",
    crmId: "a1",
    lastSyncedErpModifiedOn: "2026-01-01T10:00:00.000Z",
    lastSyncedCrmModifiedOn: "2026-01-01T10:00:00.000Z",
    erpEtag: null,
    crmEtag: null,
    lastResultErp: "success",
    lastResultCrm: "success",
    lastErrorErp: null,
    lastErrorCrm: null,
    skipped: false,
    ...overrides,
  };
}

/** Lookups from a fixed table: `${mapping}:${value}` → resolved value; anything else is not coupled. */
export function tableLookups(table: Record<string, unknown>): LookupResolver {
  return {
    resolve: (field, _flow, value) => {
      if (value === null || value === undefined || value === "") return { kind: "blank" };
      const key = `${field.lookup!.mapping}:${String(value)}`;
      return key in table
        ? { kind: "value", value: table[key] }
        : { kind: "not-coupled", message: `${field.lookup!.mapping} ${String(value)} is not coupled` };
    },
  };
}

export const BEFORE = "2026-01-01T09:00:00.000Z";
export const AFTER = "2026-01-01T11:00:00.000Z";
