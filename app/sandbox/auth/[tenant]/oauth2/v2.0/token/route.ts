import { getSandbox, sandboxEnabled } from "@/lib/sandbox/get-sandbox";
import { clientIp } from "@/lib/http/client-ip";
import { publicRoute } from "@/lib/http/define-route";

export const dynamic = "force-dynamic";

// Callers no trusted proxy vouches for (TRUSTED_PROXIES unset) cannot be told apart: they share one rate window.
const UNKNOWN_ADDRESS = "unknown";

// The sandboxes' OAuth2 token endpoint (client credentials), shaped like login.microsoftonline.com's.
export const POST = publicRoute("OAuth2 clients exchange their credentials for sandbox tokens here", async (request) =>
  sandboxEnabled()
    ? (await getSandbox()).token(request, clientIp(request.headers) ?? UNKNOWN_ADDRESS)
    : new Response("Not Found", { status: 404 }),
);
