"use server";
import { revalidatePath } from "next/cache";
import { getDesigner } from "@/lib/services/designer/get-designer";
import { getVersionDiff, listVersions } from "@/lib/services/designer/list-versions";
import { previewPublish } from "@/lib/services/designer/preview-publish";
import { previewRecord } from "@/lib/services/designer/preview-record";
import { publishDraft } from "@/lib/services/designer/publish-draft";
import { rollbackVersion } from "@/lib/services/designer/rollback-version";
import { saveDraft } from "@/lib/services/designer/save-draft";
import { searchRecords } from "@/lib/services/designer/search-records";
import { defineAction } from "./define-action";

const published = <T>(value: T): T => {
  revalidatePath("/mappings");
  return value;
};

export const loadDesignerAction = defineAction("viewer", (ctx) => getDesigner({ ctx }));
export const saveDraftAction = defineAction("consultant", (ctx, input) => saveDraft({ ctx, input }));
export const previewPublishAction = defineAction("consultant", (ctx, input) => previewPublish({ ctx, input }));
export const publishDraftAction = defineAction("consultant", async (ctx, input) =>
  published(await publishDraft({ ctx, input })),
);
export const listVersionsAction = defineAction("viewer", (ctx) => listVersions({ ctx }));
export const versionDiffAction = defineAction("viewer", (ctx, input) => getVersionDiff({ ctx, input }));
export const rollbackVersionAction = defineAction("consultant", async (ctx, input) =>
  published(await rollbackVersion({ ctx, input })),
);
export const searchRecordsAction = defineAction("consultant", (ctx, input) => searchRecords({ ctx, input }));
export const previewRecordAction = defineAction("consultant", (ctx, input) => previewRecord({ ctx, input }));
