import type { Path } from "@/lib/runs/formkit";

/** A DOM id for the control at `path` (names may hold characters ids should not). */
export const controlId = (path: Path) => `param-${path.map((p) => String(p).replace(/[^\w-]/g, "_")).join("-")}`;
