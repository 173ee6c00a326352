import Link from "next/link";
import type { Dashboard } from "@/lib/services/dashboard/get-dashboard";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

/** What waits for someone: each figure links to the list that holds it. */
export function AttentionCards({ dashboard }: { dashboard: Dashboard }) {
  const top = dashboard.skippedByMapping[0]?.mappingName;
  const cards: { label: string; value: number; href: string; hint?: string }[] = [
    { label: "Failed records, 7 days", value: dashboard.totals.failed, href: "/jobs?outcome=with-failures" },
    { label: "Open conflicts", value: dashboard.openConflicts, href: "/conflicts" },
    { label: "Held runs", value: dashboard.held, href: "/jobs?status=held" },
    {
      label: "Skipped records",
      value: dashboard.skippedRecords,
      href: `/couplings?state=skipped${top ? `&mapping=${encodeURIComponent(top)}` : ""}`,
      hint: dashboard.skippedByMapping.map((m) => `${m.mappingName} ${m.count}`).join(", "),
    },
  ];
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      {cards.map((card) => (
        <Link key={card.label} href={card.href} className="rounded-lg focus-visible:outline-2">
          <Card className="h-full hover:bg-muted/40">
            <CardHeader>
              <CardDescription>{card.label}</CardDescription>
              <CardTitle className={card.value > 0 ? "text-2xl text-destructive" : "text-2xl"}>
                {card.value.toLocaleString("en-US")}
              </CardTitle>
              {card.hint && <p className="text-xs text-muted-foreground">{card.hint}</p>}
            </CardHeader>
          </Card>
        </Link>
      ))}
    </div>
  );
}
