import { describeAcceptance } from "./acceptance-harness.js";

describeAcceptance("native");
