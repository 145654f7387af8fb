// The instance panel: one instance's details, read on demand from the API when its square is opened (click or
// Enter): id, address, health in words, launch time (how long ago and when), where it runs, each health check's
// last verdict, the cloud's own facts, and, where the cloud keeps one (the local provider), the end of its log.
// While open it reads again every 2 s; closing it (Escape, the close button) stops that and gives the focus back to
// the square. Text only: every piece of data goes into the page through textContent or attribute values.

import { el } from './dom.js';

const REFRESH_MS = 2000;
const REQUEST_TIMEOUT_MS = 15000;
const LOG_LINES = 200;

const CHECK_VERDICTS = { UP: 'passing', DOWN: 'failing', UNKNOWN: 'not run yet' };

/** The panel's style sheet, beside this module: added once, so each page that loads the module needs no link. */
function addStyleSheet() {
  const href = new URL('instance-panel.css', import.meta.url).href;
  if (![...document.querySelectorAll('link[rel="stylesheet"]')].some((l) => l.href === href)) {
    document.head.append(el('link', { rel: 'stylesheet', href }));
  }
}

/** `12 s ago`, `5 min ago`, `3 h 4 min ago`, `2 days ago`; null for no date. */
export function ago(date, now = new Date()) {
  if (!date) {
    return null;
  }
  const s = Math.round((now - date) / 1000);
  if (s < 0) {
    return 'in the future (clocks differ)';
  }
  if (s < 5) {
    return 'just now';
  }
  if (s < 60) {
    return `${s} s ago`;
  }
  const min = Math.floor(s / 60);
  if (min < 60) {
    return `${min} min ago`;
  }
  const h = Math.floor(min / 60);
  if (h < 48) {
    return min % 60 === 0 ? `${h} h ago` : `${h} h ${min % 60} min ago`;
  }
  return `${Math.floor(h / 24)} days ago`;
}

function dateOf(iso) {
  const d = iso ? new Date(iso) : null;
  return d && !Number.isNaN(d.getTime()) ? d : null;
}

/** How long ago, then the local date and time; the exact instant in the datetime attribute and the tooltip. */
function when(iso, attrs = {}) {
  const d = dateOf(iso);
  if (!d) {
    return el('span', { ...attrs, text: '—' });
  }
  return el('time', {
    ...attrs, datetime: d.toISOString(), title: d.toISOString(), text: `${ago(d)} (${d.toLocaleString()})`,
  });
}

/** A GET under `base`; rejects with an Error carrying the API's status, field and message. */
async function getJson(base, path) {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), REQUEST_TIMEOUT_MS);
  try {
    const response = await fetch(new URL(path, base), {
      headers: { Accept: 'application/json' }, cache: 'no-store', credentials: 'same-origin', signal: abort.signal,
    });
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const error = new Error(body && typeof body.message === 'string' ? body.message : `HTTP ${response.status}`);
      error.status = response.status;
      error.field = body ? body.field : null;
      throw error;
    }
    if (body === null) {
      throw new Error(`the answer to ${path} is not JSON`);
    }
    return body;
  } catch (e) {
    if (e.name === 'AbortError') {
      throw new Error(`no answer within ${REQUEST_TIMEOUT_MS / 1000} s`);
    }
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

function fact(name, value, attrs = {}) {
  return [el('dt', { text: name }), el('dd', attrs, value)];
}

/** The state in words beside the square the view draws for it: colour is never the only cue. */
function healthNode(state, health) {
  const h = health(state);
  return el('span', { class: 'ip-health', 'data-ip-health': state || 'UNKNOWN' },
    el('span', { class: `instance instance--${h.css}`, 'aria-hidden': 'true' }), ` ${h.label}`);
}

function checkItem(check, health) {
  const verdict = CHECK_VERDICTS[check.state] || health(check.state).label;
  return el('li', { class: 'ip-check', 'data-ip-check': check.type },
    el('span', { class: `ip-verdict ip-verdict--${String(check.state).toLowerCase()}`, text: verdict }),
    ' ', el('code', { text: check.target }),
    check.detail ? ` — ${check.detail}` : '',
    check.checkedAt ? el('span', { class: 'ip-muted' }, ', checked ', when(check.checkedAt)) : null);
}

/**
 * The panel, one per cluster view, appended to its root. `open(target, square)` shows an instance
 * ({app, account, location, serverGroup, id}); `square` gets the focus back when it closes. `health(state)`: the
 * view's own words and square class for a health state ({label, css}), so both say the same.
 */
export class InstancePanel {
  constructor(root, apiBase, health) {
    addStyleSheet();
    this.root = root;
    this.base = apiBase;
    this.health = health;
    this.title = el('h2', { id: 'cv-ip-title', class: 'ip-title' });
    this.closeButton = el('button', {
      type: 'button', class: 'button button--small ip-close', 'data-ip-close': '', 'aria-label': 'Close instance panel', text: 'Close',
    });
    this.message = el('p', { class: 'ip-message', role: 'status', hidden: true });
    this.facts = el('dl', { class: 'ip-facts' });
    this.checks = el('ul', { class: 'ip-checks', 'aria-label': 'Health checks' });
    this.cloudFacts = el('dl', { class: 'ip-facts', 'data-ip-cloud-facts': '' });
    this.logText = el('pre', { class: 'ip-log', 'data-ip-log': '', tabindex: '0', 'aria-label': 'Log' });
    this.logNote = el('p', { class: 'ip-muted', 'data-ip-log-note': '' });
    this.refreshButton = el('button', { type: 'button', class: 'button button--small', 'data-ip-refresh': '', text: 'Refresh' });
    this.logSection = el('section', { class: 'ip-section', 'aria-labelledby': 'cv-ip-log-h' },
      el('div', { class: 'ip-log-head' },
        el('h3', { id: 'cv-ip-log-h', text: `Log (last ${LOG_LINES} lines)` }), this.refreshButton),
      this.logNote, this.logText);
    this.panel = el('aside', {
      class: 'ip', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'cv-ip-title', 'data-instance-panel': '',
      hidden: true, tabindex: '-1',
    },
    el('div', { class: 'ip-head' }, this.title, this.closeButton),
    this.message,
    this.facts,
    el('section', { class: 'ip-section', 'aria-label': 'Health checks' }, el('h3', { text: 'Health checks' }), this.checks),
    el('section', { class: 'ip-section', 'aria-label': 'Facts from the cloud' },
      el('h3', { text: 'From the cloud' }), this.cloudFacts),
    this.logSection);
    root.append(this.panel);
    this.target = null;
    this.timer = null;
    this.generation = 0;
    this.closeButton.addEventListener('click', () => this.close());
    this.refreshButton.addEventListener('click', () => this.refresh());
    // Escape anywhere on the page closes the panel, unless a modal dialog (an action's) is open and takes it.
    this.onKey = (event) => {
      if (event.key === 'Escape' && this.target && !event.defaultPrevented
        && !document.querySelector('dialog[open]:modal')) {
        event.preventDefault();
        this.close();
      }
    };
  }

  isOpen() {
    return this.target !== null;
  }

  open(target, square) {
    const same = this.target && this.target.id === target.id && this.target.serverGroup === target.serverGroup
      && this.target.account === target.account;
    this.target = target;
    this.square = square || null;
    this.generation += 1;
    if (!same) {
      this.title.textContent = `Instance ${target.id}`;
      this.facts.replaceChildren(...fact('Id', el('code', { 'data-ip-id': '', text: target.id })));
      this.checks.replaceChildren();
      this.cloudFacts.replaceChildren();
      this.logText.textContent = '';
      this.logNote.textContent = 'Loading…';
      this.logSection.hidden = false;
      this.showMessage(null);
      this.logSupported = true;
    }
    if (this.panel.hidden) {
      this.panel.hidden = false;
      document.addEventListener('keydown', this.onKey);
    }
    this.closeButton.focus();
    this.refresh();
  }

  close() {
    if (!this.target) {
      return;
    }
    const { id, serverGroup } = this.target;
    this.target = null;
    this.generation += 1;
    clearTimeout(this.timer);
    this.timer = null;
    this.panel.hidden = true;
    document.removeEventListener('keydown', this.onKey);
    // The view may have drawn the square anew meanwhile: find it again by its instance and group.
    const again = [...this.root.querySelectorAll('[data-instance]')].find((n) => n.dataset.instance === id
      && n.closest('[data-server-group]')?.dataset.serverGroup === serverGroup);
    const square = again || (this.square && this.square.isConnected ? this.square : null);
    if (square) {
      square.focus();
    }
  }

  path() {
    const t = this.target;
    const e = encodeURIComponent;
    return `applications/${e(t.app)}/serverGroups/${e(t.location)}/${e(t.serverGroup)}/instances/${e(t.id)}`;
  }

  /** Reads the instance (and its log) now, then again every 2 s while the panel stays open on it. */
  async refresh() {
    if (!this.target) {
      return;
    }
    clearTimeout(this.timer);
    const generation = this.generation;
    const path = this.path();
    const account = `account=${encodeURIComponent(this.target.account)}`;
    const [details, log] = await Promise.allSettled([
      getJson(this.base, `${path}?${account}`),
      this.logSupported ? getJson(this.base, `${path}/log?lines=${LOG_LINES}&${account}`) : Promise.resolve(null),
    ]);
    if (generation !== this.generation) {
      return; // closed, or opened on another instance, meanwhile
    }
    let gone = false;
    if (details.status === 'fulfilled') {
      this.showDetails(details.value);
      this.showMessage(null);
    } else {
      gone = details.reason.status === 404;
      this.showMessage(gone ? `This instance is gone: ${details.reason.message}`
        : `Cannot read this instance: ${details.reason.message}. Retrying every ${REFRESH_MS / 1000} s.`);
    }
    this.showLog(log);
    if (!gone) {
      this.timer = setTimeout(() => this.refresh(), REFRESH_MS);
    }
  }

  showDetails(d) {
    const location = d.facts && d.facts['availability zone'] ? `${d.location} (${d.facts['availability zone']})` : d.location;
    this.facts.replaceChildren(
      ...fact('Id', el('code', { 'data-ip-id': '', text: d.id })),
      ...fact('Address', el('code', { 'data-ip-address': '', text: d.address || 'unknown' })),
      ...fact('Health', healthNode(d.health, this.health)),
      ...fact('Launched', when(d.launched, { 'data-ip-launched': '' })),
      ...fact('Server group', d.serverGroup),
      ...fact('Account', d.account),
      ...fact('Location', location, { 'data-ip-location': '' }));
    const checks = d.healthChecks || [];
    this.checks.replaceChildren(...(checks.length
      ? checks.map((c) => checkItem(c, this.health)) : [el('li', { class: 'ip-muted', text: 'This cloud reports no health checks for it.' })]));
    const facts = Object.entries(d.facts || {});
    this.cloudFacts.replaceChildren(...(facts.length
      ? facts.flatMap(([k, v]) => fact(k, v, { 'data-ip-fact': k }))
      : [el('dd', { class: 'ip-muted', text: 'Nothing more.' })]));
  }

  showLog(result) {
    if (result === null || !this.logSupported) {
      return;
    }
    if (result.status === 'rejected') {
      if (result.reason.status === 404 && result.reason.field === 'log') {
        this.logSupported = false;
        this.logNote.textContent = 'This account keeps no log of its instances that Cluster Deploy can read.';
        this.logText.hidden = true;
        this.refreshButton.hidden = true;
      } else {
        this.logNote.textContent = `Cannot read the log: ${result.reason.message}`;
      }
      return;
    }
    this.logText.hidden = false;
    this.refreshButton.hidden = false;
    const log = result.value;
    const kib = (n) => `${Math.round(n / 102.4) / 10} KiB`;
    this.logNote.textContent = log.lines === 0 ? 'Nothing printed yet.'
      : `${log.lines} line${log.lines === 1 ? '' : 's'}${log.truncated ? ` of ${kib(log.size)}` : ''}; refreshed every ${REFRESH_MS / 1000} s while open.`;
    if (this.logText.textContent !== log.text) {
      // Stay at the end when the reader is there, as a terminal does; leave them where they scrolled otherwise.
      const pre = this.logText;
      const atEnd = pre.scrollHeight - pre.scrollTop - pre.clientHeight < 24;
      pre.textContent = log.text;
      if (atEnd) {
        pre.scrollTop = pre.scrollHeight;
      }
    }
  }

  showMessage(text) {
    this.message.hidden = !text;
    this.message.textContent = text || '';
  }
}
