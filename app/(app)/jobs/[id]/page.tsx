import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { hasRole } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/page-guard";
import { isAppError } from "@/lib/errors";
import { getJob } from "@/lib/services/jobs/get-job";
import { PageHeader } from "@/components/app-shell/page-header";
import { COUNTER_LABELS, COUNTERS, formatTime } from "@/components/jobs/counters";
import { RetryAllButton } from "@/components/jobs/job-error-actions";
import { JobErrorsPanel } from "@/components/jobs/job-errors-panel";
import { JobStatusBadge } from "@/components/sync/job-status-badge";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";

export const metadata: Metadata = { title: "Job" };
export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export default async function JobPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Search>;
}) {
  const { id } = await params;
  const user = await requirePageUser("viewer", `/jobs/${id}`);
  const { db } = await getDb();
  const search = await searchParams;
  const group = { code: one(search.code), field: one(search.field) };
  const page = one(search.page);
  const detail = await getJob({
    ctx: { db, actor: user },
    input: { jobId: id, ...group, ...(page ? { page } : {}) },
  }).catch((error: unknown) => {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "VALIDATION_FAILED")) notFound();
    throw error;
  });
  const { job } = detail;
  const canRetry = hasRole(user.role, "admin") && detail.actionable && detail.errors.total > 0;
  const stateParams = Object.fromEntries(
    Object.entries({ code: group.code, field: group.field }).filter((e): e is [string, string] => e[1] !== undefined),
  );
  return (
    <>
      <PageHeader
        title={`${job.mappingName} · ${job.direction}`}
        description={`Job ${job.id}, ${job.type} (${job.trigger}, ${job.mode}), started ${formatTime(job.startedAt ?? job.createdAt)}, finished ${formatTime(job.finishedAt)}.`}
      />
      <div className="flex flex-col gap-6">
        <Link href="/jobs" className="text-sm underline">
          ← All jobs
        </Link>
        {!detail.actionable && (
          <Alert tone="info">This job ran under connections that are no longer active: it is kept read-only.</Alert>
        )}
        <Card>
          <CardHeader>
            <CardTitle className="flex items-center gap-3">
              <JobStatusBadge status={job.status} /> Counters
            </CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            <dl className="grid grid-cols-4 gap-3 md:grid-cols-8" aria-label="Job counters">
              {COUNTERS.map((name) => (
                <div key={name} className="rounded-md border border-border p-2">
                  <dt className="text-xs text-muted-foreground">{COUNTER_LABELS[name]}</dt>
                  <dd className="text-lg font-semibold tabular-nums" data-counter={name}>
                    {job[name]}
                  </dd>
                </div>
              ))}
            </dl>
            {job.message && <Alert tone={job.status === "failed" ? "error" : "info"}>{job.message}</Alert>}
            {canRetry && <RetryAllButton jobId={job.id} />}
          </CardContent>
        </Card>
        <Card>
          <CardContent className="pt-6">
            <JobErrorsPanel
              jobId={job.id}
              mapping={job.mappingName}
              sourceSide={job.direction === "erp-to-crm" ? "erp" : "crm"}
              groups={detail.groups}
              rows={detail.errors.rows}
              group={group}
              canRetry={canRetry}
              state={{
                params: stateParams,
                page: detail.errors.query.page,
                pageSize: detail.errors.query.pageSize,
                total: detail.errors.total,
              }}
            />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
