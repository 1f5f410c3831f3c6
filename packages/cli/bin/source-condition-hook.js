// Node module hook for running the monorepo's sources: resolve with the "source" export condition, so that
// @gavel-rules/lang, /server and /cli point at src/*.ts instead of the compiled dist/.
export async function resolve(specifier, context, nextResolve) {
  return nextResolve(specifier, { ...context, conditions: [...context.conditions, "source"] });
}
