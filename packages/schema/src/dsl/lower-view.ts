/** The output columns of a view declaration, typed like table columns. */
import type { ViewColumn } from "../catalog/model.js";
import { compact } from "./declaration.js";
import type { LowerContext } from "./lower-context.js";
import { lowerColumn } from "./lower-table.js";
import type { ViewHandle } from "./view.js";

/** Declared output columns in order: name, type, NOT NULL promise and comment (nothing else applies to a view). */
export const lowerViewColumns = (view: ViewHandle, context: LowerContext): ViewColumn[] =>
  Object.entries(view.options.columns ?? {}).map(([name, builder]) => {
    const column = lowerColumn({ name, builder }, context);
    return compact({ name, type: column.type, notNull: column.notNull, comment: column.comment });
  });
