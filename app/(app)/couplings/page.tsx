import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { hasRole } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/page-guard";
import { isAppError } from "@/lib/errors";
import { ConnectorError } from "@/lib/connectors/odata/connector-error";
import { listCouplings } from "@/lib/services/couplings/list-couplings";
import { listUncoupled } from "@/lib/services/couplings/list-uncoupled";
import { listMappings } from "@/lib/services/sync/list-mappings";
import { PageHeader } from "@/components/app-shell/page-header";
import { CouplingsTable } from "@/components/couplings/couplings-table";
import { UncoupledTable } from "@/components/couplings/uncoupled-table";
import { RecordOperationsForm } from "@/components/sync/record-operations-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input, NativeSelect } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

export const metadata: Metadata = { title: "Couplings" };
export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;
const KEYS = ["mapping", "state", "q", "sort", "order", "page"] as const;

export default async function CouplingsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePageUser("viewer", "/couplings");
  const { db } = await getDb();
  const ctx = { db, actor: user };
  const admin = hasRole(user.role, "admin");
  const search = await searchParams;
  const mappings = (await listMappings({ ctx }))?.mappings.filter((m) => !m.parent).map((m) => m.name) ?? [];
  const params: Record<string, string> = Object.fromEntries(
    KEYS.flatMap((k) => (typeof search[k] === "string" && search[k] ? [[k, search[k] as string]] : [])),
  );
  params.mapping ??= mappings.includes("CUSTOMER") ? "CUSTOMER" : (mappings[0] ?? "");
  const uncoupledSide = params.state === "uncoupled-erp" ? "erp" : params.state === "uncoupled-crm" ? "crm" : null;
  let list: Awaited<ReturnType<typeof listCouplings>> | null = null;
  let uncoupled: Awaited<ReturnType<typeof listUncoupled>> | null = null;
  let problem: string | null = null;
  if (params.mapping)
    try {
      if (uncoupledSide)
        uncoupled = await listUncoupled({ ctx, input: { mapping: params.mapping, side: uncoupledSide, q: params.q } });
      else list = await listCouplings({ ctx, input: params });
    } catch (error) {
      // A bad filter, or a connected system that cannot be read right now: said on the page, not a crash.
      if (!isAppError(error) && !(error instanceof ConnectorError)) throw error;
      problem = error.message;
    }
  return (
    <>
      <PageHeader
        title="Couplings"
        description="Which ERP record is coupled to which CRM record, per mapping: synchronize one now, uncouple it, or restore one that was skipped."
      />
      <div className="flex flex-col gap-6">
        <Card>
          <CardContent className="flex flex-col gap-4 pt-6">
            <form method="get" className="grid grid-cols-2 gap-3 md:grid-cols-5" aria-label="Filter couplings">
              <div className="flex flex-col gap-1">
                <Label htmlFor="couplings-mapping">Mapping</Label>
                <NativeSelect id="couplings-mapping" name="mapping" defaultValue={params.mapping}>
                  {mappings.map((m) => (
                    <option key={m}>{m}</option>
                  ))}
                </NativeSelect>
              </div>
              <div className="flex flex-col gap-1">
                <Label htmlFor="couplings-state">Show</Label>
                <NativeSelect id="couplings-state" name="state" defaultValue={params.state ?? "all"}>
                  <option value="all">All coupled</option>
                  <option value="failed">Failed</option>
                  <option value="skipped">Skipped</option>
                  <option value="uncoupled-erp">Not coupled in Business Central</option>
                  <option value="uncoupled-crm">Not coupled in Dynamics 365 Sales</option>
                </NativeSelect>
              </div>
              <div className="flex flex-col gap-1">
                <Label htmlFor="couplings-q">Id starts with (not coupled: name contains)</Label>
                <Input id="couplings-q" name="q" defaultValue={params.q} autoComplete="off" />
              </div>
              <div className="flex items-end gap-2">
                <Button type="submit">Filter</Button>
                <Link href="/couplings" className="pb-2 text-sm underline">
                  Clear
                </Link>
              </div>
            </form>
            {problem && <Alert>{problem}</Alert>}
            {!params.mapping && <p className="text-sm text-muted-foreground">No mapping is published yet.</p>}
            {uncoupled && uncoupledSide && (
              <UncoupledTable
                mapping={params.mapping}
                side={uncoupledSide}
                records={uncoupled.records}
                more={uncoupled.more}
                canAct={admin}
              />
            )}
            {list && (
              <CouplingsTable
                mapping={list.query.mapping}
                rows={list.rows}
                canAct={admin}
                tableState={{
                  params,
                  sort: list.query.sort,
                  order: list.query.order,
                  page: list.query.page,
                  pageSize: list.query.pageSize,
                  total: list.total,
                }}
              />
            )}
          </CardContent>
        </Card>
        {admin && mappings.length > 0 && (
          <Card>
            <CardHeader>
              <CardTitle>Records by id</CardTitle>
              <CardDescription>
                Set up a coupling, create a record in the other system, or couple by matching, for records you name.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <RecordOperationsForm mappings={mappings} />
            </CardContent>
          </Card>
        )}
      </div>
    </>
  );
}
