import { targetId } from "../diff/index.js";
import { commentOn } from "./statements-comments.js";
import type { Planner } from "./step.js";

export const planCommentSet: Planner<"comment.set"> = ({ target, comment }) => [
  {
    description: `${comment === undefined ? "remove" : "set"} comment on ${targetId(target)}`,
    statements: [commentOn(target, comment)],
    transactional: "any",
    needs: [targetId(target)],
  },
];
