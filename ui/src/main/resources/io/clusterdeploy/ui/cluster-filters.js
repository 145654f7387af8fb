// The cluster view's filters, as in Deck's: account, location, stack, detail, enabled/disabled, instance health and a
// text search. They work on the data the page read (never by scanning the document), so that an application of
// 10,000 server groups filters in a few milliseconds and only what remains is drawn. They live in the page's query
// (?account=…&stack=…&health=DOWN,STARTING&q=…), so a filtered view can be shared and survives a reload.

import { el } from './dom.js';
import { countIn, health, HEALTH_STATES } from './health.js';

/** In the URL and the selects, the value for "no stack" or "no detail" (a dash is never part of either). */
export const NONE = '-';
/** Typing waits this long after the last key before the view is filtered again. */
const TYPING_DEBOUNCE_MS = 150;

/** The facets chosen with one value each, and what each reads from a cluster or a server group. */
const FACETS = [
  { key: 'account', label: 'Account', of: (c) => c.account },
  { key: 'location', label: 'Location', of: (c) => c.location },
  { key: 'stack', label: 'Stack', of: (c) => c.stack || NONE },
  { key: 'detail', label: 'Detail', of: (c) => c.detail || NONE },
];
const STATUSES = { enabled: true, disabled: false };
/** Every query parameter the filters own. */
export const FILTER_PARAMS = [...FACETS.map((f) => f.key), 'status', 'health', 'q'];

/** The filters a URL carries: {account, location, stack, detail, status, health: [states], q}, '' for "any". */
export function filtersFromUrl(href) {
  const params = new URL(href).searchParams;
  const status = params.get('status') || '';
  return {
    account: params.get('account') || '',
    location: params.get('location') || '',
    stack: params.get('stack') || '',
    detail: params.get('detail') || '',
    status: status in STATUSES ? status : '',
    health: (params.get('health') || '').split(',').filter((s) => HEALTH_STATES.includes(s)),
    q: params.get('q') || '',
  };
}

/** `href` with `filters` as its query parameters (none for an "any" filter), always in the same order. */
export function urlWithFilters(href, filters) {
  const url = new URL(href);
  FILTER_PARAMS.forEach((key) => url.searchParams.delete(key));
  for (const key of FILTER_PARAMS) {
    const value = key === 'health' ? filters.health.join(',') : String(filters[key] || '').trim();
    if (value) {
      url.searchParams.set(key, value);
    } else {
      url.searchParams.delete(key);
    }
  }
  return url.href;
}

export function noFilters() {
  return { account: '', location: '', stack: '', detail: '', status: '', health: [], q: '' };
}

export function anyFilter(filters) {
  return FILTER_PARAMS.some((k) => (k === 'health' ? filters.health.length > 0 : Boolean(String(filters[k]).trim())));
}

/** A stable string for "the same filters", for the view's redraw check. */
export function filtersKey(filters) {
  return JSON.stringify(FILTER_PARAMS.map((k) => filters[k]));
}

/** The search's words, lower case; a group matches when its text holds every one. */
export function searchTerms(q) {
  return String(q || '').toLowerCase().split(/\s+/).filter(Boolean);
}

/** What the text search looks at in a group, made once per group object (a 304 keeps the objects). */
const searchTexts = new WeakMap();

function searchText(cluster, sg) {
  let text = searchTexts.get(sg);
  if (text === undefined) {
    const parts = [cluster.name, sg.name, sg.artifact || ''];
    for (const i of Array.isArray(sg.instances) ? sg.instances : []) {
      parts.push(i.id || '', i.address || '');
    }
    text = parts.join('\n').toLowerCase();
    searchTexts.set(sg, text);
  }
  return text;
}

function groupMatches(cluster, sg, filters, terms) {
  if (filters.status && sg.enabled !== STATUSES[filters.status]) {
    return false;
  }
  if (filters.health.length > 0 && !filters.health.some((state) => countIn(sg.instanceCounts, state) > 0)) {
    return false;
  }
  if (terms.length > 0) {
    const text = searchText(cluster, sg);
    return terms.every((t) => text.includes(t));
  }
  return true;
}

/**
 * The clusters with only their groups that pass every filter (clusters left without one are dropped), and the
 * counts before and after: {clusters, shownGroups, totalGroups, shownClusters, totalClusters}.
 */
export function applyFilters(clusters, filters) {
  const terms = searchTerms(filters.q);
  const facets = FACETS.filter((f) => filters[f.key]);
  const out = [];
  let shownGroups = 0;
  let totalGroups = 0;
  for (const c of clusters) {
    const groups = c.serverGroups || [];
    totalGroups += groups.length;
    if (!facets.every((f) => f.of(c) === filters[f.key])) {
      continue;
    }
    const kept = groups.filter((sg) => groupMatches(c, sg, filters, terms));
    if (kept.length > 0) {
      shownGroups += kept.length;
      out.push(kept.length === groups.length ? c : { ...c, serverGroups: kept });
    }
  }
  return { clusters: out, shownGroups, totalGroups, shownClusters: out.length, totalClusters: clusters.length };
}

function plural(n, one, many) {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** "12 of 340 server groups in 3 of 34 clusters", or, unfiltered, "340 server groups in 34 clusters". */
export function countText(result, filtered) {
  if (!filtered) {
    return `${plural(result.totalGroups, 'server group', 'server groups')} in ${plural(result.totalClusters, 'cluster', 'clusters')}`;
  }
  return `${result.shownGroups.toLocaleString('en')} of ${plural(result.totalGroups, 'server group', 'server groups')} in `
    + `${result.shownClusters.toLocaleString('en')} of ${plural(result.totalClusters, 'cluster', 'clusters')}`;
}

/**
 * The filter bar: a search field, a select per facet (its options the values the application has), the health
 * checkboxes, the enabled/disabled select, the count and one button that clears them all. `onChange(filters)` is
 * called on every change (typing: once it pauses). Everything is a native control, so Tab, arrows, Space and Enter
 * work as everywhere; Escape in the search field empties it.
 */
export class FilterBar {
  constructor(onChange) {
    this.onChange = onChange;
    this.filters = noFilters();
    this.typing = null;
    this.optionsKey = '';
    this.search = el('input', {
      type: 'search', id: 'cv-search', class: 'filter-search', 'data-filter': 'q', autocomplete: 'off',
      spellcheck: 'false', placeholder: 'cluster, server group, artifact, instance…',
    });
    this.selects = Object.fromEntries(FACETS.map((f) => [f.key, el('select', {
      id: `cv-filter-${f.key}`, class: 'filter-select', 'data-filter': f.key,
    })]));
    this.status = el('select', { id: 'cv-filter-status', class: 'filter-select', 'data-filter': 'status' },
      el('option', { value: '', text: 'Any' }),
      el('option', { value: 'enabled', text: 'Enabled' }),
      el('option', { value: 'disabled', text: 'Disabled' }));
    this.health = HEALTH_STATES.map((state) => el('input', {
      type: 'checkbox', value: state, 'data-filter-health': state, id: `cv-filter-health-${health(state).css}`,
    }));
    this.count = el('p', { class: 'filter-count', 'data-filter-count': '', role: 'status' });
    this.clear = el('button', {
      type: 'button', class: 'button button--small filter-clear', 'data-filter-clear': '', text: 'Clear filters',
    });
    this.facets = el('div', { class: 'filter-facets' },
      FACETS.map((f) => el('label', { class: 'filter', for: `cv-filter-${f.key}` }, f.label, this.selects[f.key])),
      el('label', { class: 'filter', for: 'cv-filter-status' }, 'Server groups', this.status),
      el('fieldset', { class: 'filter filter-health' }, el('legend', { text: 'Instance health' }),
        this.health.map((box) => el('label', { class: 'filter-health-option', for: box.id }, box,
          el('span', { class: `instance instance--${health(box.value).css}`, 'aria-hidden': 'true' }),
          health(box.value).label))));
    this.root = el('form', { class: 'filters', role: 'search', 'aria-label': 'Filter server groups' },
      el('label', { class: 'filter filter--search', for: 'cv-search' }, 'Search', this.search),
      this.facets, el('div', { class: 'filter-summary' }, this.count, this.clear));

    this.root.addEventListener('submit', (e) => e.preventDefault());
    this.search.addEventListener('input', () => {
      clearTimeout(this.typing);
      this.typing = setTimeout(() => this.changed(), TYPING_DEBOUNCE_MS);
    });
    this.search.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.search.value) {
        e.preventDefault();
        this.search.value = '';
        this.changed();
      } else if (e.key === 'Enter') {
        e.preventDefault();
        this.changed();
      }
    });
    this.root.addEventListener('change', (e) => {
      if (e.target !== this.search) {
        this.changed();
      }
    });
    this.clear.addEventListener('click', () => {
      this.set(noFilters());
      this.changed();
      this.search.focus();
    });
  }

  changed() {
    clearTimeout(this.typing);
    this.filters = this.read();
    this.clear.disabled = !anyFilter(this.filters);
    this.onChange(this.filters);
  }

  read() {
    const f = { ...noFilters(), q: this.search.value };
    for (const facet of FACETS) {
      f[facet.key] = this.selects[facet.key].value;
    }
    f.status = this.status.value;
    f.health = this.health.filter((box) => box.checked).map((box) => box.value);
    return f;
  }

  /** Shows `filters` in the controls (from the URL, or cleared), without calling onChange. */
  set(filters) {
    this.filters = { ...filters, health: [...filters.health] };
    this.search.value = filters.q;
    this.status.value = filters.status;
    for (const box of this.health) {
      box.checked = filters.health.includes(box.value);
    }
    this.optionsKey = '';
    this.fillOptions(this.lastClusters || []);
    this.clear.disabled = !anyFilter(filters);
  }

  /** In the overview of applications only the search applies. */
  setMode(overview) {
    this.facets.hidden = overview;
    this.search.placeholder = overview ? 'application or account…' : 'cluster, server group, artifact, instance…';
    this.root.setAttribute('aria-label', overview ? 'Filter applications' : 'Filter server groups');
  }

  /** The facets' options: the values the application's clusters have (and a chosen one it no longer has). */
  fillOptions(clusters) {
    this.lastClusters = clusters;
    const values = Object.fromEntries(FACETS.map((f) => [f.key, new Set()]));
    for (const c of clusters) {
      for (const f of FACETS) {
        values[f.key].add(f.of(c));
      }
    }
    for (const f of FACETS) {
      if (this.filters[f.key]) {
        values[f.key].add(this.filters[f.key]);
      }
    }
    const sortedOf = (set) => [...set].sort((a, b) => (a === NONE) - (b === NONE) || a.localeCompare(b));
    // Redrawn only when the values change (never because one was chosen: the user may be in that select).
    const key = JSON.stringify(FACETS.map((f) => sortedOf(values[f.key])));
    if (key === this.optionsKey) {
      return;
    }
    this.optionsKey = key;
    for (const f of FACETS) {
      const chosen = this.filters[f.key];
      const sorted = sortedOf(values[f.key]);
      this.selects[f.key].replaceChildren(el('option', { value: '', text: 'Any' }),
        ...sorted.map((v) => el('option', { value: v, text: v === NONE ? '(none)' : v })));
      this.selects[f.key].value = chosen;
    }
  }

  showCount(text) {
    if (this.count.textContent !== text) {
      this.count.textContent = text;
    }
  }
}
