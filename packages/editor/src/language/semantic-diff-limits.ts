/** Limits of the History's semantic diff, in a module of their own so the first screen's chunk does not pull in lang. */

/** The largest roster the editor compares up to: the diff solves ~C(N + 4, 4) runs, about 7 s at 100 on a slow core. */
export const MAX_EDITOR_DIFF_ENTITLED = 100;
