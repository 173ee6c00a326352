"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { coupleRecordsAction, createInOtherAction, searchUncoupledAction } from "@/lib/actions/sync";
import type { UncoupledRecord } from "@/lib/services/couplings/list-uncoupled";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { createOutcome, type Outcome } from "./create-outcome";
import { Input } from "@/components/ui/input";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";

const SYSTEM = { erp: "Business Central", crm: "Dynamics 365 Sales" } as const;
type Side = "erp" | "crm";

/** Records of one side no coupling holds: create them in the other system, or couple one to a record picked there. */
export function UncoupledTable(props: {
  mapping: string;
  side: Side;
  records: UncoupledRecord[];
  more: boolean;
  canAct: boolean;
}) {
  const { mapping, side, records, more, canAct } = props;
  const other: Side = side === "erp" ? "crm" : "erp";
  const router = useRouter();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [coupling, setCoupling] = useState<string | null>(null);
  const [candidates, setCandidates] = useState<UncoupledRecord[] | null>(null);
  const [pending, startTransition] = useTransition();
  const done = (ok: boolean, text: string, jobId?: string | null) => {
    setOutcome({ ok, text, jobId });
    if (ok) router.refresh();
  };
  const create = (ids: string[]) =>
    startTransition(async () => {
      const result = await createInOtherAction({ mapping, side, ids });
      if (!result.ok) return done(false, result.error.message);
      const outcome = createOutcome(SYSTEM[other], side === "erp" ? "erp-to-crm" : "crm-to-erp", mapping, result.data);
      done(outcome.ok, outcome.text, outcome.jobId);
    });
  const search = (q: string) =>
    startTransition(async () => {
      const result = await searchUncoupledAction({ mapping, side: other, q });
      if (result.ok) setCandidates(result.data.records);
      else setOutcome({ ok: false, text: result.error.message });
    });
  const couple = (id: string, counterpart: string) =>
    startTransition(async () => {
      const pair = side === "erp" ? { erpId: id, crmId: counterpart } : { erpId: counterpart, crmId: id };
      const result = await coupleRecordsAction({ mapping, ...pair });
      setCoupling(null);
      setCandidates(null);
      done(result.ok, result.ok ? "Coupled." : result.error.message);
    });

  if (!records.length)
    return (
      <div className="flex flex-col gap-3">
        {outcome && <OutcomeAlert outcome={outcome} />}
        <p className="text-sm text-muted-foreground">
          Every record of this side within the mapping&apos;s filter is coupled.
        </p>
      </div>
    );
  return (
    <div className="flex flex-col gap-3">
      {outcome && <OutcomeAlert outcome={outcome} />}
      <Table aria-label={`Not coupled in ${SYSTEM[side]}`}>
        <THead>
          <Tr>
            <Th>Record</Th>
            <Th>Id</Th>
            {canAct && <Th>Actions</Th>}
          </Tr>
        </THead>
        <TBody>
          {records.map((r) => (
            <Tr key={r.id} aria-label={r.label}>
              <Td className="font-medium">{r.label}</Td>
              <Td>
                <code className="text-xs">{r.id}</code>
              </Td>
              {canAct && (
                <Td>
                  <div className="flex flex-col gap-2">
                    <div className="flex gap-2">
                      <Button size="sm" variant="outline" disabled={pending} onClick={() => create([r.id])}>
                        Create in {SYSTEM[other]}
                      </Button>
                      <Button
                        size="sm"
                        variant="ghost"
                        disabled={pending}
                        onClick={() => (setCoupling(r.id), setCandidates(null))}
                      >
                        Set up coupling…
                      </Button>
                    </div>
                    {coupling === r.id && (
                      <form
                        aria-label={`Couple ${r.label}`}
                        className="flex flex-col gap-2"
                        onSubmit={(e) => {
                          e.preventDefault();
                          search(String(new FormData(e.currentTarget).get("q") ?? ""));
                        }}
                      >
                        <div className="flex gap-2">
                          <Input name="q" defaultValue={r.label} aria-label={`Search ${SYSTEM[other]}`} />
                          <Button size="sm" type="submit" disabled={pending}>
                            Search
                          </Button>
                        </div>
                        {candidates && candidates.length === 0 && (
                          <p className="text-xs text-muted-foreground">No uncoupled record there is named like that.</p>
                        )}
                        {candidates?.map((c) => (
                          <Button
                            key={c.id}
                            size="sm"
                            variant="outline"
                            type="button"
                            disabled={pending}
                            onClick={() => couple(r.id, c.id)}
                          >
                            Couple to {c.label}
                          </Button>
                        ))}
                      </form>
                    )}
                  </div>
                </Td>
              )}
            </Tr>
          ))}
        </TBody>
      </Table>
      {more && (
        <p className="text-xs text-muted-foreground">More records are not coupled: search by name to find one.</p>
      )}
    </div>
  );
}

function OutcomeAlert({ outcome }: { outcome: Outcome }) {
  return (
    <Alert tone={outcome.ok ? "success" : "error"}>
      {outcome.text}
      {!outcome.ok && outcome.jobId && (
        <>
          {" "}
          <Link className="underline" href={`/jobs/${outcome.jobId}`}>
            Open the job
          </Link>
        </>
      )}
    </Alert>
  );
}
