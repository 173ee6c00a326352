import { and, count, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { queryRows } from "@/db/query-rows";
import { couplings, type Coupling } from "@/db/schema";
import type { Side } from "@/lib/mapping/model/direction";
import type { CouplingState } from "../model/coupling-state";

const CHUNK = 1000;
const chunks = <T>(items: T[]): T[][] =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

export function toState(row: Coupling): CouplingState {
  const iso = (value: Date | null) => (value ? value.toISOString() : null);
  return {
    id: row.id,
    erpId: row.erpId,
    crmId: row.crmId,
    lastSyncedErpModifiedOn: iso(row.lastSyncedErpModifiedOn),
    lastSyncedCrmModifiedOn: iso(row.lastSyncedCrmModifiedOn),
    erpEtag: row.erpEtag,
    crmEtag: row.crmEtag,
    lastResultErp: row.lastResultErp,
    lastResultCrm: row.lastResultCrm,
    lastErrorErp: row.lastErrorErp,
    lastErrorCrm: row.lastErrorCrm,
    skipped: row.skipped,
    pendingCrmChange: row.pendingCrmChange,
  };
}

/** Couplings of a mapping by the id on one side, keyed by that id in lower case. */
export async function couplingsByIds(
  db: DbOrTx,
  pairId: string,
  mappingName: string,
  side: Side,
  ids: string[],
): Promise<Map<string, CouplingState>> {
  const found = new Map<string, CouplingState>();
  const column = side === "erp" ? couplings.erpId : couplings.crmId;
  const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
  for (const part of chunks(unique)) {
    // One JSON parameter instead of a thousand bound ids: much cheaper to build and send.
    const ids = sql`(select jsonb_array_elements_text(${JSON.stringify(part)}::jsonb))`;
    const rows = await db
      .select()
      .from(couplings)
      .where(and(eq(couplings.pairId, pairId), eq(couplings.mappingName, mappingName), inArray(column, ids)));
    for (const row of rows) found.set((side === "erp" ? row.erpId : row.crmId).toLowerCase(), toState(row));
  }
  return found;
}

/** Retry-first candidates (§4.2): not skipped, and the last pass into `into` failed. */
export async function failedCouplings(
  db: DbOrTx,
  pairId: string,
  mappingName: string,
  into: Side,
): Promise<CouplingState[]> {
  const result = into === "erp" ? couplings.lastResultErp : couplings.lastResultCrm;
  const rows = await db
    .select()
    .from(couplings)
    .where(
      and(
        eq(couplings.pairId, pairId),
        eq(couplings.mappingName, mappingName),
        eq(couplings.skipped, false),
        eq(result, "failure"),
      ),
    );
  return rows.map(toState);
}

export async function countCouplings(db: DbOrTx, pairId: string, mappingName: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(couplings)
    .where(and(eq(couplings.pairId, pairId), eq(couplings.mappingName, mappingName)));
  return row?.n ?? 0;
}

export type NewCoupling = {
  mappingName: string;
  erpId: string;
  crmId: string;
  erpModifiedOn: string | null;
  crmModifiedOn: string | null;
  erpEtag?: string | null;
  crmEtag?: string | null;
  /** The side the pass wrote into, marked successful with the job. */
  into?: Side;
  jobId?: string | null;
};

/**
 * Inserts couplings; one that would couple an already coupled id is left out. Returns ERP id (lower case) → coupling
 * id. Rows travel as one JSON parameter per thousand: a statement with thousands of bound values is slow to build.
 */
export async function insertCouplings(db: DbOrTx, pairId: string, rows: NewCoupling[]): Promise<Map<string, string>> {
  const inserted = new Map<string, string>();
  for (const part of chunks(rows)) {
    const json = JSON.stringify(
      part.map((row) => ({
        mapping_name: row.mappingName,
        erp_id: row.erpId,
        crm_id: row.crmId,
        erp_on: row.erpModifiedOn ?? null,
        crm_on: row.crmModifiedOn ?? null,
        erp_etag: row.erpEtag ?? null,
        crm_etag: row.crmEtag ?? null,
        result_erp: row.into === "erp" ? "success" : null,
        result_crm: row.into === "crm" ? "success" : null,
        job_erp: row.into === "erp" ? (row.jobId ?? null) : null,
        job_crm: row.into === "crm" ? (row.jobId ?? null) : null,
      })),
    );
    const returned = await queryRows<{ id: string; erp_id: string }>(
      db,
      sql`insert into couplings (pair_id, mapping_name, erp_id, crm_id, last_synced_erp_modified_on, last_synced_crm_modified_on, erp_etag, crm_etag, last_result_erp, last_result_crm, last_job_id_erp, last_job_id_crm)
          select ${pairId}::uuid, mapping_name, erp_id, crm_id, erp_on, crm_on, erp_etag, crm_etag, result_erp::sync_result, result_crm::sync_result, job_erp, job_crm
          from jsonb_to_recordset(${json}::jsonb) as r(mapping_name text, erp_id text, crm_id text, erp_on timestamptz, crm_on timestamptz, erp_etag text, crm_etag text, result_erp text, result_crm text, job_erp uuid, job_crm uuid)
          on conflict do nothing
          returning id, erp_id`,
    );
    for (const row of returned) inserted.set(row.erp_id.toLowerCase(), row.id);
  }
  return inserted;
}

/**
 * What one pass learned about a coupling. Timestamps only move forward; a result into a side sets (success) or
 * replaces (failure) that side's last error; `skip` marks the coupling skipped; `crmId`/`erpId` re-couple it.
 */
export type CouplingUpdate = {
  id: string;
  erpModifiedOn?: string | null;
  crmModifiedOn?: string | null;
  erpEtag?: string | null;
  crmEtag?: string | null;
  into?: Side;
  result?: "success" | "failure";
  error?: string | null;
  jobId?: string | null;
  skip?: boolean;
  erpId?: string;
  crmId?: string;
  /** Sets or clears CouplingState.pendingCrmChange; absent leaves it. */
  pendingCrm?: boolean;
};

export async function updateCouplings(db: DbOrTx, updates: CouplingUpdate[]): Promise<void> {
  for (const part of chunks(updates)) {
    const json = JSON.stringify(
      part.map((u) => ({
        id: u.id,
        erp_on: u.erpModifiedOn ?? null,
        crm_on: u.crmModifiedOn ?? null,
        erp_etag: u.erpEtag ?? null,
        crm_etag: u.crmEtag ?? null,
        result_erp: u.into === "erp" ? (u.result ?? null) : null,
        result_crm: u.into === "crm" ? (u.result ?? null) : null,
        error: u.error ?? null,
        job_id: u.jobId ?? null,
        skip: u.skip ?? false,
        erp_id: u.erpId ?? null,
        crm_id: u.crmId ?? null,
        pending_crm: u.pendingCrm ?? null,
      })),
    );
    await queryRows(
      db,
      sql`update couplings c set
        last_synced_erp_modified_on = greatest(c.last_synced_erp_modified_on, v.erp_on),
        last_synced_crm_modified_on = greatest(c.last_synced_crm_modified_on, v.crm_on),
        erp_etag = coalesce(v.erp_etag, c.erp_etag),
        crm_etag = coalesce(v.crm_etag, c.crm_etag),
        last_result_erp = coalesce(v.result_erp::sync_result, c.last_result_erp),
        last_result_crm = coalesce(v.result_crm::sync_result, c.last_result_crm),
        last_error_erp = case when v.result_erp is null then c.last_error_erp else v.error end,
        last_error_crm = case when v.result_crm is null then c.last_error_crm else v.error end,
        last_job_id_erp = case when v.result_erp is null then c.last_job_id_erp else coalesce(v.job_id, c.last_job_id_erp) end,
        last_job_id_crm = case when v.result_crm is null then c.last_job_id_crm else coalesce(v.job_id, c.last_job_id_crm) end,
        skipped = c.skipped or v.skip,
        erp_id = coalesce(v.erp_id, c.erp_id),
        crm_id = coalesce(v.crm_id, c.crm_id),
        pending_crm_change = coalesce(v.pending_crm, c.pending_crm_change),
        updated_at = now()
      from jsonb_to_recordset(${json}::jsonb) as v(id uuid, erp_on timestamptz, crm_on timestamptz, erp_etag text, crm_etag text, result_erp text, result_crm text, error text, job_id uuid, skip boolean, erp_id text, crm_id text, pending_crm boolean)
      where c.id = v.id`,
    );
  }
}

export async function deleteCouplings(db: DbOrTx, ids: string[]): Promise<void> {
  for (const part of chunks(ids)) await db.delete(couplings).where(inArray(couplings.id, part));
}
