import type { TableMappingInput } from "@/lib/mapping/model/table-mapping";
import { CUSTOMER_SIDES } from "@/lib/sync/test/simple-mappings";
import { compileMappings } from "../test/sync-harness";

/** The benchmark's mapping: generated ERP customers → CRM accounts, five fields and a default on create. */
export const BENCH_CUSTOMER: TableMappingInput = {
  ...CUSTOMER_SIDES,
  direction: "erp-to-crm",
  syncOnlyCoupled: false,
  fields: [
    { erp: "displayName", crm: "name", direction: "erp-to-crm" },
    { erp: "number", crm: "accountnumber", direction: "erp-to-crm" },
    { erp: "city", crm: "address1_city", direction: "erp-to-crm" },
    { erp: "country", crm: "address1_country", direction: "erp-to-crm" },
    { erp: "email", crm: "emailaddress1", direction: "erp-to-crm" },
  ],
  defaultsOnCreate: { crm: { customertypecode: 3 } },
};

export const benchConfig = () => compileMappings([BENCH_CUSTOMER]);

/** The raw copy's payload: the same fields, written as they are. */
export function rawAccount(values: Record<string, unknown>): Record<string, unknown> {
  return {
    name: values.displayName,
    accountnumber: values.number,
    address1_city: values.city,
    address1_country: values.country,
    emailaddress1: values.email,
    customertypecode: 3,
  };
}
