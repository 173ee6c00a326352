/** The parts of the Prefer header both services honour. */
export type Preferences = {
  maxPageSize?: number;
  annotations?: string;
  trackChanges: boolean;
  returnRepresentation: boolean;
  continueOnError: boolean;
};

export function parsePrefer(header: string | null): Preferences {
  const preferences: Preferences = { trackChanges: false, returnRepresentation: false, continueOnError: false };
  for (const part of (header ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name, ...rest] = part.split("=");
    const value = rest.join("=").trim().replace(/^"|"$/g, "");
    switch (name?.trim().toLowerCase()) {
      case "odata.maxpagesize":
        preferences.maxPageSize = Number.parseInt(value, 10);
        break;
      case "odata.include-annotations":
        preferences.annotations = value;
        break;
      case "odata.track-changes":
        preferences.trackChanges = true;
        break;
      case "return":
        preferences.returnRepresentation = value === "representation";
        break;
      case "odata.continue-on-error":
        preferences.continueOnError = true;
        break;
    }
  }
  return preferences;
}

/** Whether an include-annotations preference (`*`, a name, or a `prefix.*` pattern) asks for `annotation`. */
export function wantsAnnotation(preferences: Preferences, annotation: string): boolean {
  const wanted = preferences.annotations;
  if (!wanted) return false;
  return wanted.split(",").some((pattern) => {
    const p = pattern.trim();
    return p === "*" || p === annotation || (p.endsWith(".*") && annotation.startsWith(p.slice(0, -1)));
  });
}
