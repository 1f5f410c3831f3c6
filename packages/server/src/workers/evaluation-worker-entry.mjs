// The evaluation worker's file for piscina when running from the monorepo's sources. Worker threads do not inherit
// tsx's loader or the "source" export condition (not even under `node --import tsx`), so this entry registers both
// before loading the TypeScript module. An installed package runs dist/workers/evaluation-worker.js instead.
import { register } from "node:module";
import { register as registerTsx } from "tsx/esm/api";

registerTsx();
register("data:text/javascript,export async function resolve(s, c, next) { return next(s, { ...c, conditions: [...c.conditions, 'source'] }); }");
const { default: runEvaluationTask } = await import("./evaluation-worker.ts");
export default runEvaluationTask;
