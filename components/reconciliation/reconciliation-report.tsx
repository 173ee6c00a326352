import Link from "next/link";
import type { ReconciliationReport } from "@/db/schema";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";

const n = (value: number) => value.toLocaleString("en-US");

/** The counts of a finished reconciliation, each with the list it samples. */
export function ReportFigures({ report, mapping }: { report: ReconciliationReport; mapping: string }) {
  const q = encodeURIComponent(mapping);
  const figures = [
    { label: "ERP records in the filter", value: report.erpInFilter },
    { label: "CRM records in the filter", value: report.crmInFilter },
    { label: "Coupled pairs compared", value: report.coupled },
    { label: "Uncoupled in the ERP", value: report.uncoupledErp, href: `/couplings?mapping=${q}&state=uncoupled-erp` },
    { label: "Uncoupled in the CRM", value: report.uncoupledCrm, href: `/couplings?mapping=${q}&state=uncoupled-crm` },
    { label: "Couplings whose record vanished", value: report.vanished },
    { label: "Drifted pairs", value: report.drifted },
    { label: "Pairs that cannot be compared", value: report.unresolved },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-4" aria-label="Reconciliation figures">
      {figures.map((f) => (
        <div key={f.label} className="rounded-md border p-3">
          <dt className="text-xs text-muted-foreground">{f.label}</dt>
          <dd className="text-xl font-semibold" data-testid={`figure-${f.label}`}>
            {f.href && f.value > 0 ? (
              <Link className="underline" href={f.href}>
                {n(f.value)}
              </Link>
            ) : (
              n(f.value)
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

type Row = { key: string; cells: string[] };

/** A sample of one kind: the first few of them, as the report kept them. */
export function SampleTable({
  title,
  total,
  head,
  rows,
}: {
  title: string;
  total: number;
  head: string[];
  rows: Row[];
}) {
  if (!total) return null;
  return (
    <section className="flex flex-col gap-2" aria-label={title}>
      <h3 className="text-sm font-medium">
        {title} ({rows.length < total ? `first ${rows.length} of ${n(total)}` : n(total)})
      </h3>
      <Table>
        <THead>
          <Tr>
            {head.map((h) => (
              <Th key={h}>{h}</Th>
            ))}
          </Tr>
        </THead>
        <TBody>
          {rows.map((row) => (
            <Tr key={row.key}>
              {row.cells.map((cell, i) => (
                <Td key={i} className="font-mono text-xs">
                  {cell}
                </Td>
              ))}
            </Tr>
          ))}
        </TBody>
      </Table>
    </section>
  );
}

export function ReportSamples({ report }: { report: ReconciliationReport }) {
  const s = report.samples;
  return (
    <div className="flex flex-col gap-4">
      <SampleTable
        title="Drifted pairs"
        total={report.drifted}
        head={["ERP record", "ERP id", "CRM id", "Fields that differ"]}
        rows={s.drifted.map((d) => ({
          key: d.couplingId,
          cells: [d.name ?? "—", d.erpId, d.crmId, d.fields.join(", ")],
        }))}
      />
      <SampleTable
        title="Couplings whose record vanished"
        total={report.vanished}
        head={["ERP id", "CRM id", "Missing in"]}
        rows={s.vanished.map((v) => ({ key: v.couplingId, cells: [v.erpId, v.crmId, v.missing] }))}
      />
      <SampleTable
        title="Pairs that cannot be compared"
        total={report.unresolved}
        head={["ERP record", "ERP id", "CRM id", "Why"]}
        rows={s.unresolved.map((u) => ({
          key: u.couplingId,
          cells: [u.name ?? "—", u.erpId, u.crmId, `${u.code}: ${u.message}`],
        }))}
      />
      <SampleTable
        title="Uncoupled in the ERP"
        total={report.uncoupledErp}
        head={["Name", "ERP id"]}
        rows={s.uncoupledErp.map((r) => ({ key: r.id, cells: [r.name ?? "—", r.id] }))}
      />
      <SampleTable
        title="Uncoupled in the CRM"
        total={report.uncoupledCrm}
        head={["Name", "CRM id"]}
        rows={s.uncoupledCrm.map((r) => ({ key: r.id, cells: [r.name ?? "—", r.id] }))}
      />
    </div>
  );
}
