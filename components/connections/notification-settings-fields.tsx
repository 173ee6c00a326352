"use client";
import { useState, useTransition, type ReactNode } from "react";
import { sendTestNotificationAction } from "@/lib/actions/connections";
import type { SettingsView } from "@/lib/services/settings/integration-settings";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

type FieldError = (name: string) => string | undefined;

/** The notification and retention part of the settings form's input. */
export function notificationInput(form: FormData) {
  return {
    webhookUrl: form.get("webhookUrl"),
    webhookSecret: form.get("webhookSecret"),
    clearWebhookSecret: form.get("clearWebhookSecret") === "on",
    skippedThreshold: form.get("skippedThreshold"),
    retentionDays: form.get("retentionDays"),
  };
}

/** After a save the typed secret is gone from the page: it is write-only. */
export function resetSecretFields(form: HTMLFormElement | null) {
  const secret = form?.elements.namedItem("webhookSecret");
  if (secret instanceof HTMLInputElement) secret.value = "";
  const clear = form?.elements.namedItem("clearWebhookSecret");
  if (clear instanceof HTMLInputElement) clear.checked = false;
}

function Field(props: { name: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={`settings-${props.name}`}>{props.label}</Label>
      {props.children}
      {props.hint && (
        <p id={`settings-${props.name}-hint`} className="text-xs text-muted-foreground">
          {props.hint}
        </p>
      )}
      {props.error && <p className="text-xs text-destructive">{props.error}</p>}
    </div>
  );
}

export function NotificationSettingsFields(props: {
  settings: SettingsView;
  canEdit: boolean;
  fieldError: FieldError;
}) {
  const { settings, canEdit, fieldError } = props;
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [testing, startTest] = useTransition();
  const sendTest = () =>
    startTest(async () => {
      const sent = await sendTestNotificationAction();
      if (!sent.ok) return setResult({ ok: false, text: sent.error.message });
      const { delivered, statusCode, error, durationMs } = sent.data;
      setResult(
        delivered
          ? { ok: true, text: `Test notification delivered: the receiver answered ${statusCode} in ${durationMs} ms.` }
          : { ok: false, text: `Test notification not delivered: ${error}.` },
      );
    });
  const invalid = (name: string) => Boolean(fieldError(name));

  return (
    <>
      <section
        id="notifications"
        aria-labelledby="settings-notifications"
        className="flex flex-col gap-3 border-t border-border pt-3"
      >
        <h3 id="settings-notifications" className="text-sm font-medium">
          Notifications
        </h3>
        <p className="text-xs text-muted-foreground">
          A JSON POST when a job fails, a run is held, a connection fails or a job skips more records than the
          threshold; retried with backoff, then given up. Empty URL: no notifications.
        </p>
        <Field name="webhookUrl" label="Webhook URL" error={fieldError("webhookUrl")}>
          <Input
            id="settings-webhookUrl"
            name="webhookUrl"
            type="url"
            placeholder="https://example.com/hooks/tandem"
            defaultValue={settings.webhookUrl ?? ""}
            aria-invalid={invalid("webhookUrl")}
          />
        </Field>
        <Field
          name="webhookSecret"
          label="Shared secret"
          hint={
            settings.webhookSecretSet
              ? "A secret is set: leave this empty to keep it. Requests carry X-Tandem-Signature."
              : "Optional, at least 16 characters: requests are then signed (X-Tandem-Signature)."
          }
          error={fieldError("webhookSecret")}
        >
          <Input
            id="settings-webhookSecret"
            name="webhookSecret"
            type="password"
            autoComplete="new-password"
            placeholder={settings.webhookSecretSet ? "set (hidden)" : ""}
            aria-describedby="settings-webhookSecret-hint"
            aria-invalid={invalid("webhookSecret")}
          />
        </Field>
        {settings.webhookSecretSet && (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="clearWebhookSecret" />
            Remove the stored secret (requests are then unsigned)
          </label>
        )}
        <Field
          name="skippedThreshold"
          label="Skipped records threshold"
          hint="A job that skips more records than this sends a notification."
          error={fieldError("skippedThreshold")}
        >
          <Input
            id="settings-skippedThreshold"
            name="skippedThreshold"
            inputMode="numeric"
            defaultValue={settings.skippedThreshold}
            aria-describedby="settings-skippedThreshold-hint"
            aria-invalid={invalid("skippedThreshold")}
          />
        </Field>
        {canEdit && (
          <div className="flex flex-col gap-2">
            <Button type="button" size="sm" variant="outline" disabled={testing} onClick={sendTest}>
              Send test notification
            </Button>
            <p className="text-xs text-muted-foreground">Sends to the saved URL, signed with the saved secret.</p>
            {result && <Alert tone={result.ok ? "success" : "error"}>{result.text}</Alert>}
          </div>
        )}
      </section>
      <section aria-labelledby="settings-history" className="flex flex-col gap-3 border-t border-border pt-3">
        <h3 id="settings-history" className="text-sm font-medium">
          History
        </h3>
        <Field
          name="retentionDays"
          label="Keep job history (days)"
          hint="Every night, jobs older than this are deleted; a failed job stays while a skipped record refers to it."
          error={fieldError("retentionDays")}
        >
          <Input
            id="settings-retentionDays"
            name="retentionDays"
            inputMode="numeric"
            defaultValue={settings.retentionDays}
            aria-describedby="settings-retentionDays-hint"
            aria-invalid={invalid("retentionDays")}
          />
        </Field>
      </section>
    </>
  );
}
