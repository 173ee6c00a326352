import { withRole } from "@/lib/http/define-route";
import { exportJobErrors } from "@/lib/services/jobs/export-job-errors";

export const dynamic = "force-dynamic";

/** GET /api/jobs/{id}/errors?code=&field= → the job's errors as CSV (a viewer may export what they may see). */
export const GET = withRole("viewer", async (request, ctx, route) => {
  const { id } = (await route.params) as { id: string };
  const url = new URL(request.url);
  const input = {
    jobId: id,
    code: url.searchParams.get("code") ?? undefined,
    field: url.searchParams.has("field") ? (url.searchParams.get("field") ?? "") : undefined,
  };
  const body = await exportJobErrors({ ctx, input });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="job-${id}-errors.csv"`,
      "cache-control": "no-store",
    },
  });
});
