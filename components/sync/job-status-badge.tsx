import { Badge } from "@/components/ui/badge";

const TONES: Record<string, "default" | "muted" | "success" | "destructive" | "warning"> = {
  succeeded: "success",
  finished: "success",
  running: "default",
  queued: "muted",
  pending: "muted",
  failed: "destructive",
  blocked: "destructive",
  // The mass-change guard: "held" waits for an admin; approved it ends "aborted" (the approved run did the work),
  // discarded it ends "cancelled". Neither is a failure.
  held: "warning",
  aborted: "muted",
};

/** A job's or a line's state, coloured by outcome. */
export function JobStatusBadge({ status }: { status: string }) {
  return <Badge variant={TONES[status] ?? "muted"}>{status}</Badge>;
}
