// The cluster view: an application's clusters, server groups, instances, load balancers and
// recent operations, read from the Cluster Deploy JSON API and refreshed every 2 seconds.
// Users with the right to act get action buttons (cluster-actions.js: each shows the server's plan first); the page
// never holds the API token: the standalone server's session is an HttpOnly cookie.
// Vanilla ES module with no build step, so that any server can serve this very file.
// Every piece of data goes into the page through textContent or attribute values, never as HTML.

import { el } from './dom.js';
import { countsOfLetters, health, HEALTH_STATES, stateOfLetter } from './health.js';
import {
  anyFilter, applyFilters, countText, FilterBar, filtersFromUrl, filtersKey, noFilters, urlWithFilters,
} from './cluster-filters.js';
import { applicationCountText, matchingApplications, renderOverview } from './applications-overview.js';
import {
  ACTIONS, actingRights, ActionDialog, cancelButton, cancellationLine, clusterButtons, rightsLine, serverGroupButtons,
} from './cluster-actions.js';
import { InstancePanel } from './instance-panel.js';

/** Which actions act on a cluster (the rest on a server group). */
const ACTION_SCOPE = Object.fromEntries(Object.entries(ACTIONS).map(([k, a]) => [k, a.scope]));

const REFRESH_MS = 2000;
// A request that hangs must not stall the refresh loop forever.
const REQUEST_TIMEOUT_MS = 15000;
const MAX_OPERATIONS = 15;
const ARTIFACT_HEAD = 20;
const ARTIFACT_TAIL = 56;

// ---------------------------------------------------------------------------------------------
// API access

/** The ETag each body read came with: a cheap key for "has this changed", where comparing the body would not be. */
const etags = new WeakMap();

/** A key for data made of bodies and strings: their ETags where they have one, else their JSON. */
function keyOf(data) {
  const parts = Array.isArray(data) ? data : [data];
  return JSON.stringify(parts.map((d) => (d !== null && typeof d === 'object' && etags.has(d) ? { etag: etags.get(d) } : d)));
}

/**
 * Reads JSON from the API under `base` (an absolute URL ending in '/'). A read the server tags with an ETag is kept
 * in memory and asked for again with If-None-Match: an unchanged view is a 304 without a body. (The browser's own
 * cache is not used: answers are no-store.)
 */
export function apiClient(base) {
  const known = new Map();
  return {
    async get(path) {
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(), REQUEST_TIMEOUT_MS);
      try {
        const kept = known.get(path);
        const headers = { Accept: 'application/json' };
        if (kept) {
          headers['If-None-Match'] = kept.etag;
        }
        const response = await fetch(new URL(path, base), {
          headers,
          cache: 'no-store',
          credentials: 'same-origin',
          signal: abort.signal,
        });
        if (response.status === 304 && kept) {
          return kept.body;
        }
        const body = await response.json().catch(() => null);
        const etag = response.headers.get('ETag');
        if (response.ok && body !== null && etag) {
          known.set(path, { etag, body });
          if (typeof body === 'object') {
            etags.set(body, etag);
          }
        }
        if (!response.ok) {
          const why = body && typeof body.message === 'string' ? body.message : response.statusText;
          throw new Error(`HTTP ${response.status} on ${path}: ${why}`);
        }
        if (body === null) {
          throw new Error(`the answer to ${path} is not JSON`);
        }
        return body;
      } catch (e) {
        if (e.name === 'AbortError') {
          throw new Error(`no answer to ${path} within ${REQUEST_TIMEOUT_MS / 1000} s`);
        }
        throw e;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/**
 * Where the server pushes its changes (data-events, relative to the API root; the Jenkins page has none): each
 * event makes the page read again at once. The browser reconnects by itself; while it cannot, polling goes on.
 */
export function listenForChanges(root, base, onChange) {
  if (!root.dataset.events || typeof EventSource !== 'function') {
    return null;
  }
  const source = new EventSource(new URL(root.dataset.events, base), { withCredentials: false });
  source.addEventListener('change', onChange);
  return source;
}

/** The API root from the mount element's data-api attribute, relative to the page. */
export function apiBase(root) {
  const given = root.dataset.api || '../api';
  return new URL(given.endsWith('/') ? given : `${given}/`, document.baseURI).href;
}

// ---------------------------------------------------------------------------------------------
// Refresh loop

/**
 * Runs `task`, then waits `intervalMs` after it has ended before running it again, so requests
 * never overlap however slow the server is. `now()` asks for a run as soon as the current one
 * (if any) is done; `stop()` ends the loop (a run under way finishes, none follows).
 */
export class Poller {
  constructor(task, intervalMs) {
    this.task = task;
    this.intervalMs = intervalMs;
    this.timer = null;
    this.running = false;
    this.again = false;
    this.stopped = false;
  }

  start() {
    this.now();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  now() {
    if (this.stopped) {
      return;
    }
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.run();
  }

  async run() {
    this.running = true;
    try {
      await this.task();
    } finally {
      this.running = false;
      const delay = this.again ? 0 : this.intervalMs;
      this.again = false;
      if (!this.stopped) {
        this.timer = setTimeout(() => this.run(), delay);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// DOM building: text only

// `el` lives in dom.js, shared with the actions' module; exported here too, for the canary report.
export { el };

/**
 * Replaces a container's content, keeping keyboard focus on the element with the same
 * data-focus-key, so a refresh does not throw the user's place away.
 */
function replaceContent(container, nodes) {
  const active = document.activeElement;
  const key = active && container.contains(active) ? active.dataset.focusKey : undefined;
  container.replaceChildren(...nodes);
  if (key !== undefined) {
    const again = [...container.querySelectorAll('[data-focus-key]')].find((n) => n.dataset.focusKey === key);
    if (again) {
      again.focus();
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Formatting

// How each health state is named is health.js's (its colour and symbol are cluster-view.css's); exported here too.
export { health };

/**
 * A summarised answer (a big application, `instances=summary`) gives each cluster's server groups as rows under one
 * field list (`serverGroupFields`, `serverGroupRows`: engine ServerGroupRow; a dotted field such as `capacity.min`
 * is a key of the group's `capacity`) and leaves out what the cluster already says and what each group's name and
 * letters give: made into the full answer's group objects here, in place, so that the rest of the page, its filters
 * and its actions read one shape. Fields are found by name, not position, and ones the page does not know are kept.
 */
export function completeGroups(clusters) {
  for (const c of clusters) {
    if (Array.isArray(c.serverGroupFields) && Array.isArray(c.serverGroupRows)) {
      const paths = c.serverGroupFields.map((field) => String(field).split('.'));
      c.serverGroups = c.serverGroupRows.map((row) => groupOfRow(paths, row));
      delete c.serverGroupFields;
      delete c.serverGroupRows;
    }
    for (const sg of c.serverGroups || []) {
      if (typeof sg.instanceHealth !== 'string' || sg.account !== undefined) {
        continue;
      }
      sg.cluster = c.name;
      sg.account = c.account;
      sg.location = c.location;
      const version = /-v(\d{3,6})$/.exec(sg.name);
      sg.sequence = version ? Number(version[1]) : null;
      sg.instanceCounts = countsOfLetters(sg.instanceHealth);
      sg.securityGroups = sg.securityGroups || [];
      sg.tags = sg.tags || {};
    }
  }
  return clusters;
}

/** One row of a summarised cluster as an object: each value under its field's path (`['a', 'b']` as `{a: {b}}`). */
function groupOfRow(paths, row) {
  const sg = {};
  paths.forEach((path, i) => {
    let into = sg;
    for (const key of path.slice(0, -1)) {
      into[key] = into[key] && typeof into[key] === 'object' ? into[key] : {};
      into = into[key];
    }
    into[path[path.length - 1]] = row[i];
  });
  return sg;
}

/**
 * A group's instances: as the API gives them, or, for a summarised answer (a big application), one per letter of
 * `instanceHealth`, numbered, without an address (the group's own read has the details).
 */
export function instancesOf(sg) {
  if (Array.isArray(sg.instances)) {
    return sg.instances;
  }
  return [...(sg.instanceHealth || '')].map((letter, i) => ({
    id: `${sg.name} #${i + 1}`, health: stateOfLetter(letter), address: null,
  }));
}

/** `v001` as in Spinnaker's names; a dash for a group without a version. */
export function sequenceLabel(sequence) {
  return Number.isInteger(sequence) ? `v${String(sequence).padStart(3, '0')}` : '—';
}

/**
 * Long artifacts keep the program's name (without its directory) and the end, where what differs
 * between versions usually is; both cut at spaces so no word is split.
 */
export function shortenArtifact(artifact) {
  if (!artifact) {
    return '—';
  }
  if (artifact.length <= ARTIFACT_HEAD + ARTIFACT_TAIL + 1) {
    return artifact;
  }
  const first = artifact.split(' ')[0];
  const head = first.slice(first.lastIndexOf('/') + 1).slice(0, ARTIFACT_HEAD) || first.slice(0, ARTIFACT_HEAD);
  const end = artifact.slice(-ARTIFACT_TAIL);
  const space = end.indexOf(' ');
  const tail = space >= 0 && space < end.length - 1 ? end.slice(space + 1) : end;
  return `${head} … ${tail}`;
}

function dateOf(iso) {
  const d = iso ? new Date(iso) : null;
  return d && !Number.isNaN(d.getTime()) ? d : null;
}

/** A <time> showing the local date and time, with the exact instant as its tooltip. */
export function timeNode(iso, timeOnly = false) {
  const d = dateOf(iso);
  if (!d) {
    return el('span', { text: '—' });
  }
  return el('time', {
    datetime: d.toISOString(),
    title: d.toISOString(),
    text: timeOnly ? d.toLocaleTimeString() : d.toLocaleString(),
  });
}

export function duration(startIso, endIso) {
  const start = dateOf(startIso);
  const end = dateOf(endIso);
  if (!start || !end) {
    return '';
  }
  const s = Math.max(0, Math.round((end - start) / 1000));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

// ---------------------------------------------------------------------------------------------
// The API's data, arranged for display

/** Newest first: by creation time, then by sequence, as the engine orders them. */
export function newestFirst(a, b) {
  const ta = dateOf(a.createdTime)?.getTime() ?? -Infinity;
  const tb = dateOf(b.createdTime)?.getTime() ?? -Infinity;
  if (ta !== tb) {
    return tb - ta;
  }
  return (b.sequence ?? -1) - (a.sequence ?? -1);
}

/** Clusters grouped by account and location: [{account, location, clusters}], sorted. */
export function groupByPlace(clusters) {
  const places = new Map();
  for (const c of clusters) {
    const key = `${c.account}\u0000${c.location}`;
    if (!places.has(key)) {
      places.set(key, { account: c.account, location: c.location, clusters: [] });
    }
    places.get(key).clusters.push(c);
  }
  const byName = (a, b) => a.name.localeCompare(b.name);
  return [...places.values()]
    .map((p) => ({ ...p, clusters: [...p.clusters].sort(byName) }))
    .sort((a, b) => a.account.localeCompare(b.account) || a.location.localeCompare(b.location));
}

/**
 * The cluster an operation request names: `cluster`, the deploy's moniker, or a group's name; else
 * the cluster the server says it acts on (a canaryAnalysis names its groups in `control` and
 * `experiment`, which only the server resolves).
 */
export function operationTarget(op) {
  const r = op.request || {};
  if (r.cluster) {
    return r.cluster;
  }
  if (op.type === 'deploy' && r.application) {
    const detail = r.freeFormDetails || '';
    const stack = r.stack || '';
    return [r.application, stack || detail ? stack : null, detail || null].filter((p) => p !== null).join('-');
  }
  return r.serverGroupName || r.name || op.target?.cluster || '';
}

/** The application an operation belongs to: the first part of its names (Spinnaker's rule). */
export function operationApplication(op) {
  const r = op.request || {};
  return r.application || op.target?.application || operationTarget(op).split('-')[0];
}

/** Whether the canary report shows this operation: a deploy with strategy canary, or a canaryAnalysis. */
export function hasCanaryReport(op) {
  if (op.type === 'canaryAnalysis') {
    return true;
  }
  const strategy = String(op.request?.strategy || '').toLowerCase();
  return op.type === 'deploy' && (strategy === 'canary' || Boolean(op.context?.canary));
}

/** The canary report's address for an operation, under `reportUrl` (relative to the page). */
export function canaryReportHref(reportUrl, op) {
  const url = new URL(reportUrl, document.baseURI);
  url.searchParams.set('operation', op.id);
  return url.href;
}

// ---------------------------------------------------------------------------------------------
// Rendering

function badge(kind, text, extraClass = '') {
  return el('span', { class: `badge badge--${kind} ${extraClass}`.trim(), text });
}

export function statusBadge(status, extraClass) {
  return badge(String(status || 'unknown').toLowerCase(), status || 'UNKNOWN', extraClass);
}

/**
 * A square coloured by health; the colour is not the only cue: the square shows the state's symbol (drawn by the
 * style sheet from its class), and its tooltip and accessible name say it in words. `openable` (a real instance,
 * not a summarised group's letter): a button that opens the instance panel (instance-panel.js).
 */
function instanceSquare(instance, openable) {
  const h = health(instance.health);
  const label = `${instance.id} ${instance.address || 'no address'} ${instance.health}`;
  return el('li', {}, el('span', {
    class: `instance instance--${h.css}`, role: openable ? 'button' : 'img', 'aria-label': label, title: label,
    'data-health': instance.health, 'data-instance': openable ? instance.id : null, tabindex: openable ? '0' : null,
    'aria-haspopup': openable ? 'dialog' : null, 'data-focus-key': openable ? `instance:${instance.id}` : null,
  }));
}

function fact(name, ...value) {
  return [el('dt', { text: name }), el('dd', {}, ...value)];
}

function serverGroupCard(sg, rights) {
  const counts = sg.instanceCounts || {};
  const cap = sg.capacity || {};
  const instances = instancesOf(sg);
  const artifact = sg.artifact || '';
  return el('article', {
    class: `sg ${sg.enabled ? 'sg--enabled' : 'sg--disabled'}`,
    'data-server-group': sg.name,
    'aria-label': `Server group ${sg.name}`,
  },
  el('header', { class: 'sg-head' },
    el('span', { class: 'sg-seq', text: sequenceLabel(sg.sequence) }),
    sg.enabled ? badge('enabled', 'Enabled') : badge('disabled', 'Disabled')),
  el('h4', { class: 'sg-name', text: sg.name }),
  el('dl', { class: 'sg-facts' },
    fact('Capacity', el('span', { class: 'capacity', text: `min ${cap.min} · desired ${cap.desired} · max ${cap.max}` })),
    fact('Instances', el('span', { class: 'sg-up', text: `${counts.up ?? 0} of ${instances.length} up` })),
    fact('Artifact', el('code', { class: 'artifact', title: artifact || null, text: shortenArtifact(artifact) })),
    fact('Load balancers', (sg.loadBalancers || []).join(', ') || '—'),
    fact('Created', timeNode(sg.createdTime))),
  instances.length === 0
    ? el('p', { class: 'sg-empty', text: 'No instances' })
    : el('ul', { class: 'instances', 'aria-label': `Instances of ${sg.name}` }, instances.map((i) => instanceSquare(i, Array.isArray(sg.instances)))),
  serverGroupButtons(rights, sg));
}

function clusterBlock(cluster, rights) {
  const groups = [...(cluster.serverGroups || [])].sort(newestFirst);
  return el('section', { class: 'cluster', 'data-cluster': cluster.name, 'aria-label': `Cluster ${cluster.name}` },
    el('div', { class: 'cluster-head' }, el('h3', { class: 'cluster-name', text: cluster.name }), clusterButtons(rights, cluster)),
    el('div', { class: 'sg-row' }, groups.map((sg) => serverGroupCard(sg, rights))));
}

/** What each square's colour and symbol mean. */
function legend() {
  return el('ul', { class: 'legend', 'aria-label': 'Instance health: colours and symbols' },
    HEALTH_STATES.map((state) => el('li', { 'data-legend': state, title: health(state).meaning },
      el('span', { class: `instance instance--${health(state).css}`, 'aria-hidden': 'true' }),
      el('span', {}, el('span', { class: 'legend-label', text: health(state).label }),
        el('span', { class: 'legend-meaning', text: `: ${health(state).meaning}` })))));
}

function renderClusters(app, clusters, rights, protectedAccounts) {
  if (!app) {
    return [el('p', { class: 'empty', text: 'No application yet: deploy one through the API (POST /api/operations).' })];
  }
  if (clusters.length === 0) {
    return [el('p', { class: 'empty', text: `Application ${app} has no clusters yet.` })];
  }
  const render = ++renders;
  const sections = groupByPlace(clusters).map((place) => {
    const section = el('section', {
      class: 'place', 'aria-label': `Account ${place.account}, location ${place.location}`,
    },
    el('h2', { class: 'place-name' }, el('span', { class: 'muted', text: 'account ' }), place.account,
      el('span', { class: 'muted', text: ' · location ' }), place.location,
      protectedAccounts.has(place.account)
        ? el('span', { class: 'badge badge--protected', title: 'Destructive actions ask for the account\'s name', text: 'protected' })
        : null));
    return { section, clusters: place.clusters };
  });
  if (lazyObserver) {
    lazyObserver.disconnect();
    lazyObserver = null;
  }
  const total = clusters.reduce((n, c) => n + (c.serverGroups || []).length, 0);
  if (total > LAZY_ABOVE_GROUPS && typeof IntersectionObserver === 'function') {
    // A big application: each cluster is a placeholder until it comes near the screen, so the document holds what
    // can be seen, not 100,000 instances.
    const waiting = new Map();
    let first = true;
    lazyObserver = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        const cluster = waiting.get(entry.target);
        if (entry.isIntersecting && cluster && render === renders) {
          waiting.delete(entry.target);
          lazyObserver.unobserve(entry.target);
          entry.target.replaceWith(clusterBlock(cluster, rights));
          if (first) {
            first = false;
            requestAnimationFrame(() => performance.mark('cv-first-rows'));
          }
        }
      }
    }, { rootMargin: '800px 0px' });
    for (const { section, clusters: cs } of sections) {
      for (const c of cs) {
        const placeholder = el('section', {
          class: 'cluster cluster--pending', 'data-cluster': c.name, 'aria-label': `Cluster ${c.name}`, 'aria-busy': 'true',
        }, el('h3', { class: 'cluster-name', text: c.name }));
        waiting.set(placeholder, c);
        section.append(placeholder);
        lazyObserver.observe(placeholder);
      }
    }
    return [legend(), ...sections.map((p) => p.section)];
  }
  // The first clusters now, the rest in later tasks: the first rows paint at once and no task holds the page for
  // long. A newer render stops an older one's remaining work.
  const pending = sections.flatMap(({ section, clusters: cs }) => cs.map((c) => [section, c]));
  const appendBatch = () => {
    let groups = 0;
    while (pending.length > 0 && groups < RENDER_BATCH_GROUPS && render === renders) {
      const [section, cluster] = pending.shift();
      section.append(clusterBlock(cluster, rights));
      groups += (cluster.serverGroups || []).length || 1;
    }
    if (pending.length > 0 && render === renders) {
      setTimeout(appendBatch, 0);
    } else if (render === renders) {
      performance.mark('cv-all-rows');
    }
  };
  appendBatch();
  requestAnimationFrame(() => performance.mark('cv-first-rows'));
  return [legend(), ...sections.map((p) => p.section)];
}

/** About this many server groups are drawn per task. */
const RENDER_BATCH_GROUPS = 50;
/** Above this many server groups, clusters are drawn only when they come near the screen. */
const LAZY_ABOVE_GROUPS = 300;
let renders = 0;
let lazyObserver = null;

function renderLoadBalancers(loadBalancers) {
  if (loadBalancers.length === 0) {
    return [el('p', { class: 'empty', text: 'No load balancers.' })];
  }
  return [el('table', { class: 'lbs' },
    el('thead', {}, el('tr', {}, ['Name', 'Account', 'Location', 'Address', 'Server groups']
      .map((h) => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, loadBalancers.map((lb) => el('tr', { 'data-load-balancer': lb.name },
      el('td', { class: 'lb-name', text: lb.name }),
      el('td', { text: lb.account }),
      el('td', { text: lb.location }),
      el('td', {}, el('code', { text: lb.address || '—' })),
      el('td', { text: (lb.serverGroups || []).join(', ') || '—' })))))];
}

function reportLink(reportUrl, op, extraClass) {
  return el('a', {
    class: `report-link ${extraClass}`, href: canaryReportHref(reportUrl, op), 'data-canary-report-link': op.id,
    'data-focus-key': `report:${extraClass}:${op.id}`, text: 'Canary report',
  });
}

function operationRow(op, selectedId, reportUrl) {
  const selected = op.id === selectedId;
  const made = op.context && op.context.newServerGroup ? ` → ${op.context.newServerGroup}` : '';
  // The link sits beside the button, not in it: a link inside a button is neither valid nor reachable by keyboard.
  return el('li', { class: selected ? 'op op--selected' : 'op', 'data-operation': op.id },
    el('button', {
      type: 'button', class: 'op-button', 'data-operation-id': op.id, 'data-focus-key': `op:${op.id}`,
      'aria-pressed': selected ? 'true' : 'false',
    },
    el('span', { class: 'op-type', text: op.type }),
    statusBadge(op.status, 'op-status'),
    el('span', { class: 'op-target', text: `${operationTarget(op)}${made}` }),
    el('span', { class: 'op-started' }, timeNode(op.createdAt))),
  hasCanaryReport(op) ? reportLink(reportUrl, op, 'op-report') : null);
}

function stepItem(step) {
  return el('li', { class: `step step--${String(step.status).toLowerCase()}`, 'data-step': step.name },
    el('span', { class: 'step-name', text: step.name }),
    step.phase && step.phase !== 'main' ? badge('phase', step.phase) : null,
    statusBadge(step.status, 'step-status'),
    el('span', { class: 'step-when' }, timeNode(step.startedAt, true),
      step.endedAt ? ` (${duration(step.startedAt, step.endedAt)})` : ' (running)'),
    step.message ? el('p', { class: 'step-message', text: step.message }) : null);
}

function timeline(op, reportUrl, rights) {
  if (!op) {
    return [el('p', { class: 'empty', text: 'Select an operation to see its steps.' })];
  }
  const ended = op.status !== 'RUNNING';
  return [
    el('h3', { class: 'timeline-title' }, `${op.type} ${operationTarget(op)} `, statusBadge(op.status)),
    cancelButton(rights, op),
    op.startedBy || op.reason ? el('p', { class: 'op-who' }, op.startedBy ? `by ${op.startedBy}` : '',
      op.reason ? el('q', { class: 'op-reason', text: op.reason }) : null) : null,
    cancellationLine(op),
    el('p', { class: 'muted' }, 'started ', timeNode(op.createdAt),
      ended ? ` · took ${duration(op.createdAt, op.updatedAt)}` : ' · running'),
    hasCanaryReport(op) ? el('p', {}, reportLink(reportUrl, op, 'timeline-report')) : null,
    op.error ? el('p', { class: 'op-error', role: 'note', text: op.error.message }) : null,
    el('ol', { class: 'steps', 'aria-label': `Steps of ${op.type} ${operationTarget(op)}` }, (op.steps || []).map(stepItem)),
  ].filter(Boolean);
}

// ---------------------------------------------------------------------------------------------
// The page

function skeleton(root, filters) {
  const picker = el('select', { id: 'cv-app', class: 'app-picker', 'data-focus-key': 'app' });
  const parts = {
    picker,
    allApps: el('a', { class: 'all-apps', href: '?', 'data-all-applications': '', text: 'All applications' }),
    clustersTitle: el('h2', { id: 'cv-clusters-h', class: 'panel-title', text: 'Clusters' }),
    filters,
    // Not a live region: announcing the time every 2 s would drown a screen reader user.
    updated: el('span', { class: 'updated', text: 'Loading…' }),
    rights: el('span', { class: 'rights-line' }),
    banner: el('div', { class: 'banner', role: 'alert', hidden: true }),
    clusters: el('div', { class: 'clusters' }),
    loadBalancers: el('div', { class: 'lb-list' }),
    operations: el('ol', { class: 'ops', 'aria-label': 'Recent operations' }),
    timeline: el('div', { class: 'timeline', 'aria-live': 'polite' }),
  };
  // The load balancers and operations: hidden in the overview of every application.
  parts.lower = el('div', { class: 'lower' },
    el('section', { class: 'panel', 'aria-labelledby': 'cv-lbs-h' },
      el('h2', { id: 'cv-lbs-h', class: 'panel-title', text: 'Load balancers' }), parts.loadBalancers),
    el('section', { class: 'panel', 'aria-labelledby': 'cv-ops-h' },
      el('h2', { id: 'cv-ops-h', class: 'panel-title', text: 'Recent operations' }),
      el('div', { class: 'ops-split' }, parts.operations, parts.timeline)));
  root.replaceChildren(
    el('header', { class: 'topbar' },
      el('h1', { text: 'Cluster Deploy' }),
      el('label', { class: 'app-label', for: 'cv-app' }, 'Application ', picker),
      parts.allApps, parts.updated, parts.rights),
    parts.banner,
    el('section', { class: 'panel', 'aria-labelledby': 'cv-clusters-h' }, parts.clustersTitle, parts.filters, parts.clusters),
    parts.lower);
  return parts;
}

function appFromUrl() {
  return new URL(window.location.href).searchParams.get('app') || '';
}

/** This page's address for `app` ('' for the overview), keeping only the parameters that are not the view's. */
function pageUrlFor(app) {
  const url = new URL(urlWithFilters(window.location.href, noFilters()));
  if (app) {
    url.searchParams.set('app', app);
  } else {
    url.searchParams.delete('app');
  }
  return url;
}

/**
 * Shows the cluster view in `root`, reading the API named by its data-api attribute; canary
 * operations link to the report named by data-canary-report-url (default canary.html).
 */
export function mount(root) {
  const api = apiClient(apiBase(root));
  const reportUrl = root.dataset.canaryReportUrl || 'canary.html';
  const filterBar = new FilterBar(filtersChanged);
  const parts = skeleton(root, filterBar.root);
  const state = {
    app: appFromUrl(), chosenOperation: null, operations: [], clusters: [], clustersOf: null, apps: null,
    lastGood: null, rights: null, protectedAccounts: new Set(), filters: filtersFromUrl(window.location.href),
  };
  filterBar.set(state.filters);
  const base = apiBase(root);
  let dialog = null;
  const instancePanel = new InstancePanel(root, base, health);
  // Each section is redrawn only when its data changed: no flicker, focus kept.
  const drawn = new Map();
  const drawnData = new Map();

  function draw(section, data, build) {
    // A 304 gives back the very body read before: nothing to compare, nothing to draw.
    const last = drawnData.get(section);
    const same = last === data || (Array.isArray(data) && Array.isArray(last) && last.length === data.length
      && data.every((d, i) => last[i] === d));
    if (same) {
      return;
    }
    drawnData.set(section, data);
    const key = keyOf(data);
    if (drawn.get(section) !== key) {
      drawn.set(section, key);
      replaceContent(parts[section], build());
    }
  }

  function drawPicker(names) {
    const all = state.app && !names.includes(state.app) ? [state.app, ...names] : names;
    draw('picker', [all, state.app], () => [el('option', { value: '', selected: !state.app, text: 'All applications' }),
      ...all.map((n) => el('option', { value: n, selected: n === state.app, text: n }))]);
    parts.picker.value = state.app;
  }

  /** The overview of every application (no application chosen), or the chosen one's clusters and operations. */
  function showMode() {
    const overview = !state.app;
    parts.clustersTitle.textContent = overview ? 'Applications' : 'Clusters';
    parts.lower.hidden = overview;
    parts.allApps.hidden = overview;
    parts.allApps.href = pageUrlFor('').href;
    filterBar.setMode(overview);
  }

  /** The chosen application's clusters, filtered: computed on the data read, so only what passes is drawn. */
  function drawClusters() {
    const { app, clusters } = state;
    if (state.clustersOf !== app) {
      return; // Not read yet: the count and "no clusters" would be wrong.
    }
    draw('clusters', [app, clusters, canAct(), [...state.protectedAccounts].join(' '), filtersKey(state.filters)], () => {
      const start = performance.now();
      const filtered = anyFilter(state.filters);
      const result = applyFilters(clusters, state.filters);
      performance.measure('cv-filter-apply', { start });
      filterBar.showCount(countText(result, filtered));
      if (result.clusters.length === 0 && clusters.length > 0) {
        return [legend(), el('p', { class: 'empty', 'data-no-match': '', text: 'No server group matches the filters.' })];
      }
      const nodes = renderClusters(app, result.clusters, state.rights, state.protectedAccounts);
      // What filtering and drawing the first clusters took, for the big-application test's figures.
      performance.measure('cv-filter', { start });
      return nodes;
    });
  }

  function drawOverview() {
    if (!state.apps) {
      return;
    }
    const { apps } = state;
    draw('clusters', ['', apps, filtersKey(state.filters)], () => {
      const shown = matchingApplications(apps, state.filters.q);
      filterBar.showCount(applicationCountText(shown.length, apps.length, Boolean(state.filters.q.trim())));
      return renderOverview(shown, apps.length, (name) => pageUrlFor(name).href);
    });
  }

  /** A filter changed: the URL says so (a reload or a shared link shows the same), and the view is drawn again. */
  function filtersChanged(filters) {
    state.filters = filters;
    window.history.replaceState(window.history.state, '', urlWithFilters(window.location.href, filters));
    if (state.app) {
      drawClusters();
    } else {
      drawOverview();
    }
  }

  function drawOperations(ops) {
    const mine = ops.filter((op) => operationApplication(op) === state.app).slice(0, MAX_OPERATIONS);
    // Until one is chosen, follow the newest, so a running deploy shows its steps as they come.
    const shown = mine.find((op) => op.id === state.chosenOperation) || mine[0] || null;
    const shownId = shown ? shown.id : null;
    draw('operations', [mine.map((o) => [o.id, o.type, o.status, o.context?.newServerGroup, hasCanaryReport(o)]), shownId], () => (mine.length
      ? mine.map((op) => operationRow(op, shownId, reportUrl))
      : [el('li', { class: 'empty', text: 'No operations for this application yet.' })]));
    draw('timeline', [shown, canAct()], () => timeline(shown, reportUrl, state.rights));
  }

  function showSuccess() {
    state.lastGood = new Date();
    parts.banner.hidden = true;
    parts.banner.textContent = '';
    root.classList.remove('cv--stale');
    parts.updated.replaceChildren('Last updated ', timeNode(state.lastGood.toISOString(), true));
  }

  function showFailure(error) {
    const since = state.lastGood ? ` Showing what was known at ${state.lastGood.toLocaleTimeString()}.` : '';
    const why = String(error.message).replace(/\.$/, '');
    parts.banner.textContent = `Cannot read the Cluster Deploy API: ${why}.${since} Retrying every ${REFRESH_MS / 1000} s.`;
    parts.banner.hidden = false;
    root.classList.add('cv--stale');
  }

  async function refresh() {
    try {
      const apps = await api.get('applications');
      const names = apps.map((a) => a.name).sort();
      drawPicker(names);
      const app = state.app;
      if (!app) {
        state.apps = apps;
        drawOverview();
        showSuccess();
        return;
      }
      const [clusters, loadBalancers, ops] = app
        ? await Promise.all([
          // Every instance for a small application, one letter per instance for a big one (the server decides).
          api.get(`applications/${encodeURIComponent(app)}/clusters?instances=auto`),
          api.get(`applications/${encodeURIComponent(app)}/loadBalancers`),
          // Filtered by the server; the page filters again, so an older server works too.
          api.get(`operations?application=${encodeURIComponent(app)}&limit=${MAX_OPERATIONS * 4}`)])
        : [[], [], []];
      if (app !== state.app) {
        return; // The user picked another application meanwhile; the next run shows it.
      }
      state.clusters = completeGroups(clusters);
      state.clustersOf = app;
      filterBar.fillOptions(clusters);
      drawClusters();
      draw('loadBalancers', loadBalancers, () => renderLoadBalancers(loadBalancers));
      state.operations = ops;
      drawOperations(ops);
      showSuccess();
    } catch (e) {
      showFailure(e);
    }
  }

  // ?poll=N reads every N seconds (at least 1) instead of every 2; with pushed changes, polling is the fallback.
  const pollSeconds = Number(new URL(window.location.href).searchParams.get('poll'));
  const poller = new Poller(refresh, pollSeconds >= 1 ? pollSeconds * 1000 : REFRESH_MS);
  listenForChanges(root, apiBase(root), () => poller.now());

  function canAct() {
    return Boolean(state.rights && state.rights.canAct);
  }

  /** Asks the front end who may act (a session, or Jenkins' permission), then draws accordingly. */
  async function loadRights() {
    const [rights, accounts] = await Promise.all([actingRights(root), api.get('accounts').catch(() => [])]);
    state.rights = rights;
    state.protectedAccounts = new Set(accounts.filter((a) => a.protected).map((a) => a.name));
    dialog = rights.canAct ? dialog || new ActionDialog(root, base, rights, started) : null;
    if (dialog) {
      dialog.rights = rights;
    }
    replaceContent(parts.rights, rightsLine(rights));
    drawn.clear();
    drawnData.clear();
    poller.now();
  }

  /** An operation started from a dialog: show its timeline, live. */
  function started(op) {
    state.chosenOperation = op.id;
    poller.now();
  }

  function findGroup(name) {
    for (const c of state.clusters) {
      const sg = (c.serverGroups || []).find((g) => g.name === name);
      if (sg) {
        return sg;
      }
    }
    return null;
  }

  /** Opens the instance panel on an instance's square. */
  function openInstance(square) {
    const sg = findGroup(square.closest('[data-server-group]')?.dataset.serverGroup);
    if (sg) {
      instancePanel.open({
        app: state.app, account: sg.account, location: sg.location, serverGroup: sg.name, id: square.dataset.instance,
      }, square);
    }
  }

  root.addEventListener('keydown', (event) => {
    const square = (event.key === 'Enter' || event.key === ' ') && event.target.closest('[data-instance]');
    if (square) {
      event.preventDefault();
      openInstance(square);
    }
  });

  root.addEventListener('click', async (event) => {
    const square = event.target.closest('[data-instance]');
    if (square) {
      openInstance(square);
      return;
    }
    const action = event.target.closest('[data-action]');
    if (action && dialog) {
      const kind = action.dataset.action;
      const target = action.dataset.target;
      const found = ACTION_SCOPE[kind] === 'cluster'
        ? state.clusters.find((c) => `${c.account}/${c.location}/${c.name}` === target)
        : findGroup(target);
      if (found) {
        dialog.open(kind, found);
      }
      return;
    }
    const cancel = event.target.closest('[data-cancel-operation]');
    if (cancel && dialog) {
      const op = state.operations.find((o) => o.id === cancel.dataset.cancelOperation);
      if (op) {
        dialog.openCancel(op);
      }
      return;
    }
    if (event.target.closest('[data-sign-out]') && state.rights && state.rights.signOut) {
      const csrf = state.rights.csrf;
      await fetch(state.rights.signOut, {
        method: 'DELETE', headers: { [csrf.header]: csrf.value }, credentials: 'same-origin', cache: 'no-store',
      }).catch(() => null);
      await loadRights();
    }
  });

  /** Another application (or the overview, for ''): its filters start empty, except those a URL carries. */
  function selectApp(app, push) {
    if (app === state.app && push) {
      return;
    }
    state.app = app;
    state.chosenOperation = null;
    state.operations = [];
    state.clusters = [];
    state.clustersOf = null;
    if (push) {
      state.filters = noFilters();
      window.history.pushState({ app }, '', pageUrlFor(app));
    } else {
      state.filters = filtersFromUrl(window.location.href);
    }
    filterBar.set(state.filters);
    filterBar.fillOptions([]);
    replaceContent(parts.clusters, [el('p', { class: 'empty', text: 'Loading…' })]);
    drawn.delete('clusters');
    drawnData.delete('clusters');
    filterBar.showCount('');
    showMode();
    poller.now();
  }

  parts.picker.addEventListener('change', () => selectApp(parts.picker.value, true));
  window.addEventListener('popstate', () => selectApp(appFromUrl(), false));
  showMode();
  parts.operations.addEventListener('click', (event) => {
    const button = event.target.closest('[data-operation-id]');
    if (button) {
      // The list already holds every operation's steps: show them at once, no request needed.
      state.chosenOperation = button.dataset.operationId;
      drawOperations(state.operations);
    }
  });
  loadRights();
  poller.start();
  return poller;
}

for (const root of document.querySelectorAll('[data-cluster-view]')) {
  mount(root);
}
