import { getSandbox, sandboxEnabled } from "@/lib/sandbox/get-sandbox";
import { publicRoute } from "@/lib/http/define-route";

export const dynamic = "force-dynamic";

// The sandboxes' OAuth2 token endpoint (client credentials), shaped like login.microsoftonline.com's.
export const POST = publicRoute("OAuth2 clients exchange their credentials for sandbox tokens here", async (request) =>
  sandboxEnabled() ? (await getSandbox()).token(request) : new Response("Not Found", { status: 404 }),
);
