"use client";
import { useState, useTransition } from "react";
import { activateSandboxesAction } from "@/lib/actions/connections";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** One click back to the built-in sandboxes (today's default). */
export function UseSandboxesButton({ active }: { active: boolean }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex flex-col gap-2">
      <Button
        variant="outline"
        disabled={pending || active}
        onClick={() =>
          startTransition(async () => {
            const result = await activateSandboxesAction();
            setMessage(
              result.ok
                ? { ok: true, text: "The built-in sandboxes are active." }
                : { ok: false, text: result.error.message },
            );
          })
        }
      >
        {active ? "The built-in sandboxes are in use" : "Use the built-in sandboxes"}
      </Button>
      {message && <Alert tone={message.ok ? "success" : "error"}>{message.text}</Alert>}
    </div>
  );
}
