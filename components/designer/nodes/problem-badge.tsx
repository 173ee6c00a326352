import type { Diagnostic } from "@/lib/mapping/validate/diagnostic";
import { cn } from "@/lib/utils/cn";

/** A count of the element's problems, red for errors, amber for warnings only; the title lists them. */
export function ProblemBadge({ problems, className }: { problems: readonly Diagnostic[]; className?: string }) {
  if (problems.length === 0) return null;
  const errors = problems.filter((d) => d.severity === "error").length;
  return (
    <span
      role="img"
      aria-label={`${problems.length} problem${problems.length === 1 ? "" : "s"}`}
      title={problems.map((d) => `${d.code}: ${d.message}`).join("\n")}
      className={cn(
        "inline-flex h-5 min-w-5 items-center justify-center rounded-full px-1 text-xs font-semibold text-white",
        errors ? "bg-red-600" : "bg-amber-500",
        className,
      )}
    >
      {problems.length}
    </span>
  );
}

export const problemRing = (problems: readonly Diagnostic[]) =>
  problems.some((d) => d.severity === "error") ? "ring-2 ring-red-500" : problems.length ? "ring-2 ring-amber-400" : "";
