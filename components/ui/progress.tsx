/** A progress bar with its figures for screen readers; without a maximum it shows work going on, not how far. */
export function Progress({ value, max, label }: { value: number; max: number | null; label: string }) {
  const known = max !== null && max > 0;
  const percent = known ? Math.min(100, Math.round((value / max) * 100)) : null;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={known ? max : undefined}
      aria-valuenow={known ? Math.min(value, max) : undefined}
      aria-valuetext={known ? `${Math.min(value, max)} of ${max}` : `${value} so far`}
      className="h-1.5 w-32 overflow-hidden rounded-full bg-muted"
    >
      <div
        className={percent === null ? "h-full w-1/3 animate-pulse bg-primary" : "h-full bg-primary transition-all"}
        style={percent === null ? undefined : { width: `${percent}%` }}
      />
    </div>
  );
}
