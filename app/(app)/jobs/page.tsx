import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { SYNC_JOB_STATUSES } from "@/db/schema";
import { requirePageUser } from "@/lib/auth/page-guard";
import { isAppError } from "@/lib/errors";
import { JOB_OUTCOMES } from "@/lib/services/jobs/job-schemas";
import { listJobs, type JobPage } from "@/lib/services/jobs/list-jobs";
import { listMappings } from "@/lib/services/sync/list-mappings";
import { PageHeader } from "@/components/app-shell/page-header";
import { JobsTable } from "@/components/jobs/jobs-table";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Input, NativeSelect } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

export const metadata: Metadata = { title: "Jobs" };
export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;
const FILTERS = [
  ...["mapping", "direction", "status", "outcome", "trigger", "from", "to", "hour"],
  ...["sort", "order", "page", "pairId"],
] as const;

export default async function JobsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePageUser("viewer", "/jobs");
  const { db } = await getDb();
  const ctx = { db, actor: user };
  const search = await searchParams;
  const params = Object.fromEntries(
    FILTERS.flatMap((k) => (typeof search[k] === "string" && search[k] ? [[k, search[k] as string]] : [])),
  );
  let page: JobPage | null = null;
  let problem: string | null = null;
  try {
    page = await listJobs({ ctx, input: params });
  } catch (error) {
    if (!isAppError(error) || error.code !== "VALIDATION_FAILED") throw error;
    problem = error.message;
  }
  const mappings = (await listMappings({ ctx }))?.mappings.map((m) => m.name) ?? [];
  const select = (name: string, label: string, options: readonly string[]) => (
    <div className="flex flex-col gap-1">
      <Label htmlFor={`filter-${name}`}>{label}</Label>
      <NativeSelect id={`filter-${name}`} name={name} defaultValue={params[name] ?? ""}>
        <option value="">All</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
  return (
    <>
      <PageHeader
        title="Jobs"
        description="Every synchronization pass, with its counters; open one to see which records failed and why."
      />
      <Card>
        <CardContent className="flex flex-col gap-4 pt-6">
          <form
            id="job-filters"
            method="get"
            className="grid grid-cols-2 gap-3 md:grid-cols-8"
            aria-label="Filter jobs"
          >
            {select("mapping", "Mapping", mappings)}
            {select("direction", "Direction", ["erp-to-crm", "crm-to-erp"])}
            {select("status", "Status", SYNC_JOB_STATUSES)}
            {select("outcome", "Records", JOB_OUTCOMES)}
            {select("trigger", "Trigger", ["schedule", "manual", "full-sync", "sync-now", "retry", "cli"])}
            <div className="flex flex-col gap-1">
              <Label htmlFor="filter-from">From</Label>
              <Input id="filter-from" name="from" type="date" defaultValue={params.from} />
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor="filter-to">To</Label>
              <Input id="filter-to" name="to" type="date" defaultValue={params.to} />
            </div>
            <div className="flex items-end gap-2">
              <Button type="submit">Filter</Button>
              <Link href="/jobs" className="pb-2 text-sm underline">
                Clear
              </Link>
            </div>
          </form>
          {params.hour && <input type="hidden" name="hour" form="job-filters" value={params.hour} />}
          {params.hour && (
            <p className="text-sm text-muted-foreground" data-testid="hour-filter">
              Jobs started in the hour {params.hour.replace("T", " ")}:00 UTC.{" "}
              <Link href={`/jobs?${new URLSearchParams({ ...params, hour: "" }).toString()}`} className="underline">
                Any hour
              </Link>
            </p>
          )}
          {problem && <Alert>{problem}</Alert>}
          {page && (
            <JobsTable
              rows={page.rows}
              state={{
                params,
                sort: page.query.sort,
                order: page.query.order,
                page: page.query.page,
                pageSize: page.query.pageSize,
                total: page.total,
              }}
            />
          )}
        </CardContent>
      </Card>
    </>
  );
}
