import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { requirePageUser } from "@/lib/auth/page-guard";
import { getOverview } from "@/lib/services/overview/get-overview";
import { PageHeader } from "@/components/app-shell/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

export const metadata: Metadata = { title: "Overview" };

const DRIVER_LABELS = { pglite: "PGlite (embedded)", postgres: "PostgreSQL", neon: "Neon serverless" } as const;

export default async function OverviewPage() {
  const user = await requirePageUser("viewer", "/");
  const { db, driver } = await getDb();
  const overview = await getOverview({ ctx: { db, actor: user } });
  const stats = [
    { label: "Database", value: DRIVER_LABELS[driver], hint: "Where couplings, versions and job history live" },
    ...(overview.activeUsers === null
      ? []
      : [{ label: "Active users", value: String(overview.activeUsers), hint: "Accounts that can sign in" }]),
    { label: "Connections", value: String(overview.connections), hint: "Business Central and Dataverse endpoints" },
    {
      label: "Published mapping versions",
      value: String(overview.publishedVersions),
      hint: "Runtime configs the engine can run",
    },
    {
      label: "Sync jobs, last 24 h",
      value: String(overview.jobsLast24h),
      hint: overview.failedJobsLast24h ? `${overview.failedJobsLast24h} failed` : "None failed",
    },
  ];
  return (
    <>
      <PageHeader title={`Welcome, ${user.name}`} description="The state of this Tandem installation at a glance." />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {stats.map((stat) => (
          <Card key={stat.label}>
            <CardHeader>
              <CardDescription>{stat.label}</CardDescription>
              <CardTitle className="text-2xl">{stat.value}</CardTitle>
            </CardHeader>
            <CardContent className="text-xs text-muted-foreground">{stat.hint}</CardContent>
          </Card>
        ))}
      </div>
    </>
  );
}
