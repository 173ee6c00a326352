"use client";
import { useRef, useState, useTransition, type FormEvent } from "react";
import {
  listWriteInProductsAction,
  rotateAvailabilityKeyAction,
  saveIntegrationSettingsAction,
} from "@/lib/actions/connections";
import type { PublicError } from "@/lib/errors";
import type { SettingsView } from "@/lib/services/settings/integration-settings";
import { formatTime } from "@/components/jobs/counters";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, NativeSelect } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NotificationSettingsFields, notificationInput, resetSecretFields } from "./notification-settings-fields";

const FLAGS = [
  ["itemAvailability", "Item availability: the CRM reads ERP inventory through the availability API"],
  ["salesOrderIntegration", "Sales-order integration: submitted CRM orders can be created in the ERP"],
  ["autoCreateSalesOrders", "Automatically create sales orders"],
  ["autoProcessQuotes", "Automatically process quotes"],
] as const;

/**
 * The integration's settings; viewers see them read-only. The availability key is shown once, when made; the
 * webhook secret never.
 */
export function IntegrationSettingsForm({ settings, canEdit }: { settings: SettingsView; canEdit: boolean }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [error, setError] = useState<PublicError | null>(null);
  const [saved, setSaved] = useState(false);
  const [key, setKey] = useState<string | null>(null);
  const [products, setProducts] = useState<{ number: string; name: string }[] | null>(null);
  const [pending, startTransition] = useTransition();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      ...Object.fromEntries(FLAGS.map(([name]) => [name, form.get(name) === "on"])),
      writeInProductType: form.get("writeInProductType"),
      writeInProductNo: form.get("writeInProductNo"),
      defaultScheduleMinutes: form.get("defaultScheduleMinutes"),
      ...notificationInput(form),
    };
    startTransition(async () => {
      const result = await saveIntegrationSettingsAction(input);
      setError(result.ok ? null : result.error);
      setSaved(result.ok);
      if (result.ok) resetSecretFields(formRef.current);
    });
  };
  const loadProducts = () =>
    startTransition(async () => {
      const type = new FormData(formRef.current!).get("writeInProductType");
      const result = await listWriteInProductsAction({ type });
      setError(result.ok ? null : result.error);
      setProducts(result.ok ? result.data : null);
    });
  const rotate = () =>
    startTransition(async () => {
      const result = await rotateAvailabilityKeyAction();
      setError(result.ok ? null : result.error);
      setKey(result.ok ? result.data.key : null);
    });
  const fieldError = (name: string) => error?.fieldErrors?.[name]?.[0];

  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      className="flex flex-col gap-4"
      aria-label="Integration settings"
      noValidate
    >
      <fieldset disabled={!canEdit || pending} className="flex flex-col gap-4">
        {error && <Alert>{error.message}</Alert>}
        {saved && <Alert tone="success">Settings saved.</Alert>}
        {FLAGS.map(([name, label]) => (
          <label key={name} className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name={name}
              defaultChecked={settings[name]}
              aria-invalid={Boolean(fieldError(name))}
            />
            <span>
              {label}
              {fieldError(name) && <span className="block text-xs text-destructive">{fieldError(name)}</span>}
            </span>
          </label>
        ))}
        <div className="grid grid-cols-2 gap-3">
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="settings-writeInProductType">Write-in product type</Label>
            <NativeSelect
              id="settings-writeInProductType"
              name="writeInProductType"
              defaultValue={settings.writeInProductType}
            >
              <option value="item">Item</option>
              <option value="resource">Resource</option>
            </NativeSelect>
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="settings-writeInProductNo">Write-in product number</Label>
            {products ? (
              <NativeSelect
                id="settings-writeInProductNo"
                name="writeInProductNo"
                defaultValue={settings.writeInProductNo ?? ""}
              >
                <option value="">None</option>
                {products.map((p) => (
                  <option key={p.number} value={p.number}>
                    {p.number} · {p.name}
                  </option>
                ))}
              </NativeSelect>
            ) : (
              <Input
                id="settings-writeInProductNo"
                name="writeInProductNo"
                defaultValue={settings.writeInProductNo ?? ""}
              />
            )}
          </div>
        </div>
        {canEdit && (
          <Button type="button" size="sm" variant="outline" onClick={loadProducts}>
            Pick from the ERP
          </Button>
        )}
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="settings-defaultScheduleMinutes">
            Schedule for mappings without one (minutes; empty: run only when started)
          </Label>
          <Input
            id="settings-defaultScheduleMinutes"
            name="defaultScheduleMinutes"
            inputMode="numeric"
            defaultValue={settings.defaultScheduleMinutes ?? ""}
            aria-invalid={Boolean(fieldError("defaultScheduleMinutes"))}
          />
          {fieldError("defaultScheduleMinutes") && (
            <p className="text-xs text-destructive">{fieldError("defaultScheduleMinutes")}</p>
          )}
        </div>
        <NotificationSettingsFields settings={settings} canEdit={canEdit} fieldError={fieldError} />
        {canEdit && <Button type="submit">Save settings</Button>}
      </fieldset>
      <section aria-label="Availability API key" className="flex flex-col gap-2 border-t border-border pt-3 text-sm">
        <span>
          Availability API key:{" "}
          {settings.availabilityKeySet ? `set (made ${formatTime(settings.availabilityKeyCreatedAt)})` : "not set"}
        </span>
        {key && (
          <Alert tone="info">
            Copy it now, it is not shown again: <code className="break-all">{key}</code>
          </Alert>
        )}
        {canEdit && (
          <Button type="button" size="sm" variant="outline" disabled={pending} onClick={rotate}>
            {settings.availabilityKeySet ? "Rotate the key" : "Generate a key"}
          </Button>
        )}
      </section>
    </form>
  );
}
