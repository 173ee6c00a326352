"use server";
import { revalidatePath } from "next/cache";
import { changeUserRole } from "@/lib/services/users/change-user-role";
import { createUser } from "@/lib/services/users/create-user";
import { setUserDisabled } from "@/lib/services/users/set-user-disabled";
import { defineAction } from "./define-action";

function refreshUserPages() {
  revalidatePath("/users");
  revalidatePath("/audit");
}

export const createUserAction = defineAction("admin", async (ctx, input) => {
  const user = await createUser({ ctx, input });
  refreshUserPages();
  return user;
});

export const changeUserRoleAction = defineAction("admin", async (ctx, input) => {
  const user = await changeUserRole({ ctx, input });
  refreshUserPages();
  return user;
});

export const setUserDisabledAction = defineAction("admin", async (ctx, input) => {
  const user = await setUserDisabled({ ctx, input });
  refreshUserPages();
  return user;
});
