import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { hasRole } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/page-guard";
import { getFullSync, latestFullSyncId } from "@/lib/services/sync/get-full-sync";
import { PageHeader } from "@/components/app-shell/page-header";
import { FullSyncPanel } from "@/components/sync/full-sync-panel";
import { FullSyncPreview } from "@/components/sync/full-sync-preview";
import { FullSyncTable } from "@/components/sync/full-sync-table";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

export const metadata: Metadata = { title: "Full synchronization" };
export const dynamic = "force-dynamic";

export default async function FullSyncPage() {
  const user = await requirePageUser("viewer", "/full-sync");
  const { db } = await getDb();
  const ctx = { db, actor: user };
  const runId = await latestFullSyncId(ctx);
  const fullSync = runId ? await getFullSync({ ctx, input: { runId } }) : null;
  const done = fullSync?.lines.filter((l) => ["finished", "failed", "blocked"].includes(l.status)).length ?? 0;
  return (
    <>
      <PageHeader
        title="Full synchronization"
        description="Every mapping in dependency order (BC's Full Synch. Review): couple records that match, create them where one side is empty. It runs in the background: leaving this page does not stop it."
      />
      <Card>
        <CardHeader>
          <CardTitle>Review</CardTitle>
          <CardDescription>
            Preview shows what each line would do before you start; each line links to its jobs.
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <FullSyncPanel
            canRun={hasRole(user.role, "admin")}
            running={fullSync?.status === "running"}
            progress={fullSync ? { done, total: fullSync.lines.length } : null}
          />
          <FullSyncPreview />
          {fullSync ? (
            <FullSyncTable status={fullSync} />
          ) : (
            <p className="text-sm text-muted-foreground">No full synchronization has run yet: Preview, then Start.</p>
          )}
        </CardContent>
      </Card>
    </>
  );
}
