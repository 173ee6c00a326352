import type { ConfigDiff } from "@/lib/mapping/diff/config-diff";
import { cn } from "@/lib/utils/cn";

const KIND_STYLE = {
  added: "bg-green-100 text-green-800",
  removed: "bg-red-100 text-red-800",
  changed: "bg-amber-100 text-amber-800",
} as const;

/** A semantic diff as a table people can scan: kind, what, where, before → after. */
export function DiffList({ diff, label }: { diff: ConfigDiff; label: string }) {
  if (diff.changes.length === 0) return <p className="text-xs text-muted-foreground">No changes.</p>;
  return (
    <table className="w-full text-xs" aria-label={label}>
      <thead>
        <tr className="text-left text-muted-foreground">
          <th className="py-1 pr-2 font-medium">Change</th>
          <th className="py-1 pr-2 font-medium">Mapping</th>
          <th className="py-1 pr-2 font-medium">What</th>
          <th className="py-1 font-medium">Before → after</th>
        </tr>
      </thead>
      <tbody>
        {diff.changes.map((c, i) => (
          <tr key={i} className="border-t align-top" data-area={c.area}>
            <td className="py-1 pr-2">
              <span className={cn("rounded px-1", KIND_STYLE[c.kind])}>
                {c.area} {c.kind}
              </span>
            </td>
            <td className="py-1 pr-2 font-medium">{c.mapping}</td>
            <td className="py-1 pr-2">{c.subject}</td>
            <td className="break-all py-1 font-mono text-[11px]">
              {c.before !== undefined && <span className="text-red-700 line-through">{c.before}</span>}
              {c.before !== undefined && c.after !== undefined && " → "}
              {c.after !== undefined && <span className="text-green-800">{c.after}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
