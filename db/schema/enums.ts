import { pgEnum } from "drizzle-orm/pg-core";

export const ROLES = ["viewer", "consultant", "admin"] as const;
export type Role = (typeof ROLES)[number];
export const userRole = pgEnum("user_role", ROLES);

export const SYSTEMS = ["erp", "crm"] as const;
export type SystemSide = (typeof SYSTEMS)[number];
export const systemSide = pgEnum("system_side", SYSTEMS);

export const connectionKind = pgEnum("connection_kind", ["sandbox", "real"]);

/** A job runs one pass, so it never has the value "bidirectional". */
export const SYNC_DIRECTIONS = ["erp-to-crm", "crm-to-erp"] as const;
export type SyncDirection = (typeof SYNC_DIRECTIONS)[number];
export const syncDirection = pgEnum("sync_direction", SYNC_DIRECTIONS);

export const mappingVersionStatus = pgEnum("mapping_version_status", ["draft", "published"]);

export const syncResult = pgEnum("sync_result", ["success", "failure"]);

export const syncJobType = pgEnum("sync_job_type", ["synchronization", "coupling", "uncoupling"]);

/** "held": the mass-change guard stopped the run before it wrote; it waits for an admin to approve or discard it. */
export const SYNC_JOB_STATUSES = ["queued", "running", "succeeded", "failed", "aborted", "cancelled", "held"] as const;
export type SyncJobStatus = (typeof SYNC_JOB_STATUSES)[number];
export const syncJobStatus = pgEnum("sync_job_status", SYNC_JOB_STATUSES);
