import { serializePayload, type WebhookPayload } from "@/lib/notifications/payload";
import { signatureHeaders } from "@/lib/notifications/signature";

export const WEBHOOK_TIMEOUT_MS = 10_000;
export const USER_AGENT = "Tandem-Webhooks/1";

export type PostOutcome = { delivered: boolean; statusCode: number | null; error: string | null; durationMs: number };

function describe(error: unknown, timeoutMs: number): string {
  const e = error as Error & { cause?: { code?: string; message?: string } };
  if (e?.name === "TimeoutError" || e?.name === "AbortError")
    return `the receiver did not answer within ${timeoutMs / 1000} s`;
  return `the receiver could not be reached: ${e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(error)}`;
}

/**
 * One POST of a payload: 2xx is delivered; a redirect is a failure (it is not followed, so a receiver cannot bounce
 * the signed body elsewhere); the answer's body is never read.
 */
export async function postWebhook(input: {
  url: string;
  payload: WebhookPayload;
  secret: string | null;
  fetch?: typeof fetch;
  timeoutMs?: number;
}): Promise<PostOutcome> {
  const { url, payload, secret } = input;
  const timeoutMs = input.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const body = serializePayload(payload);
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    "User-Agent": USER_AGENT,
    "X-Tandem-Event": payload.event,
    "X-Tandem-Delivery": payload.id,
    ...(secret ? signatureHeaders(body, secret) : {}),
  };
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await (input.fetch ?? fetch)(url, {
      method: "POST",
      headers,
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel().catch(() => {});
    const status = response.status;
    if (status >= 200 && status < 300)
      return { delivered: true, statusCode: status, error: null, durationMs: elapsed() };
    const error =
      status >= 300 && status < 400
        ? `the receiver answered ${status}, a redirect (redirects are not followed)`
        : `the receiver answered ${status}`;
    return { delivered: false, statusCode: status || null, error, durationMs: elapsed() };
  } catch (error) {
    const text = describe(error, timeoutMs);
    // The secret only feeds the HMAC; this is a guard should a runtime ever echo request headers in an error.
    return {
      delivered: false,
      statusCode: null,
      error: secret ? text.replaceAll(secret, "…") : text,
      durationMs: elapsed(),
    };
  }
}
