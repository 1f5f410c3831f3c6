/** Rule files the browser tests store and edit: Chinese names, a ratio on a 2/3 threshold, a test block. */

/** A scorecard named `name` with Chinese inputs, a let, a criterion and a grade, and a test of it. */
export function scorecardSource(name: string): string {
  return `scorecard ${name} "满意度测评" {
  input 满意:   count  "满意票"
  input 不满意: count  "不满意票"

  let 满意率 = 满意 / (满意 + 不满意)

  criterion 认可 "认可度" max 10 {
    10 when 满意率 >= 2/3
     0 otherwise
  }

  grade {
    "优秀" when score >= 10
    "一般" otherwise
  }
}

test "测评通过" {
  ${name}(满意: 2, 不满意: 1)
    expect grade = "优秀"
}
`;
}
