import { Badge } from "@/components/ui/badge";

const TONES: Record<string, "default" | "muted" | "success" | "destructive"> = {
  succeeded: "success",
  finished: "success",
  running: "default",
  queued: "muted",
  pending: "muted",
  failed: "destructive",
  aborted: "destructive",
  blocked: "destructive",
};

/** A job's or a line's state, coloured by outcome. */
export function JobStatusBadge({ status }: { status: string }) {
  return <Badge variant={TONES[status] ?? "muted"}>{status}</Badge>;
}
