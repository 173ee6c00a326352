import { getSandbox, sandboxEnabled } from "@/lib/sandbox/get-sandbox";
import { publicRoute } from "@/lib/http/define-route";

export const dynamic = "force-dynamic";

const reason = "the ERP sandbox checks its callers' OAuth2 bearer tokens itself";
const handle = async (request: Request) =>
  sandboxEnabled() ? (await getSandbox()).handle("erp", request) : new Response("Not Found", { status: 404 });

export const GET = publicRoute(reason, handle);
export const POST = publicRoute(reason, handle);
export const PATCH = publicRoute(reason, handle);
export const DELETE = publicRoute(reason, handle);
