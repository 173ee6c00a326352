import type { Side } from "@/lib/mapping/model/direction";

/** What the engine's decisions need of a coupling row (db/schema/couplings.ts), free of the database. */
export type CouplingState = {
  id: string;
  erpId: string;
  crmId: string;
  lastSyncedErpModifiedOn: string | null;
  lastSyncedCrmModifiedOn: string | null;
  /** Each side's ETag as of the last sync: tells a change apart within one second of modified-on precision. */
  erpEtag: string | null;
  crmEtag: string | null;
  /** Result of the last pass that wrote into that side. */
  lastResultErp: "success" | "failure" | null;
  lastResultCrm: "success" | "failure" | null;
  lastErrorErp: string | null;
  lastErrorCrm: string | null;
  skipped: boolean;
  /** The CRM record holds a change the ERP has not taken yet, though the integration user wrote it last. */
  pendingCrmChange?: boolean;
};

export const idOn = (coupling: CouplingState, side: Side): string => (side === "erp" ? coupling.erpId : coupling.crmId);
export const lastSyncedOn = (coupling: CouplingState, side: Side): string | null =>
  side === "erp" ? coupling.lastSyncedErpModifiedOn : coupling.lastSyncedCrmModifiedOn;
export const etagOn = (coupling: CouplingState, side: Side): string | null =>
  side === "erp" ? coupling.erpEtag : coupling.crmEtag;
export const lastResultInto = (coupling: CouplingState, side: Side) =>
  side === "erp" ? coupling.lastResultErp : coupling.lastResultCrm;
export const lastErrorInto = (coupling: CouplingState, side: Side) =>
  side === "erp" ? coupling.lastErrorErp : coupling.lastErrorCrm;
