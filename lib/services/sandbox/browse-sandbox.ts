import { sql } from "drizzle-orm";
import { findEntity, type CatalogEntity } from "@/lib/mapping/model/catalog";
import { STATIC_CATALOGS } from "@/lib/mapping/template/catalogs";
import { SandboxStore, type StoredRecord } from "@/lib/sandbox/store/sandbox-store";
import { parseInput } from "@/lib/validation";
import { requireRole, type ServiceContext } from "../context";
import { BrowseSandboxInput } from "./sandbox-schemas";
import { creatableOnPage } from "./sandbox-values";

export const SANDBOX_PAGE_SIZE = 25;

/** What people call a record by: a display name when there is one, else the entity's primary name. */
export function nameFieldOf(entity: CatalogEntity): string | undefined {
  return ["displayName", "name", "fullname", "lastname", "text", "description", entity.primaryName].find(
    (name) => name && name !== entity.key && entity.fields.some((f) => f.name === name),
  );
}

export type SandboxPage = {
  system: "erp" | "crm";
  entities: { name: string; label: string }[];
  entity: CatalogEntity;
  records: StoredRecord[];
  total: number;
  page: number;
  pages: number;
  search: string;
  searchField?: string;
  /** CRM: the full names of the systemusers who last modified the records shown. */
  modifiers: Record<string, string>;
  /** Whether the page can create records of this entity (its form sets no lookups). */
  creatable: boolean;
};

/** Tables of one simulated system, one page of one entity's records, searchable by its name field. */
export async function browseSandbox(args: { ctx: ServiceContext; input: unknown }): Promise<SandboxPage> {
  const { ctx } = args;
  requireRole(ctx, "viewer");
  const input = parseInput(BrowseSandboxInput, args.input);
  const catalog = STATIC_CATALOGS[input.system];
  const tables = catalog.entities.filter((e) => e.kind === "table");
  const entity = (input.entity ? findEntity(catalog, input.entity) : undefined) ?? tables[0]!;
  const store = new SandboxStore(ctx.db, input.system);
  const searchField = nameFieldOf(entity);
  const where =
    input.search && searchField
      ? sql`lower(data ->> ${searchField}) like ${`%${input.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`
      : undefined;
  const total = await store.count(entity.name, where);
  const pages = Math.max(1, Math.ceil(total / SANDBOX_PAGE_SIZE));
  const page = Math.min(input.page, pages);
  const records = await store.query({
    entity: entity.name,
    where,
    orderBy: [{ expr: sql`modified_at`, direction: "desc" }],
    limit: SANDBOX_PAGE_SIZE,
    offset: (page - 1) * SANDBOX_PAGE_SIZE,
  });
  const modifierIds = [...new Set(records.map((r) => r.modifiedBy).filter((id): id is string => Boolean(id)))];
  const users = input.system === "crm" ? await store.getMany("systemusers", modifierIds) : [];
  return {
    system: input.system,
    entities: tables.map((e) => ({ name: e.name, label: e.label ?? e.name })),
    entity,
    records,
    total,
    page,
    pages,
    search: input.search,
    searchField,
    modifiers: Object.fromEntries(users.map((u) => [u.id, String(u.data.fullname ?? u.id)])),
    creatable: creatableOnPage(entity),
  };
}

export async function getSandboxRecord(args: {
  ctx: ServiceContext;
  system: "erp" | "crm";
  entity: string;
  id: string;
}): Promise<StoredRecord | null> {
  requireRole(args.ctx, "viewer");
  if (!/^[0-9a-f-]{36}$/i.test(args.id) || !findEntity(STATIC_CATALOGS[args.system], args.entity)) return null;
  return new SandboxStore(args.ctx.db, args.system).get(args.entity, args.id.toLowerCase());
}
