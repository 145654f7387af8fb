// The overview of every application (GET /api/applications): its accounts, how many clusters and server groups it
// has, and its instances' health, each row linking into the application's cluster view. Shown when no application is
// chosen, or from the "All applications" link; the text search filters it by application or account name.

import { el } from './dom.js';
import { countIn, health, HEALTH_STATES } from './health.js';
import { searchTerms } from './cluster-filters.js';

/** Applications whose name or accounts hold every word of `q`. */
export function matchingApplications(apps, q) {
  const terms = searchTerms(q);
  return apps.filter((a) => {
    const text = [a.name, ...(a.accounts || [])].join('\n').toLowerCase();
    return terms.every((t) => text.includes(t));
  });
}

/** "2 of 12 applications", or, with no search, "12 applications". */
export function applicationCountText(shown, total, filtered) {
  const noun = total === 1 ? 'application' : 'applications';
  return filtered ? `${shown} of ${total} ${noun}` : `${total} ${noun}`;
}

/** The health of an application's instances: its symbol and a count per state that has any ("4 up, 1 down"). */
function healthSummary(counts) {
  const states = HEALTH_STATES.filter((s) => countIn(counts, s) > 0);
  if (states.length === 0) {
    return el('span', { class: 'muted', text: 'no instances' });
  }
  const words = states.map((s) => `${countIn(counts, s)} ${health(s).label}`).join(', ');
  return el('span', { class: 'health-summary', 'data-health-summary': words, title: words },
    states.map((s) => el('span', { class: 'health-count' },
      el('span', { class: `instance instance--${health(s).css}`, 'aria-hidden': 'true' }),
      ` ${countIn(counts, s)} ${health(s).label}`)));
}

/**
 * The overview's table (or a line saying there is nothing), for `apps` already filtered; `hrefOf(name)` is where
 * each application's cluster view is.
 */
export function renderOverview(apps, total, hrefOf) {
  if (total === 0) {
    return [el('p', { class: 'empty', text: 'No application yet: deploy one through the API (POST /api/operations).' })];
  }
  if (apps.length === 0) {
    return [el('p', { class: 'empty', text: 'No application matches the search.' })];
  }
  return [el('table', { class: 'apps' },
    el('thead', {}, el('tr', {}, ['Application', 'Accounts', 'Clusters', 'Server groups', 'Instances']
      .map((h) => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, apps.map((a) => el('tr', { 'data-application': a.name },
      el('th', { scope: 'row' }, el('a', {
        class: 'app-link', href: hrefOf(a.name), 'data-app-link': a.name, 'data-focus-key': `app:${a.name}`, text: a.name,
      })),
      el('td', { class: 'app-accounts', text: (a.accounts || []).join(', ') || '—' }),
      el('td', { class: 'app-clusters', text: a.clusters ?? '—' }),
      el('td', { class: 'app-groups', text: a.serverGroups === undefined ? '—' : `${a.serverGroups} (${a.enabledServerGroups ?? '?'} enabled)` }),
      el('td', { class: 'app-health' }, a.instanceCounts ? healthSummary(a.instanceCounts) : '—')))))];
}
