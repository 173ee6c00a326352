import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { hasRole } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/page-guard";
import { getFullSync, latestFullSyncId } from "@/lib/services/sync/get-full-sync";
import { listHeldRuns } from "@/lib/services/sync/list-held-runs";
import { listMappings } from "@/lib/services/sync/list-mappings";
import { PageHeader } from "@/components/app-shell/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { FullSyncPanel } from "@/components/sync/full-sync-panel";
import { FullSyncPreview } from "@/components/sync/full-sync-preview";
import { FullSyncTable } from "@/components/sync/full-sync-table";
import { HeldRunsTable } from "@/components/sync/held-runs-table";
import { JobStatusBadge } from "@/components/sync/job-status-badge";
import { JobToolsForm } from "@/components/sync/job-tools-form";
import { MappingActions } from "@/components/sync/mapping-actions";
import { RecordOperationsForm } from "@/components/sync/record-operations-form";

export const metadata: Metadata = { title: "Synchronization" };
export const dynamic = "force-dynamic";

export default async function SyncPage() {
  const user = await requirePageUser("viewer", "/sync");
  const { db } = await getDb();
  const ctx = { db, actor: user };
  const admin = hasRole(user.role, "admin");
  const [mappings, runId, held] = await Promise.all([
    listMappings({ ctx }),
    latestFullSyncId(ctx),
    listHeldRuns({ ctx }),
  ]);
  const paused = new Set(held.map((h) => h.mappingName));
  const fullSync = runId ? await getFullSync({ ctx, input: { runId } }) : null;
  const done = fullSync?.lines.filter((l) => ["finished", "failed", "blocked"].includes(l.status)).length ?? 0;
  return (
    <>
      <PageHeader
        title="Synchronization"
        description="Run the published mappings between Business Central and Dynamics 365 Sales, and follow each job."
      />
      <div className="flex flex-col gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Full synchronization</CardTitle>
            <CardDescription>
              Every mapping in dependency order: couple records that match, create them where one side is empty. Preview
              shows what each line would do before you start.
            </CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            <FullSyncPanel
              canRun={admin}
              running={fullSync?.status === "running"}
              progress={fullSync ? { done, total: fullSync.lines.length } : null}
            />
            <FullSyncPreview />
            {fullSync ? (
              <FullSyncTable status={fullSync} />
            ) : (
              <p className="text-sm text-muted-foreground">No full synchronization has run yet.</p>
            )}
          </CardContent>
        </Card>
        {held.length > 0 && (
          <Card>
            <CardHeader>
              <CardTitle>Held runs</CardTitle>
              <CardDescription>
                The mass-change guard stopped these runs before they wrote anything, and paused their mappings&apos;
                schedules. Approve runs one once with the guard lifted; Discard writes nothing. Either resumes the
                schedule.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <HeldRunsTable runs={held} canDecide={admin} />
            </CardContent>
          </Card>
        )}
        <Card>
          <CardHeader>
            <CardTitle>Mappings{mappings ? ` (version ${mappings.versionNumber})` : ""}</CardTitle>
            <CardDescription>
              Each runs on its schedule; Run now queues one run, Dry run shows what would change.
            </CardDescription>
          </CardHeader>
          <CardContent>
            {!mappings ? (
              <p className="text-sm text-muted-foreground">No mapping version is published yet.</p>
            ) : (
              <Table aria-label="Mappings">
                <THead>
                  <Tr>
                    <Th>Mapping</Th>
                    <Th>Entities</Th>
                    <Th>Schedule</Th>
                    <Th>Last jobs</Th>
                    <Th>Actions</Th>
                  </Tr>
                </THead>
                <TBody>
                  {mappings.mappings.map((m) => (
                    <Tr key={m.name}>
                      <Td className="font-medium">{m.name}</Td>
                      <Td className="text-xs text-muted-foreground">
                        {m.erpEntity} {m.direction === "bidirectional" ? "↔" : m.direction === "erp-to-crm" ? "→" : "←"}{" "}
                        {m.crmEntity}
                      </Td>
                      <Td className="text-xs">
                        {m.parent ? `with ${m.parent}` : m.everyMinutes ? `every ${m.everyMinutes} min` : "manual"}
                        {paused.has(m.name) && " · paused: a run is held"}
                      </Td>
                      <Td>
                        {m.lastJobs.length === 0 ? (
                          <span className="text-xs text-muted-foreground">never ran</span>
                        ) : (
                          m.lastJobs.map((job) => (
                            <div
                              key={job.id}
                              className="flex items-center gap-2 text-xs"
                              title={job.message ?? undefined}
                            >
                              <JobStatusBadge status={job.status} /> {job.direction}: {job.inserted} new, {job.modified}{" "}
                              changed, {job.failed} failed
                            </div>
                          ))
                        )}
                      </Td>
                      <Td>
                        {!m.parent && (
                          <MappingActions
                            mapping={m.name}
                            canRun={admin}
                            canDryRun={hasRole(user.role, "consultant")}
                          />
                        )}
                      </Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            )}
          </CardContent>
        </Card>
        {admin && mappings && (
          <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
            <Card>
              <CardHeader>
                <CardTitle>Coupling operations</CardTitle>
                <CardDescription>Synchronize, create, couple or uncouple chosen records.</CardDescription>
              </CardHeader>
              <CardContent>
                <RecordOperationsForm mappings={mappings.mappings.map((m) => m.name)} />
              </CardContent>
            </Card>
            <Card>
              <CardHeader>
                <CardTitle>Jobs and conflicts</CardTitle>
                <CardDescription>Retry a job&apos;s errors, decide a queued conflict.</CardDescription>
              </CardHeader>
              <CardContent>
                <JobToolsForm />
              </CardContent>
            </Card>
          </div>
        )}
      </div>
    </>
  );
}
