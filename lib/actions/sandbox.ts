"use server";
import { revalidatePath } from "next/cache";
import { createSandboxRecord } from "@/lib/services/sandbox/create-sandbox-record";
import { updateSandboxRecord } from "@/lib/services/sandbox/update-sandbox-record";
import { defineAction } from "./define-action";

export const updateSandboxRecordAction = defineAction("admin", async (ctx, input) => {
  const result = await updateSandboxRecord({ ctx, input });
  revalidatePath("/sandbox/erp");
  revalidatePath("/sandbox/crm");
  return result;
});

export const createSandboxRecordAction = defineAction("admin", async (ctx, input) => {
  const result = await createSandboxRecord({ ctx, input });
  revalidatePath("/sandbox/erp");
  revalidatePath("/sandbox/crm");
  return result;
});
