// The evaluation worker's file for piscina. Worker threads do not inherit tsx's loader (not even under
// `node --import tsx`), so the worker registers it before loading the TypeScript module.
import { register } from "tsx/esm/api";

register();
const { default: runEvaluationTask } = await import("./evaluation-worker.ts");
export default runEvaluationTask;
