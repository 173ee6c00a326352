"use client";
import { useRef, useState, useTransition, type ReactNode } from "react";
import { saveConnectionAction, testConnectionAction } from "@/lib/actions/connections";
import { startFullSyncAction } from "@/lib/actions/sync";
import type { PublicError } from "@/lib/errors";
import type { ConnectionTest } from "@/lib/services/connections/test-connection";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, NativeSelect } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { AccessChecks } from "./access-checks";

type System = "crm" | "erp";

/**
 * The assisted setup of a real tenant (BC's "Dynamics 365 Connection Setup"): the system's fields, Test connection
 * on what was entered (Business Central then lists its companies to pick from), Save, and a full synchronization.
 */
export function ConnectionSetupForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const [system, setSystem] = useState<System>("crm");
  const [error, setError] = useState<PublicError | null>(null);
  const [test, setTest] = useState<ConnectionTest | null>(null);
  const [saved, setSaved] = useState<{ name: string; warnings: string[] } | null>(null);
  const [started, setStarted] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const values = () => {
    const form = new FormData(formRef.current!);
    const entries = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string" && v !== ""));
    return { ...entries, system, activate: form.get("activate") === "on" };
  };
  const runTest = () =>
    startTransition(async () => {
      const result = await testConnectionAction(values());
      setTest(result.ok ? result.data : null);
      setError(result.ok ? null : result.error);
    });
  const save = () =>
    startTransition(async () => {
      const result = await saveConnectionAction(values());
      setError(result.ok ? null : result.error);
      if (result.ok) {
        setSaved({ name: result.data.connection.name, warnings: result.data.warnings });
        formRef.current?.reset();
        setTest(null);
      }
    });
  const fullSync = () =>
    startTransition(async () => {
      const result = await startFullSyncAction();
      setError(result.ok ? null : result.error);
      if (result.ok) setStarted("A full synchronization is running: follow it on the Synchronization page.");
    });

  const fieldError = (name: string) => error?.fieldErrors?.[name]?.[0];
  const field = (name: string, label: string, hint: string, input?: ReactNode) => (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={`connection-${name}`}>{label}</Label>
      {input ?? (
        <Input
          id={`connection-${name}`}
          name={name}
          autoComplete="off"
          type={name === "clientSecret" ? "password" : "text"}
          placeholder={hint}
          aria-invalid={Boolean(fieldError(name))}
          aria-describedby={fieldError(name) ? `connection-${name}-error` : undefined}
        />
      )}
      {fieldError(name) && (
        <p id={`connection-${name}-error`} className="text-xs text-destructive">
          {fieldError(name)}
        </p>
      )}
    </div>
  );

  return (
    <form
      ref={formRef}
      className="flex flex-col gap-4"
      noValidate
      aria-label="Connect a real tenant"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <fieldset className="flex gap-4 text-sm">
        <legend className="mb-1 text-sm font-medium">System</legend>
        {(["crm", "erp"] as const).map((s) => (
          <label key={s} className="flex items-center gap-2">
            <input
              type="radio"
              name="system-choice"
              checked={system === s}
              onChange={() => {
                setSystem(s);
                setTest(null);
                setError(null);
              }}
            />
            {s === "crm" ? "Dynamics 365 Sales (Dataverse)" : "Business Central"}
          </label>
        ))}
      </fieldset>
      {error && <Alert>{error.message}</Alert>}
      {saved && (
        <Alert tone="success">
          Saved {saved.name}.{saved.warnings.map((w) => ` ${w}`)}
        </Alert>
      )}
      {started && <Alert tone="info">{started}</Alert>}
      {field("name", "Name", "Optional")}
      {system === "crm" ? (
        <>
          {field("environmentUrl", "Environment URL", "https://contoso.crm.dynamics.com")}
          {field("tenantId", "Entra tenant id", "GUID or contoso.onmicrosoft.com")}
        </>
      ) : (
        <>
          {field("tenantId", "Entra tenant id", "GUID or contoso.onmicrosoft.com")}
          {field("environment", "Environment", "Production")}
        </>
      )}
      {field("clientId", "Client (application) id", "from the app registration")}
      {field("clientSecret", "Client secret", "kept encrypted; leave empty to keep the stored one")}
      <details className="text-sm">
        <summary className="cursor-pointer text-muted-foreground">Advanced: other endpoints</summary>
        <div className="mt-3 flex flex-col gap-4">
          {field("tokenUrl", "Token URL", "https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token")}
          {system === "erp" &&
            field("apiUrl", "API root", "https://api.businesscentral.dynamics.com/v2.0/<tenant>/<env>/api")}
        </div>
      </details>
      {system === "erp" &&
        field(
          "companyId",
          "Company",
          "",
          <NativeSelect
            id="connection-companyId"
            name="companyId"
            defaultValue=""
            aria-invalid={Boolean(fieldError("companyId"))}
          >
            <option value="">
              {test?.companies?.length ? "Pick a company" : "Test connection lists the companies"}
            </option>
            {test?.companies?.map((c) => (
              <option key={c.id} value={c.id}>
                {c.displayName || c.name}
              </option>
            ))}
          </NativeSelect>,
        )}
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="activate" defaultChecked /> Synchronize through this connection (make it active)
      </label>
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="outline" disabled={pending} onClick={runTest}>
          Test connection
        </Button>
        <Button type="submit" disabled={pending}>
          Save
        </Button>
        {saved && (
          <Button type="button" variant="outline" disabled={pending} onClick={fullSync}>
            Run a full synchronization now
          </Button>
        )}
      </div>
      {test && (
        <>
          <Alert tone={test.ok ? "success" : "error"}>
            {test.ok ? "Every check passed." : "Some checks failed: see what to fix below."}
            {test.warnings.map((w) => ` ${w}`)}
          </Alert>
          <AccessChecks checks={test.checks} label="Checks of the entered connection" />
        </>
      )}
    </form>
  );
}
