import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { requirePageUser } from "@/lib/auth/page-guard";
import { getDashboard } from "@/lib/services/dashboard/get-dashboard";
import { PageHeader } from "@/components/app-shell/page-header";
import { AutoRefresh } from "@/components/app-shell/auto-refresh";
import { AttentionCards } from "@/components/dashboard/attention-cards";
import { ConnectionHealthCard } from "@/components/dashboard/connection-health-card";
import { HourLinks } from "@/components/dashboard/hour-links";
import { HourlyChart } from "@/components/dashboard/hourly-chart";
import { Housekeeping } from "@/components/dashboard/housekeeping";
import { MappingStates } from "@/components/dashboard/mapping-states";
import { RunningJobs } from "@/components/dashboard/running-jobs";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

export const metadata: Metadata = { title: "Overview" };
export const dynamic = "force-dynamic";

const FAILURES = "outcome=with-failures";

export default async function OverviewPage() {
  const user = await requirePageUser("viewer", "/");
  const { db } = await getDb();
  const dashboard = await getDashboard({ ctx: { db, actor: user } });
  const header = (
    <PageHeader title={`Welcome, ${user.name}`} description="The state of both systems and their sync at a glance." />
  );
  if (!dashboard)
    return (
      <>
        {header}
        <p className="text-sm">
          Nothing is synchronized yet: both systems need an active connection.{" "}
          <Link className="underline" href="/connections">
            Set up the connections
          </Link>
        </p>
      </>
    );
  return (
    <div className="flex flex-col gap-6">
      {header}
      <AutoRefresh active={dashboard.running.length > 0} />
      <div className="grid gap-4 md:grid-cols-2">
        {dashboard.connections.map((c) => (
          <ConnectionHealthCard key={c.id} connection={c} />
        ))}
      </div>
      <AttentionCards dashboard={dashboard} />
      <Card>
        <CardHeader>
          <CardTitle>Last 7 days, per hour</CardTitle>
          <CardDescription>
            {dashboard.totals.synced.toLocaleString("en-US")} records synchronized,{" "}
            {dashboard.totals.failed.toLocaleString("en-US")} failed. A bar opens the jobs of that hour.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6 lg:grid-cols-2">
          <div className="flex flex-col gap-2">
            <HourlyChart title="Records synchronized" points={dashboard.hours} value="synced" color="#2563eb" />
            <HourLinks points={dashboard.hours} value="synced" unit="synchronized" />
          </div>
          <div className="flex flex-col gap-2">
            <HourlyChart
              title="Records failed"
              points={dashboard.hours}
              value="failed"
              color="#dc2626"
              filter={FAILURES}
            />
            <HourLinks points={dashboard.hours} value="failed" unit="failed" filter={FAILURES} />
          </div>
        </CardContent>
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Mappings</CardTitle>
            <CardDescription>The newest job of each mapping and direction.</CardDescription>
          </CardHeader>
          <CardContent>
            <MappingStates mappings={dashboard.mappings} />
          </CardContent>
        </Card>
        <div className="flex flex-col gap-4">
          <Card>
            <CardHeader>
              <CardTitle>Running now</CardTitle>
            </CardHeader>
            <CardContent>
              <RunningJobs jobs={dashboard.running} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>History and notifications</CardTitle>
            </CardHeader>
            <CardContent>
              <Housekeeping dashboard={dashboard} />
            </CardContent>
          </Card>
        </div>
      </div>
    </div>
  );
}
