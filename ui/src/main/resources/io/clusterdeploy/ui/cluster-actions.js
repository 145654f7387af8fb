// Actions in the cluster view: resize, enable, disable and destroy a server group; roll back, disable, scale down
// and shrink a cluster; cancel a running operation. Each opens a dialog that first shows the server's plan (a dry
// run: every step, its changes and the verdict of every check), asks for an optional reason and, on a protected
// account, for the account's name, then confirms with the plan's fingerprint. When the cloud changed meanwhile the
// server answers 409 with a fresh plan, which the dialog shows and asks about again.
//
// Who may act is the front end's to say: the standalone page asks GET /api/session (a session, and the CSRF token
// its changes carry); the Jenkins page says it in data attributes (ClusterDeploy/Operate, and Jenkins' crumb).
// Without the right, no button is drawn; the API refuses such requests anyway.

import { el } from './dom.js';

// ---------------------------------------------------------------------------------------------
// Who may act

/**
 * What this page may do: `{canAct, who, csrf: {header, value} | null, signOut: URL | null, why}`. Jenkins' page sets
 * data-can-act ("true"/"false"), data-crumb-header and data-crumb-value; the standalone page data-session, the URL
 * of its sessions endpoint.
 */
export async function actingRights(root) {
  if (root.dataset.canAct !== undefined) {
    const canAct = root.dataset.canAct === 'true';
    const csrf = root.dataset.crumbHeader ? { header: root.dataset.crumbHeader, value: root.dataset.crumbValue } : null;
    return {
      canAct,
      who: root.dataset.user || null,
      csrf,
      signOut: null,
      why: canAct ? null : 'Read-only: acting here needs the ClusterDeploy/Operate permission.',
    };
  }
  if (!root.dataset.session) {
    return { canAct: false, who: null, csrf: null, signOut: null, why: 'Read-only.' };
  }
  const url = new URL(root.dataset.session, document.baseURI);
  const readOnly = {
    canAct: false, who: null, csrf: null, signOut: null,
    why: 'Read-only: to act, open the sign-in link that cluster-deploy serve printed.',
  };
  try {
    const response = await fetch(url, { headers: { Accept: 'application/json' }, cache: 'no-store', credentials: 'same-origin' });
    const s = response.ok ? await response.json() : null;
    if (!s || !s.signedIn) {
      return readOnly;
    }
    return { canAct: true, who: s.actor, csrf: { header: s.csrfHeader, value: s.csrfToken }, signOut: url, why: null };
  } catch (e) {
    return readOnly;
  }
}

/** The top bar's words on who is acting, with a sign-out button where there is a session. */
export function rightsLine(rights) {
  if (!rights) {
    return [];
  }
  if (!rights.canAct) {
    return [el('span', { class: 'rights rights--read-only', 'data-rights': 'read-only', text: rights.why })];
  }
  return [el('span', { class: 'rights', 'data-rights': 'act' }, rights.who ? `Acting as ${rights.who}` : 'Actions enabled'),
    rights.signOut ? el('button', { type: 'button', class: 'button button--small', 'data-sign-out': '', text: 'Sign out' }) : null];
}

/** POST with the page's CSRF header; the answer's status and JSON body (null when it has none). */
export async function post(url, body, csrf) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (csrf && csrf.header) {
    headers[csrf.header] = csrf.value;
  }
  const response = await fetch(url, {
    method: 'POST', headers, body: JSON.stringify(body), cache: 'no-store', credentials: 'same-origin',
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

// ---------------------------------------------------------------------------------------------
// The actions

/** A number field of an action's form: `value(target)` is where it starts. */
function count(name, label, value, min, max) {
  return { name, label, value, min, max };
}

/** A destructive cluster operation with one count (default 1), e.g. how many server groups it leaves alone. */
function clusterCounting(type, label, field, fieldLabel, min) {
  return {
    label, scope: 'cluster', destructive: true,
    fields: [count(field, fieldLabel, () => 1, min, 1000)],
    request: (c, f) => ({ type, account: c.account, location: c.location, cluster: c.name, [field]: f[field] }),
  };
}

/**
 * Every action the view offers: its button, its dialog's title, the fields it asks for and the request it makes.
 * `destructive` only colours the button; which actions ask for the account's name is the server's to say (the plan's
 * confirmAccount), so that there is one list of them.
 */
export const ACTIONS = {
  resize: {
    label: 'Resize', scope: 'serverGroup',
    fields: [
      count('min', 'Min', (sg) => sg.capacity?.min ?? 0, 0, 100000),
      count('desired', 'Desired', (sg) => sg.capacity?.desired ?? 0, 0, 100000),
      count('max', 'Max', (sg) => sg.capacity?.max ?? 0, 0, 100000)],
    request: (sg, f) => ({
      type: 'resize', account: sg.account, location: sg.location, serverGroupName: sg.name,
      capacity: { min: f.min, desired: f.desired, max: f.max },
    }),
  },
  enable: {
    label: 'Enable', scope: 'serverGroup', when: (sg) => !sg.enabled,
    request: (sg) => ({ type: 'enable', account: sg.account, location: sg.location, serverGroupName: sg.name }),
  },
  disable: {
    label: 'Disable', scope: 'serverGroup', destructive: true, when: (sg) => sg.enabled,
    request: (sg) => ({ type: 'disable', account: sg.account, location: sg.location, serverGroupName: sg.name }),
  },
  destroy: {
    label: 'Destroy', scope: 'serverGroup', destructive: true,
    request: (sg) => ({ type: 'destroy', account: sg.account, location: sg.location, serverGroupName: sg.name }),
  },
  rollbackCluster: {
    label: 'Roll back', scope: 'cluster', destructive: true,
    request: (c) => ({ type: 'rollbackCluster', account: c.account, location: c.location, cluster: c.name }),
  },
  disableCluster: clusterCounting('disableCluster', 'Disable cluster', 'remainingEnabledServerGroups',
    'Server groups left enabled', 0),
  scaleDownCluster: clusterCounting('scaleDownCluster', 'Scale down', 'remainingFullSizeServerGroups',
    'Server groups left at full size', 0),
  shrinkCluster: clusterCounting('shrinkCluster', 'Shrink', 'shrinkToSize', 'Server groups to keep', 1),
};

function actionButton(kind, attrs) {
  const a = ACTIONS[kind];
  return el('button', {
    type: 'button', class: `button button--small${a.destructive ? ' button--danger-outline' : ''}`,
    'data-action': kind, 'data-focus-key': `action:${kind}:${attrs['data-target']}`, ...attrs, text: a.label,
  });
}

/** The buttons of a server group's card; none without the right to act. */
export function serverGroupButtons(rights, sg) {
  if (!rights || !rights.canAct) {
    return null;
  }
  const kinds = Object.keys(ACTIONS).filter((k) => ACTIONS[k].scope === 'serverGroup' && (!ACTIONS[k].when || ACTIONS[k].when(sg)));
  return el('div', { class: 'actions', role: 'group', 'aria-label': `Actions on ${sg.name}` },
    kinds.map((k) => actionButton(k, { 'data-target': sg.name, 'aria-label': `${ACTIONS[k].label} ${sg.name}` })));
}

/** The buttons of a cluster; none without the right to act. */
export function clusterButtons(rights, cluster) {
  if (!rights || !rights.canAct) {
    return null;
  }
  const kinds = Object.keys(ACTIONS).filter((k) => ACTIONS[k].scope === 'cluster');
  return el('div', { class: 'actions', role: 'group', 'aria-label': `Actions on cluster ${cluster.name}` },
    kinds.map((k) => actionButton(k, {
      'data-target': `${cluster.account}/${cluster.location}/${cluster.name}`,
      'aria-label': `${ACTIONS[k].label} ${cluster.name}`,
    })));
}

/** What the rollback of a cancelled operation does, as its request says (the engine's RestorePrevious, Canary). */
function cancelOutcome(op) {
  const request = op.request || {};
  if (op.type !== 'deploy') {
    return 'it undoes what it did so far where its type can';
  }
  const rollback = request.rollback || {};
  const latest = rollback.destroyLatest === true ? 'destroyed' : 'disabled';
  const production = rollback.onFailure === true
    ? `the server groups enabled before come back first, then the one it created is ${latest}`
    : 'this deploy does not ask to roll back on failure (rollback.onFailure), so what it made so far stays as it is';
  return request.strategy === 'canary'
    ? `it destroys the baseline and canary server groups it created; ${production}`
    : production;
}

/** Who asked for the operation's cancel and why, for its timeline; null until a cancel was asked for. */
export function cancellationLine(op) {
  if (!op.cancelRequested) {
    return null;
  }
  return el('p', { class: 'op-who op-cancelled', 'data-cancelled-by': op.cancelledBy || '' },
    `cancel asked for${op.cancelledBy ? ` by ${op.cancelledBy}` : ''}`,
    op.cancelRequestedAt ? [' at ', el('time', {
      datetime: op.cancelRequestedAt, title: op.cancelRequestedAt, text: new Date(op.cancelRequestedAt).toLocaleTimeString(),
    })] : null,
    op.cancelReason ? el('q', { class: 'op-reason op-cancel-reason', text: op.cancelReason }) : null);
}

/** Cancel, for a running operation that is not being cancelled already; none without the right to act. */
export function cancelButton(rights, op) {
  if (!rights || !rights.canAct || op.status !== 'RUNNING' || op.cancelRequested) {
    return null;
  }
  return el('button', {
    type: 'button', class: 'button button--small button--danger-outline', 'data-cancel-operation': op.id,
    'data-focus-key': `cancel:${op.id}`, text: 'Cancel operation',
  });
}

// ---------------------------------------------------------------------------------------------
// The plan, as people read it

const VERDICT = { PASSES: 'passes', FAILS: 'fails', AT_RUN_TIME: 'decided at run time' };
const OUTCOME = {
  SUCCEEDS: 'would succeed',
  FAILS: 'would fail at the step marked, then roll back as listed',
  REFUSED: 'would be refused before it starts',
};

function capacity(c) {
  return c ? `${c.min}/${c.desired}/${c.max}` : '—';
}

function actionLine(a) {
  const change = a.from || a.to
    ? [' ', el('span', { class: 'plan-change', 'data-from': capacity(a.from), 'data-to': capacity(a.to) },
      a.from ? `${capacity(a.from)} → ${capacity(a.to)}` : `→ ${capacity(a.to)}`)]
    : [];
  return el('li', { class: `plan-action plan-action--${String(a.kind).toLowerCase()}`, 'data-plan-action': a.kind },
    el('span', { class: 'plan-kind', text: a.kind.replaceAll('_', ' ').toLowerCase() }), ' ',
    el('span', { class: 'plan-target', text: a.target }), ...change,
    a.percentage !== null && a.percentage !== undefined && a.kind !== 'RESIZE' && a.percentage !== 100
      ? ` (${a.percentage}%)` : null);
}

function checkLine(c) {
  return el('li', { class: 'plan-check', 'data-verdict': c.verdict, 'data-check-kind': c.kind },
    el('span', { class: `verdict verdict--${String(c.verdict).toLowerCase().replaceAll('_', '-')}`, text: VERDICT[c.verdict] || c.verdict }),
    ' ', el('span', { class: 'plan-check-text', text: c.description }));
}

/** The plan's outcome, its error and each step with its changes and checks. */
export function planNodes(plan) {
  return [
    el('p', { class: 'plan-outcome', 'data-outcome': plan.outcome },
      'The plan: ', el('strong', { text: plan.type }), ` ${OUTCOME[plan.outcome] || plan.outcome}.`),
    plan.error ? el('p', { class: 'plan-error', text: plan.error.message }) : null,
    el('ol', { class: 'plan-steps', 'aria-label': 'Planned steps' }, (plan.steps || []).map((st) => el('li', {
      class: `plan-step${st.fails ? ' plan-step--fails' : ''}${st.phase === 'rollback' ? ' plan-step--rollback' : ''}`,
      'data-plan-step': st.name,
    },
    el('div', { class: 'plan-step-head' },
      el('span', { class: 'plan-step-name', text: st.name }),
      st.phase === 'rollback' ? el('span', { class: 'badge badge--phase', text: 'rollback' }) : null,
      st.fails ? el('span', { class: 'badge badge--failed', text: 'would fail' }) : null),
    st.actions && st.actions.length ? el('ul', { class: 'plan-actions', 'aria-label': `Changes of ${st.name}` }, st.actions.map(actionLine)) : null,
    st.checks && st.checks.length ? el('ul', { class: 'plan-checks', 'aria-label': `Checks of ${st.name}` }, st.checks.map(checkLine)) : null,
    st.message ? el('p', { class: 'plan-message', text: st.message }) : null))),
    el('p', { class: 'plan-fingerprint muted' }, 'Plan fingerprint ', el('code', { 'data-fingerprint': plan.fingerprint, text: plan.fingerprint })),
  ].filter(Boolean);
}

// ---------------------------------------------------------------------------------------------
// The dialog

/**
 * One dialog for every action. `open(kind, target)`: plans, shows the plan, then on Confirm sends the request with the
 * plan's fingerprint. `onStarted(operation)` is told of each operation started, for the view to follow it.
 */
export class ActionDialog {
  constructor(root, apiBase, rights, onStarted) {
    this.apiBase = apiBase;
    this.rights = rights;
    this.onStarted = onStarted;
    this.title = el('h2', { id: 'cv-action-title', class: 'dialog-title' });
    this.fields = el('div', { class: 'dialog-fields' });
    this.plan = el('section', { class: 'dialog-plan', 'aria-label': 'Plan', 'aria-live': 'polite' });
    this.message = el('p', { class: 'dialog-message', role: 'alert', hidden: true });
    this.reason = el('textarea', { id: 'cv-action-reason', class: 'dialog-reason', maxlength: '1000', rows: '2' });
    this.typed = el('input', { id: 'cv-action-account', class: 'dialog-account', type: 'text', autocomplete: 'off', spellcheck: 'false' });
    this.accountName = el('strong');
    this.challenge = el('div', { class: 'dialog-challenge', hidden: true },
      el('label', { for: 'cv-action-account' }, 'Account ', this.accountName,
        ' is protected. Type its name to confirm: '), this.typed);
    this.confirm = el('button', { type: 'button', class: 'button button--primary', 'data-dialog-confirm': '' });
    this.close = el('button', { type: 'button', class: 'button', 'data-dialog-close': '', text: 'Close' });
    this.reasonRow = el('div', { class: 'dialog-reason-row' },
      el('label', { for: 'cv-action-reason', text: 'Reason (optional, recorded with the operation)' }), this.reason);
    this.dialog = el('dialog', { class: 'action-dialog', 'aria-labelledby': 'cv-action-title', 'data-action-dialog': '' },
      this.title, this.fields, this.plan, this.message, this.reasonRow, this.challenge,
      el('div', { class: 'dialog-buttons' }, this.close, this.confirm));
    root.append(this.dialog);
    this.close.addEventListener('click', () => this.dialog.close());
    this.confirm.addEventListener('click', () => this.confirmed());
    this.typed.addEventListener('input', () => this.updateConfirm());
    this.state = null;
  }

  /** Opens the dialog for `kind` on `target` (a server group or a cluster as the API shows them). */
  open(kind, target) {
    const action = ACTIONS[kind];
    const name = target.name;
    this.state = { kind, action, target, plan: null, busy: false, confirmAccount: null };
    this.title.textContent = `${action.label} ${name}`;
    this.confirm.textContent = action.label;
    this.confirm.className = `button ${action.destructive ? 'button--danger' : 'button--primary'}`;
    this.reason.value = '';
    this.typed.value = '';
    this.reasonRow.hidden = false;
    this.challenge.hidden = true;
    this.inputs = (action.fields || []).map((f) => {
      const input = el('input', {
        id: `cv-field-${f.name}`, type: 'number', min: f.min, max: f.max, step: '1', value: f.value(target), 'data-field': f.name,
      });
      input.addEventListener('change', () => this.replan());
      return input;
    });
    this.fields.replaceChildren(...(action.fields || []).map((f, i) => el('label', { class: 'dialog-field', for: `cv-field-${f.name}` },
      f.label, this.inputs[i])));
    this.fields.hidden = this.inputs.length === 0;
    this.showMessage(null);
    if (!this.dialog.open) {
      this.dialog.showModal();
    }
    this.replan();
  }

  /** Opens the dialog for cancelling `op`: there is no plan to make, the runner rolls back what the operation did. */
  openCancel(op) {
    this.state = { kind: 'cancel', op, plan: null, busy: false, confirmAccount: null };
    this.title.textContent = `Cancel ${op.type} ${op.target?.cluster || ''}`.trim();
    this.confirm.textContent = 'Cancel operation';
    this.confirm.className = 'button button--danger';
    this.fields.replaceChildren();
    this.fields.hidden = true;
    this.reason.value = '';
    this.reasonRow.hidden = false;
    this.challenge.hidden = true;
    const running = (op.steps || []).filter((s) => s.status === 'RUNNING').map((s) => s.name);
    this.plan.replaceChildren(
      el('p', { class: 'plan-outcome', 'data-outcome': 'CANCEL' },
        `The operation stops${running.length ? ` at ${running.join(', ')}` : ''} and then runs its rollback steps:`
        + ` ${cancelOutcome(op)}.`),
      el('p', { class: 'muted', text: `Operation ${op.id}, started ${op.createdAt}${op.startedBy ? ` by ${op.startedBy}` : ''}.` }));
    this.showMessage(null);
    this.updateConfirm();
    if (!this.dialog.open) {
      this.dialog.showModal();
    }
  }

  values() {
    const out = {};
    for (const input of this.inputs) {
      out[input.dataset.field] = Number.parseInt(input.value, 10);
    }
    return out;
  }

  request() {
    return this.state.action.request(this.state.target, this.values());
  }

  async replan() {
    const s = this.state;
    s.plan = null;
    this.updateConfirm();
    this.plan.replaceChildren(el('p', { class: 'muted', text: 'Planning…' }));
    this.plan.setAttribute('aria-busy', 'true');
    const asked = (s.plans = (s.plans || 0) + 1);
    const r = await post(new URL('operations', this.apiBase), { ...this.request(), dryRun: true }, this.rights.csrf)
      .catch((e) => ({ status: 0, body: { message: String(e.message) } }));
    if (this.state !== s || s.plans !== asked) {
      return; // Closed, reopened or planned again meanwhile: only the newest answer counts.
    }
    this.plan.removeAttribute('aria-busy');
    if (r.status !== 200 || !r.body) {
      this.plan.replaceChildren();
      this.showMessage(problem(r));
      return;
    }
    this.showMessage(null); // what an earlier plan refused is answered now
    this.showPlan(r.body);
  }

  showPlan(plan) {
    this.state.plan = plan;
    this.state.confirmAccount = plan.confirmAccount || null;
    this.plan.replaceChildren(...planNodes(plan));
    this.challenge.hidden = !this.state.confirmAccount;
    this.accountName.textContent = this.state.confirmAccount || '';
    this.updateConfirm();
  }

  updateConfirm() {
    const s = this.state;
    if (!s) {
      return;
    }
    if (s.kind === 'cancel') {
      this.confirm.disabled = s.busy;
      return;
    }
    const named = !s.confirmAccount || this.typed.value === s.confirmAccount;
    this.confirm.disabled = s.busy || !s.plan || s.plan.outcome === 'REFUSED' || !named;
  }

  showMessage(text, kind = 'error') {
    this.message.hidden = !text;
    this.message.textContent = text || '';
    this.message.dataset.kind = kind;
  }

  /** `body` with the reason typed, if any: a start and a cancel record it alike. */
  withReason(body) {
    const reason = this.reason.value.trim();
    return reason ? { ...body, reason } : body;
  }

  async confirmed() {
    const s = this.state;
    if (!s || this.confirm.disabled) {
      return;
    }
    s.busy = true;
    this.updateConfirm();
    let r;
    try {
      if (s.kind === 'cancel') {
        r = await post(new URL(`operations/${encodeURIComponent(s.op.id)}/cancel`, this.apiBase), this.withReason({}),
          this.rights.csrf);
      } else {
        const body = this.withReason({ ...this.request(), planFingerprint: s.plan.fingerprint });
        if (s.confirmAccount) {
          body.confirmAccount = this.typed.value;
        }
        r = await post(new URL('operations', this.apiBase), body, this.rights.csrf);
      }
    } catch (e) {
      r = { status: 0, body: { message: String(e.message) } };
    }
    if (this.state !== s) {
      return;
    }
    s.busy = false;
    if (r.status === 202 && r.body) {
      this.dialog.close();
      this.onStarted(r.body);
      return;
    }
    if (r.status === 409 && r.body && r.body.plan) {
      // The cloud changed since the plan: this is the plan as it would run now. Ask again.
      this.showPlan(r.body.plan);
      this.showMessage('The cluster changed since the plan was made, and nothing was done. This is the plan as it'
        + ' would run now: check it and confirm again.', 'changed');
      return;
    }
    this.showMessage(problem(r));
    this.updateConfirm();
  }
}

/** An API error as a sentence, naming the field at fault. */
function problem(r) {
  const b = r.body || {};
  const why = b.message || `HTTP ${r.status}`;
  return b.field ? `${why} (field: ${b.field})` : why;
}
