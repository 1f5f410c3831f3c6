/**
 * syntax: source text → tokens (lexer) → Chevrotain CST (parser) → AST (cst-to-ast); spans, and the AST printed back as text.
 * What other folders use.
 * Leaf modules first: the folders import each other (eval reads check's facts, check eval's Rational), and a module
 * evaluated early is ready for the top-level code of the others (src/layering.test.ts loads each index first).
 */
export { joinSpans, spanContains, spanOfToken } from "./span.ts";
export * from "./ast.ts";
export { Identifier, keywordTokens, quote, tokenize } from "./lexer.ts";
export { joinOperands, printChain, printExpr } from "./print.ts";
export { parse } from "./parser.ts";
