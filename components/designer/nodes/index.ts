import type { NodeTypes } from "@xyflow/react";
import { ConstantNodeComponent } from "./constant-node";
import { EntityNodeComponent } from "./entity-node";
import { FilterNodeComponent } from "./filter-node";
import { TableMappingNodeComponent } from "./table-mapping-node";

/** Declared once at module scope, so React Flow never sees a new object. */
export const NODE_TYPES = {
  entity: EntityNodeComponent,
  "table-mapping": TableMappingNodeComponent,
  filter: FilterNodeComponent,
  constant: ConstantNodeComponent,
} satisfies NodeTypes;
