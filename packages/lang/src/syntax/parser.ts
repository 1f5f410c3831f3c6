/** The Chevrotain parser (source → CST) with error recovery, and the public parse() (→ AST). */

import { CstParser, EOF, type IOrAlt, type IParserErrorMessageProvider, type IToken, type Rule, type TokenType } from "chevrotain";
import * as T from "./lexer.ts";
import { tokenize } from "./lexer.ts";
import { buildProgram } from "./cst-to-ast.ts";
import type { FileCstNode } from "./cst.ts";
import type { Program } from "./ast.ts";
import { diagnostic, MESSAGES, type MessageArgsOf, type MessageId } from "../diagnostics/index.ts";
import type { Diagnostic, Span } from "../types.ts";
import { spanOfToken } from "./span.ts";

/** The token a syntax error met, as message arguments. */
function found(token: IToken | undefined): { found?: string; atEnd?: boolean } {
  if (!token) return {};
  return token.tokenType === EOF ? { atEnd: true } : { found: token.image };
}

/**
 * Chevrotain fixes the message provider at construction and keeps only a string, so the provider encodes the
 * catalog id and arguments; parse() decodes them into a catalog diagnostic (any locale can then render it).
 */
type EncodedSyntaxMessage = { [K in MessageId]: { id: K; args: MessageArgsOf<K> } }[MessageId];
const encode = (m: EncodedSyntaxMessage): string => JSON.stringify(m);

function decode(text: string): EncodedSyntaxMessage | undefined {
  try {
    const m = JSON.parse(text) as Partial<EncodedSyntaxMessage>;
    return typeof m.id === "string" && m.id in MESSAGES && typeof m.args === "object" ? (m as EncodedSyntaxMessage) : undefined;
  } catch {
    return undefined;
  }
}

const messages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual }) {
    return encode({ id: "SYNTAX_EXPECTED_TOKEN", args: { expected: expected.name, ...found(actual) } });
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return encode({ id: "SYNTAX_UNEXPECTED", args: found(firstRedundant) });
  },
  buildNoViableAltMessage({ actual, ruleName }) {
    return encode({ id: "SYNTAX_EXPECTED_ALTERNATIVE", args: { rule: ruleName, ...found(actual[0]) } });
  },
  buildEarlyExitMessage({ actual, ruleName }) {
    return encode({ id: "SYNTAX_EXPECTED_ENTRY", args: { rule: ruleName, ...found(actual[0]) } });
  },
};

/** A diagnostic for one Chevrotain error, from the catalog id its message encodes. */
function syntaxDiagnostic(text: string, span: Span): Diagnostic {
  const m = decode(text);
  if (!m) return { severity: "error", code: "SYNTAX", message: text, span };
  return diagnostic("error", m.id, m.args as never, span);
}

/*
 * Option objects are built by these helpers, not written inline: under tsx (how gavel runs), esbuild's
 * keepNames wraps every arrow written as an object property ({ ALT: () => … }) in a __name() call that
 * redefines the function's name each time the rule runs, which cost a third of the parse time.
 */
/** One alternative of an OR, with an optional gate. */
function alt(ALT: () => unknown, GATE?: () => boolean): IOrAlt<unknown> {
  return GATE ? { ALT, GATE } : { ALT };
}

/** A repetition or option taken only while the gate holds. */
function gated(GATE: () => boolean, DEF: () => void): { GATE: () => boolean; DEF: () => void } {
  return { GATE, DEF };
}

/** A repetition with a separator. */
function separated(SEP: TokenType, DEF: () => void): { SEP: TokenType; DEF: () => void } {
  return { SEP, DEF };
}

/** The labels of CST children, as shared option objects: a literal would be a new object on every call. */
const LABEL = {
  arg: { LABEL: "arg" },
  clause: { LABEL: "clause" },
  code: { LABEL: "code" },
  condition: { LABEL: "condition" },
  count: { LABEL: "count" },
  denominator: { LABEL: "denominator" },
  field: { LABEL: "field" },
  inner: { LABEL: "inner" },
  item: { LABEL: "item" },
  key: { LABEL: "key" },
  label: { LABEL: "label" },
  level: { LABEL: "level" },
  max: { LABEL: "max" },
  min: { LABEL: "min" },
  name: { LABEL: "name" },
  not: { LABEL: "not" },
  op: { LABEL: "op" },
  operand: { LABEL: "operand" },
  option: { LABEL: "option" },
  optional: { LABEL: "optional" },
  part: { LABEL: "part" },
  points: { LABEL: "points" },
  reason: { LABEL: "reason" },
  rule: { LABEL: "rule" },
  setting: { LABEL: "setting" },
  sign: { LABEL: "sign" },
  target: { LABEL: "target" },
  type: { LABEL: "type" },
  value: { LABEL: "value" },
  word: { LABEL: "word" },
} as const;

/*
 * The rules that run for every member and every operand take their alternatives and loop bodies from fields
 * built once per parser (below each rule), as Chevrotain's performance guide advises: built inline, they were
 * new arrays, objects and closures on every call, a fifth of the bytes a compile allocated.
 */
class GavelParser extends CstParser {
  constructor() {
    // No node locations: nodeSpan finds a node's edge tokens itself, only for the nodes that need a span.
    super(T.allTokens, { recoveryEnabled: true, maxLookahead: 3, errorMessageProvider: messages, nodeLocationTracking: "none" });
    this.performSelfAnalysis();
  }

  file = this.RULE("file", () => {
    this.MANY(() => {
      this.OR([
        alt(() => this.SUBRULE(this.importDecl)),
        alt(() => this.SUBRULE(this.voteDecl)),
        alt(() => this.SUBRULE(this.scorecardDecl)),
        alt(() => this.SUBRULE(this.electionDecl)),
        alt(() => this.SUBRULE(this.ratingDecl)),
        alt(() => this.SUBRULE(this.testDecl)),
      ]);
    });
  });

  importDecl = this.RULE("importDecl", () => {
    this.CONSUME(T.Import);
    this.CONSUME(T.StringLiteral);
  });

  voteDecl = this.RULE("voteDecl", () => {
    this.CONSUME(T.Vote);
    this.CONSUME(T.Identifier, LABEL.name);
    this.OPTION(() => this.CONSUME(T.StringLiteral, LABEL.label));
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.voteMember));
    this.CONSUME(T.RCurly);
  });

  voteMember = this.RULE("voteMember", () => {
    this.OR(this.voteMembers);
  });
  private readonly voteMembers = [
    alt(() => this.SUBRULE(this.settingDecl)),
    alt(() => this.SUBRULE(this.letDecl)),
    alt(() => this.SUBRULE(this.clauseDecl)),
    alt(() => this.SUBRULE(this.requireDecl)),
  ];

  requireDecl = this.RULE("requireDecl", () => {
    this.CONSUME(T.Require);
    this.SUBRULE(this.expr);
    this.OPTION(() => this.CONSUME(T.StringLiteral, LABEL.reason));
  });

  clauseDecl = this.RULE("clauseDecl", () => {
    this.OR([alt(() => this.CONSUME(T.Quorum, LABEL.clause)), alt(() => this.CONSUME(T.Passes, LABEL.clause))]);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.expr);
    this.OPTION(() => this.CONSUME(T.StringLiteral, LABEL.reason));
  });

  letDecl = this.RULE("letDecl", () => {
    this.CONSUME(T.Let);
    this.CONSUME(T.Identifier, LABEL.name);
    this.CONSUME(T.Equals);
    this.OR([
      // `let x = { 10 when … 0 otherwise }`: a value by bands, as a criterion's points are chosen.
      alt(() => {
        this.CONSUME(T.LCurly);
        this.AT_LEAST_ONE(() => this.SUBRULE(this.band));
        this.CONSUME(T.RCurly);
      }),
      alt(() => this.SUBRULE(this.expr)),
    ]);
    this.OPTION(() => this.CONSUME(T.StringLiteral, LABEL.label));
  });

  electionDecl = this.RULE("electionDecl", () => {
    this.CONSUME(T.Election);
    this.CONSUME(T.Identifier, LABEL.name);
    this.OPTION(() => this.CONSUME(T.StringLiteral, LABEL.label));
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.electionMember));
    this.CONSUME(T.RCurly);
  });

  electionMember = this.RULE("electionMember", () => {
    this.OR({
      // `proxies:` and `write_ins:` are also names (soft keywords), so a clause could start with them: the setting wins.
      IGNORE_AMBIGUITIES: true,
      DEF: [
        alt(() => this.SUBRULE(this.settingDecl)),
        alt(() => this.SUBRULE(this.letDecl)),
        alt(() => this.SUBRULE(this.requireDecl), () => this.LA(2).tokenType !== T.Colon),
        alt(() => this.SUBRULE(this.namedClause)),
      ],
    });
  });

  /**
   * `proxies: at most 1 "reason"`, `write_ins: allowed`: a setting of the rule, on one line. The words and the
   * number are taken as written; the checker knows which words each setting takes.
   */
  settingDecl = this.RULE("settingDecl", () => {
    this.OR([alt(() => this.CONSUME(T.Proxies, LABEL.setting)), alt(() => this.CONSUME(T.WriteIns, LABEL.setting))]);
    this.CONSUME(T.Colon);
    this.MANY(
      gated(
        () => this.LA(1).startLine === this.LA(0).endLine,
        () => this.OR2([alt(() => this.CONSUME(T.Identifier, LABEL.word)), alt(() => this.CONSUME(T.Not, LABEL.word))]),
      ),
    );
    this.OPTION(
      gated(
        () => this.LA(1).startLine === this.LA(0).endLine,
        () => {
          this.SUBRULE(this.signedNumber, LABEL.value);
          this.OPTION2(() => {
            this.CONSUME(T.Slash);
            this.SUBRULE(this.numberLiteral, LABEL.denominator);
          });
        },
      ),
    );
    this.OPTION3(() => this.CONSUME(T.StringLiteral, LABEL.reason));
  });

  /** An election clause (`void:`, `turnout:`, `elected:`, `runoff:`): the checker knows the names, so a typo gets a hint. */
  namedClause = this.RULE("namedClause", () => {
    this.CONSUME(T.Identifier, LABEL.clause);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.expr);
    this.OPTION(() => this.CONSUME(T.StringLiteral, LABEL.reason));
  });

  ratingDecl = this.RULE("ratingDecl", () => {
    this.CONSUME(T.Rating);
    this.CONSUME(T.Identifier, LABEL.name);
    this.OPTION(() => this.CONSUME(T.StringLiteral, LABEL.label));
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.ratingMember));
    this.CONSUME(T.RCurly);
  });

  ratingMember = this.RULE("ratingMember", () => {
    this.OR(this.ratingMembers);
  });
  private readonly ratingMembers = [
    alt(() => this.SUBRULE(this.settingDecl)),
    alt(() => this.SUBRULE(this.levelsDecl)),
    alt(() => this.SUBRULE(this.letDecl)),
    alt(() => this.SUBRULE(this.gradeDecl)),
    alt(() => this.SUBRULE(this.requireDecl)),
  ];

  levelsDecl = this.RULE("levelsDecl", () => {
    this.CONSUME(T.Levels);
    this.AT_LEAST_ONE_SEP(separated(T.Comma, () => this.CONSUME(T.Identifier, LABEL.level)));
  });

  scorecardDecl = this.RULE("scorecardDecl", () => {
    this.CONSUME(T.Scorecard);
    this.CONSUME(T.Identifier, LABEL.name);
    this.OPTION(() => this.CONSUME(T.StringLiteral, LABEL.label));
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.scorecardMember));
    this.CONSUME(T.RCurly);
  });

  scorecardMember = this.RULE("scorecardMember", () => {
    this.OR(this.scorecardMembers);
  });
  private readonly scorecardMembers = [
    alt(() => this.SUBRULE(this.inputDecl)),
    alt(() => this.SUBRULE(this.letDecl)),
    alt(() => this.SUBRULE(this.criterionDecl)),
    alt(() => this.SUBRULE(this.gradeDecl)),
    alt(() => this.SUBRULE(this.requireDecl)),
  ];

  inputDecl = this.RULE("inputDecl", () => {
    this.CONSUME(T.Input);
    this.CONSUME(T.Identifier, LABEL.name);
    this.CONSUME(T.Colon);
    this.OR([
      // `list of { received: date, resolved: date? }`: records; `list` is a plain name elsewhere.
      alt(
        () => {
          this.CONSUME2(T.Identifier, LABEL.type);
          this.CONSUME(T.Of);
          this.CONSUME(T.LCurly);
          this.MANY_SEP(separated(T.Comma, () => this.SUBRULE(this.fieldDecl)));
          this.CONSUME(T.RCurly);
        },
        () => this.LA(1).image === "list" && this.LA(2).tokenType === T.Of,
      ),
      alt(() => {
        this.CONSUME3(T.Identifier, LABEL.type);
        this.OPTION2(() => this.CONSUME(T.Question, LABEL.optional));
      }),
    ]);
    this.MANY(() => this.SUBRULE(this.constraint));
    this.OPTION(() => this.CONSUME(T.StringLiteral, LABEL.label));
  });

  fieldDecl = this.RULE("fieldDecl", () => {
    this.CONSUME(T.Identifier, LABEL.name);
    this.CONSUME(T.Colon);
    this.CONSUME2(T.Identifier, LABEL.type);
    this.OPTION(() => this.CONSUME(T.Question, LABEL.optional));
    this.MANY(() => this.SUBRULE(this.constraint));
  });

  constraint = this.RULE("constraint", () => {
    this.OR([
      alt(() => {
        this.CONSUME(T.Min);
        this.SUBRULE(this.signedNumber, LABEL.min);
      }),
      alt(() => {
        this.CONSUME(T.Max);
        this.SUBRULE2(this.signedNumber, LABEL.max);
      }),
      alt(() => {
        this.CONSUME(T.One);
        this.CONSUME(T.Of);
        this.CONSUME(T.StringLiteral, LABEL.option);
        // A comma not followed by a text ends the options: in a record type it separates the next field.
        this.MANY(
          gated(
            () => this.LA(2).tokenType === T.StringLiteral,
            () => {
              this.CONSUME(T.Comma);
              this.CONSUME2(T.StringLiteral, LABEL.option);
            },
          ),
        );
      }),
    ]);
  });

  signedNumber = this.RULE("signedNumber", () => {
    this.OPTION(() => this.CONSUME(T.Minus));
    this.SUBRULE(this.numberLiteral);
  });

  numberLiteral = this.RULE("numberLiteral", () => {
    this.OR(this.numberAlternatives);
  });
  private readonly numberAlternatives = [
    alt(() => this.CONSUME(T.Integer)),
    alt(() => this.CONSUME(T.Decimal)),
    alt(() => this.CONSUME(T.Percent)),
  ];

  criterionDecl = this.RULE("criterionDecl", () => {
    this.CONSUME(T.Criterion);
    this.CONSUME(T.Identifier, LABEL.name);
    this.OPTION(() => this.CONSUME(T.StringLiteral, LABEL.label));
    this.CONSUME(T.Max);
    this.SUBRULE(this.signedNumber, LABEL.max);
    this.CONSUME(T.LCurly);
    this.AT_LEAST_ONE(() => {
      this.OR([
        // Sub-criteria: the criterion's points are their sum.
        alt(() => this.SUBRULE(this.criterionDecl, LABEL.part)),
        alt(() => this.SUBRULE(this.band)),
      ]);
    });
    this.CONSUME(T.RCurly);
  });

  band = this.RULE("band", () => {
    this.SUBRULE(this.additive, LABEL.points);
    this.OR(this.bandEnds);
    this.OPTION(() => this.CONSUME(T.StringLiteral, LABEL.reason));
  });
  private readonly bandEnds = [
    alt(() => {
      this.CONSUME(T.When);
      this.SUBRULE(this.expr, LABEL.condition);
    }),
    alt(() => this.CONSUME(T.Otherwise)),
  ];

  gradeDecl = this.RULE("gradeDecl", () => {
    this.CONSUME(T.Grade);
    this.CONSUME(T.LCurly);
    this.AT_LEAST_ONE(() => this.SUBRULE(this.gradeBand));
    this.CONSUME(T.RCurly);
  });

  gradeBand = this.RULE("gradeBand", () => {
    this.CONSUME(T.StringLiteral, LABEL.label);
    this.OR(this.gradeBandEnds);
  });
  private readonly gradeBandEnds = [
    alt(() => {
      this.CONSUME(T.When);
      this.SUBRULE(this.expr, LABEL.condition);
    }),
    alt(() => this.CONSUME(T.Otherwise)),
  ];

  testDecl = this.RULE("testDecl", () => {
    this.CONSUME(T.Test);
    this.CONSUME(T.StringLiteral, LABEL.name);
    this.CONSUME(T.LCurly);
    this.CONSUME(T.Identifier, LABEL.rule);
    this.CONSUME(T.LParen);
    this.MANY_SEP(separated(T.Comma, () => this.SUBRULE(this.testArg)));
    this.CONSUME(T.RParen);
    this.MANY(() => this.SUBRULE(this.expectation));
    this.CONSUME(T.RCurly);
  });

  testArg = this.RULE("testArg", () => {
    this.CONSUME(T.Identifier, LABEL.name);
    this.CONSUME(T.Colon);
    this.OR([alt(() => this.SUBRULE(this.tally)), alt(() => this.SUBRULE(this.listLiteral)), alt(() => this.SUBRULE(this.literal))]);
  });

  /** `[{received: 2026-02-12, limit: 5}, …]`: the records of a list input, only as a test argument. */
  listLiteral = this.RULE("listLiteral", () => {
    this.CONSUME(T.LBracket);
    this.MANY_SEP(separated(T.Comma, () => this.SUBRULE(this.tally, LABEL.item)));
    this.CONSUME(T.RBracket);
  });

  /** `{"王建国": 400, "李秀英": 350}`: votes per candidate, only as a test argument. */
  tally = this.RULE("tally", () => {
    this.CONSUME(T.LCurly);
    this.MANY_SEP(
      separated(T.Comma, () => {
        this.OR([alt(() => this.CONSUME(T.StringLiteral, LABEL.key)), alt(() => this.CONSUME(T.Identifier, LABEL.key))]);
        this.CONSUME(T.Colon);
        this.SUBRULE(this.literal, LABEL.count);
      }),
    );
    this.CONSUME(T.RCurly);
  });

  expectation = this.RULE("expectation", () => {
    this.CONSUME(T.Expect);
    this.OR([
      alt(
        () => {
          this.CONSUME(T.ErrorKw);
          this.OPTION(() => this.CONSUME(T.StringLiteral, LABEL.code));
        },
        () => this.LA(1).tokenType === T.ErrorKw && this.LA(2).tokenType !== T.Equals && !isCompare(this.LA(2).tokenType),
      ),
      alt(() => {
        this.CONSUME(T.Identifier, LABEL.target);
        this.SUBRULE(this.compareOp);
        this.SUBRULE(this.literal);
      }),
    ]);
  });

  literal = this.RULE("literal", () => {
    this.OR(this.literalAlternatives);
  });
  private readonly literalAlternatives = [
    alt(() => {
      this.SUBRULE(this.signedNumber);
      // A fraction, so that `expect 满意率 = 2/3` states the exact value.
      this.OPTION(() => {
        this.CONSUME(T.Slash);
        this.SUBRULE(this.numberLiteral, LABEL.denominator);
      });
    }),
    alt(() => this.CONSUME(T.DateLiteral)),
    alt(() => this.CONSUME(T.StringLiteral)),
    alt(() => this.CONSUME(T.True)),
    alt(() => this.CONSUME(T.False)),
    alt(() => this.CONSUME(T.Identifier)),
  ];

  compareOp = this.RULE("compareOp", () => {
    this.OR(this.compareOps);
  });
  private readonly compareOps = [
    alt(() => this.CONSUME(T.GreaterEq)),
    alt(() => this.CONSUME(T.LessEq)),
    alt(() => this.CONSUME(T.NotEq)),
    alt(() => this.CONSUME(T.Greater)),
    alt(() => this.CONSUME(T.Less)),
    alt(() => this.CONSUME(T.Equals)),
  ];

  expr = this.RULE("expr", () => {
    this.SUBRULE(this.andExpr, LABEL.operand);
    this.MANY(this.orTail);
  });
  private readonly orTail = (): void => {
    this.CONSUME(T.Or);
    this.SUBRULE2(this.andExpr, LABEL.operand);
  };

  /*
   * Below `or`, each precedence level that can repeat is one flat rule with loops, not a rule per level
   * calling the next: every operand used to cost nine nested CST nodes (andExpr, notExpr, comparison,
   * additive, multiplicative, unary, primary, numberLiteral), now four. Prefix `not` and `-` are loops
   * too; cst-to-ast attaches each to the operand after it and splits `*`, `/`, `of` out of `+`, `-`.
   */
  andExpr = this.RULE("andExpr", () => {
    this.MANY(this.notPrefix);
    this.SUBRULE(this.comparison, LABEL.operand);
    this.MANY2(this.andTail);
  });
  private readonly notPrefix = (): void => {
    this.CONSUME(T.Not, LABEL.not);
  };
  private readonly andTail = (): void => {
    this.CONSUME(T.And);
    this.MANY3(this.notPrefixAfterAnd);
    this.SUBRULE2(this.comparison, LABEL.operand);
  };
  private readonly notPrefixAfterAnd = (): void => {
    this.CONSUME2(T.Not, LABEL.not);
  };

  comparison = this.RULE("comparison", () => {
    this.SUBRULE(this.additive, LABEL.operand);
    this.OPTION(this.comparisonTail);
  });
  private readonly comparisonTail = (): void => {
    this.SUBRULE(this.compareOp);
    this.SUBRULE2(this.additive, LABEL.operand);
  };

  /** Operands joined by `+`, `-`, `*`, `/` and `of`, each after any number of prefix `-`. */
  additive = this.RULE("additive", () => {
    this.MANY(this.signPrefix);
    this.SUBRULE(this.primary, LABEL.operand);
    this.MANY2(this.additiveTail);
  });
  private readonly signPrefix = (): void => {
    this.CONSUME(T.Minus, LABEL.sign);
  };
  private readonly signPrefixAfterOp = (): void => {
    this.CONSUME3(T.Minus, LABEL.sign);
  };
  private readonly arithmeticOps = [
    alt(() => this.CONSUME(T.Plus, LABEL.op)),
    alt(() => this.CONSUME2(T.Minus, LABEL.op)),
    alt(() => this.CONSUME(T.Star, LABEL.op)),
    alt(() => this.CONSUME(T.Slash, LABEL.op)),
    alt(() => this.CONSUME(T.Of, LABEL.op)),
  ];
  private readonly additiveTail = gated(
    // A '+' or '-' that starts a new line begins the next band (e.g. "-5 when …"), not a subtraction.
    () => (this.LA(1).tokenType !== T.Plus && this.LA(1).tokenType !== T.Minus) || this.LA(1).startLine === this.LA(0).endLine,
    () => {
      this.OR(this.arithmeticOps);
      this.MANY3(this.signPrefixAfterOp);
      this.SUBRULE2(this.primary, LABEL.operand);
    },
  );

  /** An argument of a call: an expression, and for an aggregate, `where` and a condition on each record. */
  callArg = this.RULE("callArg", () => {
    this.SUBRULE(this.expr, LABEL.value);
    this.OPTION(() => {
      this.CONSUME(T.Where);
      this.SUBRULE2(this.expr, LABEL.condition);
    });
  });

  primary = this.RULE("primary", () => {
    this.OR(this.primaryAlternatives);
  });
  private readonly callArgs = gated(
    () => this.LA(1).startLine === this.LA(0).endLine,
    () => {
      this.CONSUME(T.LParen);
      this.MANY_SEP(separated(T.Comma, () => this.SUBRULE(this.callArg, LABEL.arg)));
      this.CONSUME(T.RParen);
    },
  );
  // `cases.limit`: a field of a list's records.
  private readonly fieldAccess = (): void => {
    this.CONSUME(T.Dot);
    this.CONSUME2(T.Identifier, LABEL.field);
  };
  private readonly primaryAlternatives = [
    alt(() => this.CONSUME(T.Integer)),
    alt(() => this.CONSUME(T.Decimal)),
    alt(() => this.CONSUME(T.Percent)),
    alt(() => this.CONSUME(T.DateLiteral)),
    alt(() => this.CONSUME(T.StringLiteral)),
    alt(() => this.CONSUME(T.True)),
    alt(() => this.CONSUME(T.False)),
    alt(() => {
      this.CONSUME(T.Identifier);
      this.OPTION(this.callArgs);
      this.OPTION2(this.fieldAccess);
    }),
    alt(() => {
      this.CONSUME2(T.LParen);
      this.SUBRULE2(this.expr, LABEL.inner);
      this.CONSUME2(T.RParen);
    }),
  ];
}

function isCompare(t: TokenType): boolean {
  return t === T.GreaterEq || t === T.LessEq || t === T.NotEq || t === T.Greater || t === T.Less || t === T.Equals;
}

/** One parser instance is reused: Chevrotain parsers are expensive to build and cheap to reset. */
let shared: GavelParser | undefined;
function parserInstance(): GavelParser {
  shared ??= new GavelParser();
  return shared;
}

/** The grammar's rules, from which scripts/generate-cst.mjs generates the CST types of cst.ts. */
export function grammarProductions(): Record<string, Rule> {
  return parserInstance().getGAstProductions();
}

/** Deeper nesting than this is refused before parsing, so no input can overflow the stack. */
export const MAX_NESTING = 64;

const TOP_LEVEL = new Set<TokenType>([T.Import, T.Vote, T.Scorecard, T.Election, T.Rating, T.Test]);

export interface ParseResult {
  program: Program;
  diagnostics: Diagnostic[];
  tokens: IToken[];
  comments: IToken[];
}

function nestingDiagnostic(tokens: IToken[]): Diagnostic | undefined {
  let depth = 0;
  let prefixRun = 0;
  for (const t of tokens) {
    const type = t.tokenType;
    if (type === T.LParen || type === T.LCurly) depth++;
    else if (type === T.RParen || type === T.RCurly) depth = Math.max(0, depth - 1);
    prefixRun = type === T.Not || type === T.Minus || type === T.LParen ? prefixRun + 1 : 0;
    if (depth > MAX_NESTING || prefixRun > MAX_NESTING) {
      return diagnostic("error", "NESTING_TOO_DEEP", { max: MAX_NESTING }, spanOfToken(t));
    }
  }
  return undefined;
}

/** Parses source text into an AST; never throws: every problem is a diagnostic. */
export function parse(source: string): ParseResult {
  const lexed = tokenize(source);
  const diagnostics: Diagnostic[] = [...lexed.diagnostics];
  const tooDeep = nestingDiagnostic(lexed.tokens);
  if (tooDeep) {
    diagnostics.push(tooDeep);
    return { program: { items: [] }, diagnostics, tokens: lexed.tokens, comments: lexed.comments };
  }
  const parser = parserInstance();
  const csts: FileCstNode[] = [];
  let tokens = lexed.tokens;
  // Parse item by item: after a fatal error, skip to the next top-level keyword so every item's mistakes are reported.
  for (let guard = 0; tokens.length > 0 && guard < 100_000; guard++) {
    parser.input = tokens;
    // The file rule's node, whose type cst.ts was generated from this grammar to give.
    const cst = withoutStackTraces(() => parser.file()) as FileCstNode;
    csts.push(cst);
    for (const e of parser.errors) {
      diagnostics.push(syntaxDiagnostic(e.message, spanOfToken(e.token.tokenType === EOF ? (tokens[tokens.length - 1] ?? e.token) : e.token)));
    }
    const consumed = consumedCount(parser);
    if (consumed >= tokens.length) break;
    const rest = tokens.slice(Math.max(consumed, 0));
    const first = rest[0]!;
    if (!parser.errors.length) {
      diagnostics.push(diagnostic("error", "SYNTAX_UNEXPECTED", { found: first.image }, spanOfToken(first)));
    }
    const next = rest.findIndex((t, i) => i > 0 && TOP_LEVEL.has(t.tokenType));
    if (next < 0) break;
    tokens = rest.slice(next);
  }
  // The shared parser would otherwise hold this file's tokens until the next parse.
  parser.input = [];
  const program: Program = { items: csts.flatMap((c) => buildProgram(c).items) };
  return { program, diagnostics: dedupe(diagnostics), tokens: lexed.tokens, comments: lexed.comments };
}

/**
 * Runs fn with stack traces off: Chevrotain signals every syntax error with an exception that it catches
 * itself, and capturing their stack traces was most of the time spent on a file with many mistakes.
 */
function withoutStackTraces<T>(fn: () => T): T {
  // V8's Error.stackTraceLimit; not in the standard library's typings, and harmless where it does not exist.
  const errors = Error as { stackTraceLimit?: number };
  const limit = errors.stackTraceLimit;
  errors.stackTraceLimit = 0;
  try {
    return fn();
  } finally {
    errors.stackTraceLimit = limit;
  }
}

function consumedCount(parser: GavelParser): number {
  // Chevrotain keeps the index of the last consumed token; it is not in the public typings.
  const idx = (parser as unknown as { currIdx: number }).currIdx;
  return typeof idx === "number" ? idx + 1 : Number.MAX_SAFE_INTEGER;
}

function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const key = `${d.span.offset}:${d.code}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
