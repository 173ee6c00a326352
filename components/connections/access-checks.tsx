import type { AccessCheck } from "@/lib/connectors/access/access-check";
import { Badge } from "@/components/ui/badge";

const VARIANT = { ok: "success", failed: "destructive", warning: "warning", skipped: "muted" } as const;
const WORD = { ok: "passed", failed: "failed", warning: "warning", skipped: "not tried" } as const;

/** Test connection's result, one line per check, with what to fix under a failed one. */
export function AccessChecks({ checks, label }: { checks: AccessCheck[]; label: string }) {
  return (
    <ul className="flex flex-col gap-2" aria-label={label}>
      {checks.map((check, i) => (
        <li key={`${check.id}-${i}`} className="flex flex-col gap-0.5 text-sm" data-status={check.status}>
          <span className="flex items-center gap-2">
            <Badge variant={VARIANT[check.status]}>{WORD[check.status]}</Badge>
            <span className="font-medium">{check.label}</span>
          </span>
          <span className="text-muted-foreground">{check.message}</span>
          {check.fix && <span className="text-xs">Fix: {check.fix}</span>}
        </li>
      ))}
    </ul>
  );
}
