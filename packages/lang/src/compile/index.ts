/**
 * compile: compile() (parse, imports, check → compiled rules), the generated fast path (decide), input JSON Schemas.
 * What other folders use.
 * Leaf modules first: the folders import each other (eval reads check's facts, check eval's Rational), and a module
 * evaluated early is ready for the top-level code of the others (src/layering.test.ts loads each index first).
 */
export { compile } from "./compiler.ts";
