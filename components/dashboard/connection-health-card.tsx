import type { ConnectionCard } from "@/lib/services/dashboard/dashboard-view";
import { formatTime } from "@/components/jobs/counters";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Progress } from "@/components/ui/progress";

const STATE = {
  healthy: { label: "Healthy", tone: "success" },
  failing: { label: "Failing", tone: "destructive" },
  unknown: { label: "No calls yet", tone: "muted" },
} as const;
const SYSTEM = { erp: "Business Central", crm: "Dataverse" } as const;

/** One connection: the outcome of its last calls and how much of the service's 5-minute budget is used. */
export function ConnectionHealthCard({ connection }: { connection: ConnectionCard }) {
  const state = STATE[connection.state];
  const { used, limit, windowMinutes } = connection.budget;
  return (
    <Card aria-label={`${SYSTEM[connection.system]} connection`} data-testid={`health-${connection.system}`}>
      <CardHeader>
        <CardDescription>
          {SYSTEM[connection.system]} · {connection.name}
        </CardDescription>
        <CardTitle className="flex items-center gap-2 text-lg">
          <Badge variant={state.tone}>{state.label}</Badge>
          {connection.throttledRecently && <Badge variant="warning">Throttled in the last hour</Badge>}
        </CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-2 text-sm">
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
          <dt className="text-muted-foreground">Last successful call</dt>
          <dd>{formatTime(connection.lastSuccessAt)}</dd>
          <dt className="text-muted-foreground">Throttling (429) seen</dt>
          <dd>{connection.lastThrottledAt ? formatTime(connection.lastThrottledAt) : "never"}</dd>
          {connection.state === "failing" && (
            <>
              <dt className="text-muted-foreground">Last failure</dt>
              <dd className="text-destructive">
                {formatTime(connection.lastFailureAt)} · {connection.lastErrorCode}: {connection.lastError}
              </dd>
            </>
          )}
        </dl>
        <div className="flex items-center gap-3">
          <Progress
            value={used}
            max={limit}
            label={`${SYSTEM[connection.system]} requests in the last ${windowMinutes} minutes`}
          />
          <span className="text-xs text-muted-foreground" data-testid={`budget-${connection.system}`}>
            {used.toLocaleString("en-US")} of {limit.toLocaleString("en-US")} requests in {windowMinutes} min
          </span>
        </div>
      </CardContent>
    </Card>
  );
}
