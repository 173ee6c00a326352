/** Only same-site paths are followed after sign-in; anything else (absolute or protocol-relative URLs) goes home. */
export function safeReturnPath(candidate: string | null | undefined): string {
  if (!candidate || !candidate.startsWith("/") || candidate.startsWith("//") || candidate.startsWith("/\\")) return "/";
  if (candidate.startsWith("/login") || candidate.startsWith("/api/")) return "/";
  return candidate;
}
