import type { DraftSliceShape } from "./draft-slice";
import type { GraphSliceShape } from "./graph-slice";
import type { PanelSliceShape } from "./panel-slice";
import type { SelectionSliceShape } from "./selection-slice";

export type DesignerState = GraphSliceShape & SelectionSliceShape & PanelSliceShape & DraftSliceShape;
