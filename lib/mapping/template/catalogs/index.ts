import { SchemaCatalogSchema, type SchemaCatalog } from "../../model/catalog";
import { CRM_CATALOG } from "./crm-catalog";
import { ERP_CATALOG } from "./erp-catalog";

/** The static catalogs, parsed once: what the template validates against offline. */
export const STATIC_CATALOGS: { erp: SchemaCatalog; crm: SchemaCatalog } = {
  erp: SchemaCatalogSchema.parse(ERP_CATALOG),
  crm: SchemaCatalogSchema.parse(CRM_CATALOG),
};
