"use client";
import { useState, useTransition } from "react";
import { activateConnectionAction, testConnectionAction } from "@/lib/actions/connections";
import type { PublicError } from "@/lib/errors";
import type { ConnectionTest } from "@/lib/services/connections/test-connection";
import type { ConnectionView } from "@/lib/services/connections/connection-view";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { AccessChecks } from "./access-checks";

const SYSTEM = { erp: "Business Central", crm: "Dynamics 365 Sales (Dataverse)" } as const;

/** Every connection of one system: which is active, where it points, Test connection and Activate for admins. */
export function ConnectionList({ rows, canAct }: { rows: ConnectionView[]; canAct: boolean }) {
  const [results, setResults] = useState<Record<string, ConnectionTest>>({});
  const [error, setError] = useState<PublicError | null>(null);
  const [pending, startTransition] = useTransition();
  const test = (id: string) =>
    startTransition(async () => {
      const result = await testConnectionAction({ id });
      if (result.ok) setResults((r) => ({ ...r, [id]: result.data }));
      setError(result.ok ? null : result.error);
    });
  const activate = (id: string) =>
    startTransition(async () => {
      const result = await activateConnectionAction({ id });
      setError(result.ok ? null : result.error);
    });
  return (
    <div className="flex flex-col gap-3">
      {error && <Alert>{error.message}</Alert>}
      {rows.map((c) => (
        <section
          key={c.id}
          aria-label={`${c.name} connection`}
          className="flex flex-col gap-2 rounded-md border border-border p-3"
        >
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{c.name}</span>
            <Badge variant="muted">{SYSTEM[c.system]}</Badge>
            {c.kind === "sandbox" && <Badge variant="muted">built-in sandbox</Badge>}
            {c.active ? <Badge variant="success">active</Badge> : <Badge variant="muted">inactive</Badge>}
          </div>
          <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1 text-xs">
            <dt className="text-muted-foreground">API</dt>
            <dd className="break-all">{c.kind === "sandbox" ? "in this app (no network)" : c.baseUrl}</dd>
            {c.kind === "real" && (
              <>
                <dt className="text-muted-foreground">Token endpoint</dt>
                <dd className="break-all">{c.tokenUrl}</dd>
                <dt className="text-muted-foreground">Client id</dt>
                <dd>{c.clientId}</dd>
                <dt className="text-muted-foreground">Client secret</dt>
                <dd>{c.secretSet ? "set" : "not set"}</dd>
              </>
            )}
            {c.system === "erp" && (
              <>
                <dt className="text-muted-foreground">Company</dt>
                <dd>{c.companyId ?? "none chosen"}</dd>
              </>
            )}
          </dl>
          {canAct && (
            <div className="flex gap-2">
              <Button size="sm" variant="outline" disabled={pending} onClick={() => test(c.id)}>
                Test connection
              </Button>
              {!c.active && (
                <Button size="sm" variant="outline" disabled={pending} onClick={() => activate(c.id)}>
                  Activate
                </Button>
              )}
            </div>
          )}
          {results[c.id] && (
            <>
              <Alert tone={results[c.id]!.ok ? "success" : "error"}>
                {results[c.id]!.ok ? "Every check passed." : "Some checks failed: see what to fix below."}
              </Alert>
              <AccessChecks checks={results[c.id]!.checks} label={`Checks of ${c.name}`} />
            </>
          )}
        </section>
      ))}
    </div>
  );
}
