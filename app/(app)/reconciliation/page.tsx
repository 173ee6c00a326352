import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { requirePageUser } from "@/lib/auth/page-guard";
import { hasRole } from "@/lib/auth/roles";
import { carries } from "@/lib/mapping/model/direction";
import { loadPublishedConfig } from "@/lib/integration/published-config";
import { listReconciliations } from "@/lib/services/reconciliation/reconciliation-verbs";
import { PageHeader } from "@/components/app-shell/page-header";
import { AutoRefresh } from "@/components/app-shell/auto-refresh";
import { formatTime } from "@/components/jobs/counters";
import { ReconcileButtons, SynchronizeDrifted } from "@/components/reconciliation/reconciliation-controls";
import { ReportFigures, ReportSamples } from "@/components/reconciliation/reconciliation-report";
import { JobStatusBadge } from "@/components/sync/job-status-badge";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { NativeSelect } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Progress } from "@/components/ui/progress";

export const metadata: Metadata = { title: "Reconciliation" };
export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;
const DIRECTION_LABELS: Record<string, string> = { "erp-to-crm": "ERP values → CRM", "crm-to-erp": "CRM values → ERP" };

export default async function ReconciliationPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePageUser("viewer", "/reconciliation");
  const { db } = await getDb();
  const ctx = { db, actor: user };
  const admin = hasRole(user.role, "admin");
  const published = await loadPublishedConfig(db).catch(() => null);
  const mappings = published?.config.mappings.filter((m) => !m.parent) ?? [];
  const asked = (await searchParams).mapping;
  const mapping =
    mappings.find((m) => m.name === asked) ?? mappings.find((m) => m.name === "CUSTOMER") ?? mappings[0] ?? null;
  const runs = mapping ? await listReconciliations({ ctx, mapping: mapping.name }) : [];
  const latest = runs[0] ?? null;
  const running = latest && !latest.finishedAt ? latest : null;
  const directions = mapping
    ? (["erp-to-crm", "crm-to-erp"] as const).filter((f) => carries(mapping.direction, f))
    : [];
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Reconciliation"
        description="Proof that both systems agree: reads each side within the mapping's filters and compares every coupled pair's mapped values. It changes nothing unless you synchronize."
      />
      <AutoRefresh active={running !== null} everyMs={1500} />
      {!mapping ? (
        <p className="text-sm">No mapping is published yet.</p>
      ) : (
        <Card>
          <CardContent className="flex flex-wrap items-end gap-4 pt-6">
            <form method="get" className="flex items-end gap-2" aria-label="Pick a mapping">
              <div className="flex flex-col gap-1">
                <Label htmlFor="reconcile-mapping">Mapping</Label>
                <NativeSelect id="reconcile-mapping" name="mapping" defaultValue={mapping.name}>
                  {mappings.map((m) => (
                    <option key={m.name}>{m.name}</option>
                  ))}
                </NativeSelect>
              </div>
              <Button type="submit" variant="outline">
                Show
              </Button>
            </form>
            {admin && <ReconcileButtons mapping={mapping.name} runningId={running?.id ?? null} />}
          </CardContent>
        </Card>
      )}
      {latest && (
        <Card aria-label="Latest reconciliation">
          <CardHeader>
            <CardTitle className="flex items-center gap-2">
              {latest.mappingName} <JobStatusBadge status={latest.status} />
            </CardTitle>
            <CardDescription>
              Started {formatTime(latest.startedAt ?? latest.createdAt)}
              {latest.finishedAt ? `, finished ${formatTime(latest.finishedAt)}` : ""} · read{" "}
              {latest.readErp.toLocaleString("en-US")} ERP and {latest.readCrm.toLocaleString("en-US")} CRM records
            </CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            {running && (
              <Progress
                value={latest.readErp + latest.readCrm}
                max={latest.expected}
                label="Records read by the reconciliation"
              />
            )}
            {latest.message && <Alert tone={latest.status === "failed" ? "error" : "info"}>{latest.message}</Alert>}
            {latest.report && <ReportFigures report={latest.report} mapping={latest.mappingName} />}
            {latest.report?.synchronized && (
              <Alert tone="success">
                {latest.report.synchronized.by} synchronized {latest.report.synchronized.pairs} drifted pair(s),{" "}
                {DIRECTION_LABELS[latest.report.synchronized.direction] ?? latest.report.synchronized.direction}, at{" "}
                {formatTime(latest.report.synchronized.at)}
                {latest.report.synchronized.jobIds.map((id, i) => (
                  <span key={id}>
                    {i === 0 ? " (" : ", "}
                    <Link className="underline" href={`/jobs/${id}`}>
                      job
                    </Link>
                    {i === latest.report!.synchronized!.jobIds.length - 1 ? ")" : ""}
                  </span>
                ))}
                . Reconcile again to confirm.
              </Alert>
            )}
            {admin && latest.report && latest.report.drifted > 0 && !latest.report.synchronized && (
              <SynchronizeDrifted id={latest.id} directions={directions} />
            )}
            {latest.report && <ReportSamples report={latest.report} />}
          </CardContent>
        </Card>
      )}
      {runs.length > 1 && (
        <Card>
          <CardHeader>
            <CardTitle>Earlier reconciliations</CardTitle>
          </CardHeader>
          <CardContent>
            <ul className="flex flex-col gap-1 text-sm">
              {runs.slice(1).map((r) => (
                <li key={r.id} className="flex items-center gap-2">
                  <JobStatusBadge status={r.status} /> {formatTime(r.createdAt)}
                  {r.report &&
                    ` · ${r.report.drifted} drifted, ${r.report.vanished} vanished, ${r.report.uncoupledErp + r.report.uncoupledCrm} uncoupled`}
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      )}
    </div>
  );
}
