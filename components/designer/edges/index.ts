import type { EdgeTypes } from "@xyflow/react";
import { DependencyEdgeComponent, LinkEdgeComponent } from "./dependency-edge";
import { FieldEdgeComponent } from "./field-edge";

export const EDGE_TYPES = {
  field: FieldEdgeComponent,
  dependency: DependencyEdgeComponent,
  link: LinkEdgeComponent,
} satisfies EdgeTypes;
