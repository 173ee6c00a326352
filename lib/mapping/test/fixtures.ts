import { SchemaCatalogSchema, type SchemaCatalog, type SchemaCatalogInput } from "../model/catalog";
import type { TableMappingInput } from "../model/table-mapping";
import { TableMappingSchema, type TableMapping } from "../model/table-mapping";

/** A small catalog pair covering every field type, for rule tests. */
const erp: SchemaCatalogInput = {
  system: "erp",
  name: "test ERP",
  entities: [
    {
      name: "customers",
      key: "id",
      modifiedOn: "lastModifiedDateTime",
      fields: [
        { name: "id", type: "guid", readOnly: true },
        { name: "number", type: "string", maxLength: 20 },
        { name: "displayName", type: "string", maxLength: 100 },
        { name: "notes", type: "text" },
        { name: "creditLimit", type: "decimal" },
        {
          name: "blocked",
          type: "enum",
          options: [
            { value: "_x0020_", label: "(blank)" },
            { value: "Ship", label: "Ship" },
            { value: "All", label: "All" },
          ],
        },
        {
          name: "priority",
          type: "enum",
          options: [
            { value: "Low", label: "Low" },
            { value: "High", label: "High" },
          ],
        },
        { name: "active", type: "boolean" },
        { name: "since", type: "date" },
        { name: "currencyId", type: "lookup", lookupTargets: ["currencies"] },
        { name: "salespersonCode", type: "string", maxLength: 20 },
        { name: "picture", type: "blob" },
        { name: "lastModifiedDateTime", type: "datetime", readOnly: true },
      ],
    },
    {
      name: "currencies",
      key: "id",
      modifiedOn: "lastModifiedDateTime",
      fields: [
        { name: "id", type: "guid" },
        { name: "code", type: "string", maxLength: 10 },
        { name: "lastModifiedDateTime", type: "datetime" },
      ],
    },
    {
      name: "salespeople",
      key: "id",
      modifiedOn: "lastModifiedDateTime",
      fields: [
        { name: "id", type: "guid" },
        { name: "code", type: "string", maxLength: 20 },
        { name: "lastModifiedDateTime", type: "datetime" },
      ],
    },
  ],
};

const crm: SchemaCatalogInput = {
  system: "crm",
  name: "test CRM",
  entities: [
    {
      name: "accounts",
      key: "accountid",
      modifiedOn: "modifiedon",
      fields: [
        { name: "accountid", type: "guid" },
        { name: "accountnumber", type: "string", maxLength: 20 },
        { name: "name", type: "string", maxLength: 160 },
        { name: "description", type: "text" },
        { name: "creditlimit", type: "decimal" },
        {
          name: "prioritycode",
          type: "optionset",
          options: [
            { value: 1, label: "Low" },
            { value: 2, label: "High" },
            { value: 3, label: "Urgent" },
          ],
        },
        {
          name: "statecode",
          type: "optionset",
          options: [
            { value: 0, label: "Active" },
            { value: 1, label: "Inactive" },
          ],
        },
        { name: "donotemail", type: "boolean" },
        { name: "opendate", type: "date" },
        { name: "transactioncurrencyid", type: "lookup", lookupTargets: ["transactioncurrencies"] },
        { name: "ownerid", type: "lookup", lookupTargets: ["systemusers"] },
        { name: "fullname", type: "string", maxLength: 160, readOnly: true },
        { name: "entityimage", type: "blob" },
        { name: "modifiedon", type: "datetime", readOnly: true },
      ],
    },
    {
      name: "transactioncurrencies",
      key: "transactioncurrencyid",
      modifiedOn: "modifiedon",
      fields: [
        { name: "transactioncurrencyid", type: "guid" },
        { name: "isocurrencycode", type: "string", maxLength: 5 },
        { name: "modifiedon", type: "datetime" },
      ],
    },
    {
      name: "systemusers",
      key: "systemuserid",
      modifiedOn: "modifiedon",
      fields: [
        { name: "systemuserid", type: "guid" },
        { name: "fullname", type: "string", maxLength: 200 },
        { name: "modifiedon", type: "datetime" },
      ],
    },
  ],
};

export const TEST_CATALOGS: { erp: SchemaCatalog; crm: SchemaCatalog } = {
  erp: SchemaCatalogSchema.parse(erp),
  crm: SchemaCatalogSchema.parse(crm),
};

export const erpField = (entity: string, name: string) =>
  TEST_CATALOGS.erp.entities.find((e) => e.name === entity)!.fields.find((f) => f.name === name);
export const crmField = (entity: string, name: string) =>
  TEST_CATALOGS.crm.entities.find((e) => e.name === entity)!.fields.find((f) => f.name === name);

/** A valid CUSTOMER mapping with the CURRENCY and SALESPEOPLE it depends on; tests break one thing at a time. */
export function validMappings(): TableMapping[] {
  const input: TableMappingInput[] = [
    {
      name: "CURRENCY",
      erp: { entity: "currencies", key: "id", modifiedOn: "lastModifiedDateTime" },
      crm: { entity: "transactioncurrencies", key: "transactioncurrencyid", modifiedOn: "modifiedon" },
      direction: "erp-to-crm",
      fields: [{ erp: "code", crm: "isocurrencycode", direction: "erp-to-crm", transforms: [{ type: "truncate" }] }],
    },
    {
      name: "SALESPEOPLE",
      erp: { entity: "salespeople", key: "id", modifiedOn: "lastModifiedDateTime" },
      crm: { entity: "systemusers", key: "systemuserid", modifiedOn: "modifiedon" },
      direction: "crm-to-erp",
      fields: [{ erp: "code", crm: "fullname", direction: "crm-to-erp", transforms: [{ type: "truncate" }] }],
    },
    {
      name: "CUSTOMER",
      erp: {
        entity: "customers",
        key: "id",
        modifiedOn: "lastModifiedDateTime",
        filter: { kind: "compare", field: "blocked", op: "eq", value: "_x0020_" },
      },
      crm: {
        entity: "accounts",
        key: "accountid",
        modifiedOn: "modifiedon",
        filter: { kind: "compare", field: "statecode", op: "eq", value: 0 },
      },
      direction: "bidirectional",
      dependsOn: ["CURRENCY", "SALESPEOPLE"],
      fields: [
        {
          erp: "displayName",
          crm: "name",
          direction: "bidirectional",
          transforms: [{ type: "truncate" }],
          transformFlow: "crm-to-erp",
        },
        { erp: "creditLimit", crm: "creditlimit", direction: "erp-to-crm" },
        {
          erp: "currencyId",
          crm: "transactioncurrencyid",
          direction: "bidirectional",
          lookup: { mapping: "CURRENCY" },
        },
        {
          erp: "salespersonCode",
          crm: "ownerid",
          direction: "erp-to-crm",
          lookup: { mapping: "SALESPEOPLE", erpKey: "code" },
        },
        {
          erp: "priority",
          crm: "prioritycode",
          direction: "erp-to-crm",
          valueMap: {
            pairs: [
              ["Low", 1],
              ["High", 2],
            ],
            onMissing: "blank",
          },
        },
      ],
      match: {
        groups: [{ priority: 0, fields: [{ erp: "number", crm: "accountnumber", caseSensitive: false }] }],
        createIfNoMatch: false,
        syncAfterCoupling: false,
      },
    },
  ];
  return input.map((mapping) => TableMappingSchema.parse(mapping));
}
