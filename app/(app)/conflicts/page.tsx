import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { hasRole } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/page-guard";
import { listOpenConflicts } from "@/lib/services/couplings/list-conflicts";
import { PageHeader } from "@/components/app-shell/page-header";
import { ConflictList } from "@/components/couplings/conflict-list";
import { Card, CardContent } from "@/components/ui/card";

export const metadata: Metadata = { title: "Conflicts" };
export const dynamic = "force-dynamic";

export default async function ConflictsPage() {
  const user = await requirePageUser("viewer", "/conflicts");
  const { db } = await getDb();
  const conflicts = await listOpenConflicts({ ctx: { db, actor: user } });
  return (
    <>
      <PageHeader
        title="Conflicts"
        description="Records a mapping with the queue policy parked because both sides changed: nothing was written until you decide."
      />
      <Card>
        <CardContent className="pt-6">
          <ConflictList conflicts={conflicts} canDecide={hasRole(user.role, "admin")} />
        </CardContent>
      </Card>
    </>
  );
}
