import type { ActionResult } from "@/lib/actions/define-action";
import type { ConfigDiff } from "@/lib/mapping/diff/config-diff";
import type { DesignerSnapshot } from "@/lib/services/designer/get-designer";
import type { VersionSummary } from "@/lib/services/designer/list-versions";
import type { PublishPreview } from "@/lib/services/designer/preview-publish";
import type { RecordPreview } from "@/lib/services/designer/preview-record";
import type { PublishedVersion } from "@/lib/services/designer/publish-draft";
import type { RolledBack } from "@/lib/services/designer/rollback-version";
import type { SavedDraft } from "@/lib/services/designer/save-draft";
import type { FoundRecord } from "@/lib/services/designer/search-records";

type Action<T> = (input?: unknown) => Promise<ActionResult<T>>;

/** What the host page gives the designer to talk to the server: the designer never imports actions itself. */
export type DesignerActions = {
  load: Action<DesignerSnapshot>;
  saveDraft: Action<SavedDraft>;
  previewPublish: Action<PublishPreview>;
  publish: Action<PublishedVersion>;
  listVersions: Action<VersionSummary[]>;
  versionDiff: Action<ConfigDiff>;
  rollback: Action<RolledBack>;
  searchRecords: Action<FoundRecord[]>;
  previewRecord: Action<RecordPreview>;
};
