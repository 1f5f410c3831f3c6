/** Rule files for the CLI tests: passing, failing, broken, unformatted, and one with Chinese names. */

/** Imports the std major-matter vote and tests it at its thresholds. */
export const passing = `import "std/major-matter.gavel"

test "roster 30: 20 present is exactly two-thirds, no quorum" {
  major_matter(entitled: 30, present: 20, yes: 20, no: 0, abstain: 0)
  expect outcome = no_quorum
}

test "roster 30: 21 present and 16 yes passes" {
  major_matter(entitled: 30, present: 21, yes: 16, no: 5, abstain: 0)
  expect outcome = passed
}
`;

/** One correct test and one that wrongly expects a tie to pass. */
export const failing = `vote simple "Simple majority of those present" {
  quorum: present > 1/2 of entitled "more than half present"
  passes: yes > 1/2 of present "more than half of those present say yes"
}

test "4 of 6 present say yes: passed" {
  simple(entitled: 10, present: 6, yes: 4, no: 2, abstain: 0)
  expect outcome = passed
}

test "a 3-3 tie passes" {
  simple(entitled: 10, present: 6, yes: 3, no: 3, abstain: 0)
  expect outcome = passed
}
`;

/** Uses an undefined name: does not compile. */
export const broken = `vote broken "Broken" {
  quorum: attendance > 1/2 of entitled
  passes: yes > 1/2 of present
}
`;

/** Valid and passing, but not in canonical form. */
export const unformatted = `vote  loose "Loose"   {
quorum: present >= 2/3 of entitled
      passes: yes > 1/2 of present
}
test "all present, all yes" {
    loose(entitled: 3, present: 3, yes: 3, no: 0, abstain: 0)
        expect outcome = passed
}
`;

/** `unformatted` in canonical form, written out by hand (not by the formatter under test). */
export const unformattedCanonical = `vote loose "Loose" {
  quorum: present >= 2/3 of entitled
  passes: yes > 1/2 of present
}

test "all present, all yes" {
  loose(entitled: 3, present: 3, yes: 3, no: 0, abstain: 0)
    expect outcome = passed
}
`;

/** `failing` in canonical form, written out by hand: labels aligned, expectations under their call. */
export const failingCanonical = `vote simple "Simple majority of those present" {
  quorum: present > 1/2 of entitled  "more than half present"
  passes: yes > 1/2 of present       "more than half of those present say yes"
}

test "4 of 6 present say yes: passed" {
  simple(entitled: 10, present: 6, yes: 4, no: 2, abstain: 0)
    expect outcome = passed
}

test "a 3-3 tie passes" {
  simple(entitled: 10, present: 6, yes: 3, no: 3, abstain: 0)
    expect outcome = passed
}
`;

/** Chinese identifiers, labels and test names (a scorecard). */
export const chinese = `scorecard 民主测评 "民主测评 / Democratic evaluation" {
  input 满意: count "满意票"
  input 不满意: count "不满意票"

  let 满意率 = 满意 / (满意 + 不满意)

  criterion 认可度 "认可度" max 10 {
    10 when 满意率 >= 90%
     0 otherwise "满意率低于90%"
  }

  grade {
    "优秀" when score >= 10
    "待改进" otherwise
  }
}

test "九成满意为优秀" {
  民主测评(满意: 9, 不满意: 1)
  expect grade = "优秀"
}

test "八成满意待改进" {
  民主测评(满意: 8, 不满意: 2)
  expect grade = "待改进"
  expect 认可度 = 0
}
`;
