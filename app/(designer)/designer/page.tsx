import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { hasRole } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/page-guard";
import { getDesigner } from "@/lib/services/designer/get-designer";
import { DesignerClient } from "@/components/designer/designer-client";
import {
  listVersionsAction,
  loadDesignerAction,
  previewPublishAction,
  previewRecordAction,
  publishDraftAction,
  rollbackVersionAction,
  saveDraftAction,
  searchRecordsAction,
  versionDiffAction,
} from "@/lib/actions/designer";

const ACTIONS = {
  load: loadDesignerAction,
  saveDraft: saveDraftAction,
  previewPublish: previewPublishAction,
  publish: publishDraftAction,
  listVersions: listVersionsAction,
  versionDiff: versionDiffAction,
  rollback: rollbackVersionAction,
  searchRecords: searchRecordsAction,
  previewRecord: previewRecordAction,
};

export const metadata: Metadata = { title: "Designer" };
export const dynamic = "force-dynamic";

export default async function DesignerPage() {
  const user = await requirePageUser("viewer", "/designer");
  const { db } = await getDb();
  const snapshot = await getDesigner({ ctx: { db, actor: user } });
  return <DesignerClient snapshot={snapshot} readOnly={!hasRole(user.role, "consultant")} actions={ACTIONS} />;
}
