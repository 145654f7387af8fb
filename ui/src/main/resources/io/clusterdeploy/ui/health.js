// Instance health as the page shows it: a colour and, so that colour is never the only cue, a symbol in the square
// (both drawn by cluster-view.css from the square's instance--<css> class, so 100,000 squares cost no extra nodes)
// and words for its tooltip and accessible name. One table, shared by the cluster view, its filters, its legend and
// the applications overview.

/** Spinnaker's health states, in the order the legend and the filters list them. */
export const HEALTH_STATES = ['UP', 'DOWN', 'STARTING', 'OUT_OF_SERVICE', 'UNKNOWN'];

const HEALTH = {
  UP: { css: 'up', label: 'up', meaning: 'passing health checks, taking traffic', count: 'up' },
  DOWN: { css: 'down', label: 'down', meaning: 'failing health checks', count: 'down' },
  STARTING: { css: 'starting', label: 'starting', meaning: 'launched, not yet healthy', count: 'starting' },
  OUT_OF_SERVICE: {
    css: 'out-of-service', label: 'out of service', meaning: 'healthy, taken out of traffic', count: 'outOfService',
  },
  UNKNOWN: { css: 'unknown', label: 'unknown', meaning: 'not checked yet, or the check could not run', count: 'unknown' },
};

/** How the page shows `state`: {css (its square's class suffix), label, meaning, count (its key in instanceCounts)}. */
export function health(state) {
  return HEALTH[state] || HEALTH.UNKNOWN;
}

/** The health each letter of a summarised group's `instanceHealth` stands for. */
export const HEALTH_LETTERS = { U: 'UP', D: 'DOWN', S: 'STARTING', O: 'OUT_OF_SERVICE', '?': 'UNKNOWN' };

/** The health state a summarised group's letter stands for. */
export function stateOfLetter(letter) {
  return HEALTH_LETTERS[letter] || 'UNKNOWN';
}

/** A summarised group's letters counted as the API counts a full group's instances (its instanceCounts). */
export function countsOfLetters(letters) {
  const counts = Object.fromEntries([['total', letters.length], ...HEALTH_STATES.map((s) => [health(s).count, 0])]);
  for (const letter of letters) {
    counts[health(stateOfLetter(letter)).count] += 1;
  }
  return counts;
}

/** How many instances of `counts` (the API's instanceCounts) are in `state`. */
export function countIn(counts, state) {
  return (counts && counts[health(state).count]) || 0;
}
