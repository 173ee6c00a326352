import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { hasRole } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/page-guard";
import { listTableMappings } from "@/lib/services/mappings/list-table-mappings";
import { listHeldRuns } from "@/lib/services/sync/list-held-runs";
import { PageHeader } from "@/components/app-shell/page-header";
import { TableMappingsTable } from "@/components/mappings/table-mappings-table";
import { HeldRunsTable } from "@/components/sync/held-runs-table";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

export const metadata: Metadata = { title: "Table mappings" };
export const dynamic = "force-dynamic";

export default async function TableMappingsPage() {
  const user = await requirePageUser("viewer", "/mappings");
  const { db } = await getDb();
  const ctx = { db, actor: user };
  const admin = hasRole(user.role, "admin");
  const [mappings, held] = await Promise.all([listTableMappings({ ctx }), listHeldRuns({ ctx })]);
  return (
    <>
      <PageHeader
        title="Table mappings"
        description="The published mappings between Business Central and Dynamics 365 Sales: run one now, see what a run would change, switch its schedule, start it over."
      />
      <div className="flex flex-col gap-6">
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
              Each runs on its schedule; Run now queues one run, Dry run shows what would change record by record.
            </CardDescription>
          </CardHeader>
          <CardContent>
            {!mappings ? (
              <p className="text-sm text-muted-foreground">
                No mapping version is published yet: publish one in the Designer.
              </p>
            ) : (
              <TableMappingsTable lines={mappings.lines} canRun={admin} canDryRun={hasRole(user.role, "consultant")} />
            )}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
