import type { Domain } from "@platform/schema";
import {
  addDomainCheck,
  createDomain,
  dropDomain,
  dropDomainConstraint,
  setDomainDefault,
  setDomainNotNull,
  validateDomainConstraint,
} from "../sql/domains.js";
import { qpath, schemaId, typeId } from "./ids.js";
import { collationRefs, expressionRefs, type References, typeRefs } from "./references.js";
import { LONG_TIMEOUTS, type Planner, type StepDraft } from "./step.js";

const refsOf = (refs: References, d: Domain): string[] => [
  schemaId(d.schema),
  ...typeRefs(refs, d.type),
  ...collationRefs(refs, d.collation),
  ...expressionRefs(refs, d.default),
  ...(d.checks ?? []).flatMap((c) => expressionRefs(refs, c.expression)),
];

export const planDomainCreate: Planner<"domain.create"> = ({ domain }, ctx) => [
  {
    description: `create domain ${qpath(domain)}`,
    statements: [createDomain(domain)],
    creates: [typeId(domain)],
    needs: refsOf(ctx.refsTo, domain),
  },
];

export const planDomainDrop: Planner<"domain.drop"> = ({ domain }, ctx) => [
  {
    description: `drop domain ${qpath(domain)}`,
    statements: [dropDomain(domain)],
    drops: [typeId(domain)],
    releases: refsOf(ctx.refsFrom, domain),
  },
];

/**
 * Default and NOT NULL change in place. New checks are added NOT VALID and validated as a separate
 * statement outside the transaction, so columns of the domain are scanned without a long lock.
 */
export const planDomainAlter: Planner<"domain.alter"> = ({ from, to }, ctx) => {
  const name = { schema: to.schema, name: to.name };
  const before = new Map((from.checks ?? []).map((c) => [c.name, c.expression]));
  const after = new Map((to.checks ?? []).map((c) => [c.name, c.expression]));
  const dropped = (from.checks ?? []).filter((c) => after.get(c.name) !== c.expression);
  const added = (to.checks ?? []).filter((c) => before.get(c.name) !== c.expression);
  const steps: StepDraft[] = [
    {
      key: "alter",
      description: `alter domain ${qpath(name)}`,
      statements: [
        ...dropped.map((c) => dropDomainConstraint(name, c.name)),
        ...(from.default !== to.default ? [setDomainDefault(name, to.default)] : []),
        ...((from.notNull ?? false) !== (to.notNull ?? false) ? [setDomainNotNull(name, to.notNull ?? false)] : []),
        ...added.map((c) => addDomainCheck(name, c, { notValid: ctx.lockSafe })),
      ],
      hazards:
        to.notNull && !from.notNull
          ? [
              {
                type: "may-fail-on-existing-data",
                path: qpath(name),
                message: "NOT NULL fails while a column of the domain holds NULL",
              },
            ]
          : [],
      creates: [typeId(name)],
      needs: refsOf(ctx.refsTo, to),
      releases: refsOf(ctx.refsFrom, from),
    },
  ];
  if (ctx.lockSafe && added.length > 0) {
    steps.push({
      key: "validate",
      description: `validate checks of domain ${qpath(name)}`,
      statements: added.map((c) => validateDomainConstraint(name, c.name)),
      transactional: false,
      hazards: [
        {
          type: "validation-scan",
          path: qpath(name),
          message: "every column of the domain is read to validate the new checks",
        },
      ],
      timeouts: LONG_TIMEOUTS,
      after: ["alter"],
    });
  }
  return steps;
};
