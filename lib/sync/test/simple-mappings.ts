import type { TableMappingInput } from "@/lib/mapping/model/table-mapping";

/** ERP customers and CRM accounts, as the test mappings name them. */
export const CUSTOMER_SIDES = {
  name: "CUSTOMER",
  erp: { entity: "customers", key: "id", modifiedOn: "lastModifiedDateTime" },
  crm: { entity: "accounts", key: "accountid", modifiedOn: "modifiedon" },
} as const;

/** Customers ↔ accounts with two-way, one-way and create-only fields, creating uncoupled records both ways. */
export function simpleCustomer(overrides: Partial<TableMappingInput> = {}): TableMappingInput {
  return {
    ...CUSTOMER_SIDES,
    direction: "bidirectional",
    syncOnlyCoupled: false,
    fields: [
      { erp: "displayName", crm: "name", direction: "bidirectional" },
      { erp: "email", crm: "emailaddress1", direction: "bidirectional" },
      { erp: "city", crm: "address1_city", direction: "bidirectional" },
      { erp: "creditLimit", crm: "creditlimit", direction: "erp-to-crm" },
      { erp: "phoneNumber", crm: "telephone1", direction: "crm-to-erp" },
    ],
    defaultsOnCreate: { crm: { customertypecode: 3 } },
    ...overrides,
  };
}

/** Users → salespeople, coupled by e-mail; the code is made once from the user's id. */
export function simpleSalespeople(): TableMappingInput {
  return {
    name: "SALESPEOPLE",
    erp: { entity: "salespeoplePurchasers", key: "id", modifiedOn: "lastModifiedDateTime" },
    crm: { entity: "systemusers", key: "systemuserid", modifiedOn: "modifiedon" },
    direction: "crm-to-erp",
    fields: [
      { crm: "fullname", erp: "displayName", direction: "crm-to-erp" },
      { crm: "internalemailaddress", erp: "email", direction: "crm-to-erp" },
    ],
    match: {
      groups: [{ priority: 0, fields: [{ erp: "email", crm: "internalemailaddress", caseSensitive: false }] }],
      createIfNoMatch: false,
      syncAfterCoupling: false,
    },
  };
}

/** Customers → accounts whose owner is the coupled user of the customer's salesperson code. */
export function ownedCustomer(
  owner: { clearOnFailed?: boolean; notNull?: boolean } = { notNull: true },
): TableMappingInput {
  return simpleCustomer({
    direction: "erp-to-crm",
    dependsOn: ["SALESPEOPLE"],
    fields: [
      { erp: "displayName", crm: "name", direction: "erp-to-crm" },
      {
        erp: "salespersonCode",
        crm: "ownerid",
        direction: "erp-to-crm",
        lookup: { mapping: "SALESPEOPLE", erpKey: "code", ...owner },
      },
    ],
  });
}
