// The canary report: the verdict of a canary deploy (strategy canary) or of a canaryAnalysis, read from
// GET /api/operations/{id}, with the score of each judged interval and, per metric, its class, its reason
// and the baseline against the canary over the window. While the operation runs the page follows it,
// and it stops asking once the operation has ended.
//
// Charts are drawn by ECharts, which this module does not import: the page loads it first as a classic
// script that defines the global `echarts` (the standalone server's vendor/echarts.min.js, or in Jenkins
// the echarts-api plugin's copy). Only APIs ECharts 5 and 6 share are used, with the canvas renderer
// (the SVG one writes <style> elements, which the page's CSP forbids) and tooltips built as DOM nodes
// (the default ones are HTML with style attributes, which the CSP forbids as well).
// Every piece of data goes into the page through textContent or attribute values, never as HTML.

import {
  apiBase, apiClient, duration, el, hasCanaryReport, Poller, statusBadge, timeNode,
} from './cluster-view.js';

const REFRESH_MS = 2000;
const CHART_COLORS = { baseline: '#4a7fd4', canary: '#e8710a', score: '#202124', pass: '#2e8540', marginal: '#b06000', fail: '#d93025' };
const NUMBER = new Intl.NumberFormat(undefined, { maximumSignificantDigits: 4 });

// ---------------------------------------------------------------------------------------------
// The operation, arranged for the report

/** A number as people read it: 4 significant digits, a dash for none. */
export function number(v) {
  return typeof v === 'number' && Number.isFinite(v) ? NUMBER.format(v) : '—';
}

function object(v) {
  return v && typeof v === 'object' && !Array.isArray(v) ? v : {};
}

function list(v) {
  return Array.isArray(v) ? v : [];
}

/** Which report `op` has: 'deploy' (strategy canary), 'analysis' (a canaryAnalysis), or null for none. */
export function reportKind(op) {
  if (!hasCanaryReport(op)) {
    return null;
  }
  return op.type === 'canaryAnalysis' ? 'analysis' : 'deploy';
}

/**
 * The report's model: verdict, groups, traffic, analysis window and thresholds, judged intervals and
 * the last judgement's report, from either kind of operation.
 */
export function canaryModel(op) {
  const ctx = object(op.context);
  const kind = reportKind(op);
  if (kind === 'deploy') {
    const rec = object(ctx.canary);
    const result = Object.keys(object(rec.report)).length ? rec.report : null;
    const analysis = object(rec.analysis);
    return {
      kind,
      result,
      report: result ? object(result.report) : null,
      thresholds: analysis.thresholds || result?.report?.scoreThresholds || null,
      groups: [
        { role: 'Production', name: rec.production },
        { role: 'Baseline', name: rec.baseline },
        { role: 'Canary', name: rec.canary }],
      traffic: rec.traffic ? object(rec.traffic) : null,
      window: analysis.start ? { start: analysis.start, end: analysis.end } : null,
      analysis,
      intervals: list(rec.intervals),
      plannedIntervals: Number.isInteger(analysis.intervals) ? analysis.intervals : null,
      decision: rec.decision || null,
      decisionReason: rec.reason || null,
      destroyed: list(rec.destroyed),
    };
  }
  // A canaryAnalysis keeps its one judgement under context.canaryAnalysis (AnalysisKeys.RESULT).
  const result = ctx.canaryAnalysis || ctx.result || null;
  const request = object(op.request);
  const control = { ...object(request.control), ...object(ctx.controlScope) };
  const experiment = { ...object(request.experiment), ...object(ctx.experimentScope) };
  const window = object(ctx.analysisWindow);
  return {
    kind: 'analysis',
    result,
    report: result ? object(result.report) : null,
    thresholds: result?.report?.scoreThresholds || null,
    groups: [
      { role: 'Baseline', name: control.serverGroup || control.cluster },
      { role: 'Canary', name: experiment.serverGroup || experiment.cluster }],
    traffic: null,
    window: window.start ? { start: window.start, end: window.end, step: window.step } : null,
    analysis: {},
    intervals: [],
    plannedIntervals: null,
    decision: null,
    decisionReason: null,
    destroyed: [],
  };
}

function classCss(classification) {
  return String(classification || 'none').toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Charts

/**
 * The page's ECharts instances: each chart is made once its container is in the document (ECharts
 * measures it), follows its container's size, and is disposed with it.
 */
class Charts {
  constructor() {
    this.instances = new Map();
    this.resize = typeof ResizeObserver === 'function'
      ? new ResizeObserver((entries) => entries.forEach((e) => this.instances.get(e.target)?.resize()))
      : null;
  }

  static available() {
    return typeof globalThis.echarts?.init === 'function';
  }

  /** Draws every chart container under `node` that has an option waiting. */
  drawWithin(node, options) {
    for (const container of node.querySelectorAll('[data-chart]')) {
      const option = options.get(container);
      if (!option) {
        continue;
      }
      const chart = globalThis.echarts.init(container, null, { renderer: 'canvas' });
      chart.setOption(option);
      this.instances.set(container, chart);
      this.resize?.observe(container);
    }
  }

  /** Disposes the charts under `node`, before it leaves the document. */
  disposeWithin(node) {
    for (const [container, chart] of this.instances) {
      if (node.contains(container)) {
        this.resize?.unobserve(container);
        chart.dispose();
        this.instances.delete(container);
      }
    }
  }
}

function timeLabel(ms) {
  return new Date(ms).toLocaleTimeString();
}

/** An axis tooltip as DOM nodes: the time, then one line per series with its colour swatch. */
function axisTooltip(params) {
  const rows = Array.isArray(params) ? params : [params];
  if (rows.length === 0) {
    return '';
  }
  const when = rows[0].axisValue ?? rows[0].value?.[0];
  return el('div', { class: 'cr-tip' },
    el('div', { class: 'cr-tip-time', text: typeof when === 'number' ? timeLabel(when) : String(when) }),
    rows.map((p) => el('div', { class: 'cr-tip-row' },
      el('span', { class: `cr-swatch cr-swatch--${p.seriesId}`, 'aria-hidden': 'true' }),
      `${p.seriesName}: ${number(p.value?.[1])}`)));
}

function baseOption() {
  return {
    // No animation: a redraw every few seconds must not replay one, and what is drawn is final at once.
    animation: false,
    grid: { left: 48, right: 36, top: 28, bottom: 28, containLabel: false },
    tooltip: { trigger: 'axis', formatter: axisTooltip, confine: true },
    xAxis: { type: 'time', axisLabel: { hideOverlap: true } },
    textStyle: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif' },
  };
}

/** Baseline against canary over the window: one line each, gaps where a point is missing. */
export function metricChartOption(metric) {
  const side = (name) => {
    const series = object(object(metric[name]).series);
    const times = list(series.timestamps);
    const values = list(series.values);
    return times.map((t, i) => [t, values[i] ?? null]);
  };
  const baseline = side('baseline');
  const canary = side('canary');
  const line = (id, name, data) => ({
    id, name, type: 'line', data, connectNulls: false, showSymbol: data.length <= 60, symbolSize: 4,
    lineStyle: { width: 2, color: CHART_COLORS[id] }, itemStyle: { color: CHART_COLORS[id] },
  });
  return {
    ...baseOption(),
    legend: { top: 0, right: 8, data: ['baseline', 'canary'] },
    yAxis: { type: 'value', scale: true, splitNumber: 4 },
    series: [line('baseline', 'baseline', baseline), line('canary', 'canary', canary)],
  };
}

/** The score of each judged interval at its end, over the analysis, with the pass and marginal lines. */
export function scoreChartOption(model) {
  const pass = model.thresholds?.pass;
  const marginal = model.thresholds?.marginal;
  const points = model.intervals.map((i) => ({
    value: [Date.parse(i.end), i.score],
    itemStyle: { color: CHART_COLORS[classCss(i.classification)] || CHART_COLORS.score },
  }));
  const threshold = (name, value) => ({
    name, yAxis: value, lineStyle: { color: CHART_COLORS[name], type: 'dashed', width: 1.5 },
    label: { formatter: `${name} ${value}`, position: 'insideEndTop', color: CHART_COLORS[name] },
  });
  const lines = [];
  if (typeof pass === 'number') {
    lines.push(threshold('pass', pass));
  }
  if (typeof marginal === 'number') {
    lines.push(threshold('marginal', marginal));
  }
  const start = Date.parse(model.window?.start);
  const end = Date.parse(model.window?.end);
  return {
    ...baseOption(),
    xAxis: {
      type: 'time', axisLabel: { hideOverlap: true },
      // The whole analysis, so a running canary shows how much is still to come.
      min: Number.isFinite(start) ? start : undefined,
      max: Number.isFinite(end) ? end : undefined,
    },
    yAxis: { type: 'value', min: 0, max: 100, interval: 25 },
    series: [{
      id: 'score', name: 'score', type: 'line', data: points, symbolSize: 9, showSymbol: true,
      lineStyle: { color: CHART_COLORS.score, width: 2 },
      markLine: { silent: true, symbol: 'none', data: lines },
    }],
  };
}

// ---------------------------------------------------------------------------------------------
// Rendering: each function returns nodes; charts are containers with their option in `options`

function fact(name, ...value) {
  return [el('dt', { text: name }), el('dd', {}, ...value)];
}

function classBadge(classification, extraClass = '') {
  return el('span', {
    class: `cr-class cr-class--${classCss(classification)} ${extraClass}`.trim(), text: classification || '—',
  });
}

function chartBox(options, option, key, label) {
  const box = el('div', { class: 'cr-chart', 'data-chart': key, role: 'img', 'aria-label': label });
  options.set(box, option);
  return box;
}

function intervalProgress(model) {
  if (model.kind !== 'deploy') {
    return null;
  }
  const planned = model.plannedIntervals;
  return el('span', {
    class: 'cr-interval-count', 'data-judged': model.intervals.length,
    text: planned === null ? `${model.intervals.length} interval(s) judged`
      : `${model.intervals.length} of ${planned} interval${planned === 1 ? '' : 's'} judged`,
  });
}

function decisionText(model, op) {
  if (model.decision === 'promote') {
    return 'Promoted: production is deployed with the canary\'s version';
  }
  if (model.decision === 'fail') {
    return 'Failed: baseline and canary are destroyed, production is left as it was';
  }
  if (op.status === 'RUNNING') {
    return model.window ? 'Judging' : 'Preparing baseline and canary';
  }
  return op.status === 'CANCELLED' ? 'Cancelled before a decision' : 'Ended before a decision';
}

function summary(op, model) {
  const r = model.result;
  const verdict = r ? r.classification : null;
  const thresholds = model.thresholds;
  return [
    el('div', { class: `cr-verdict cr-verdict--${classCss(verdict)}` },
      el('span', { class: 'cr-verdict-label', 'data-verdict': verdict || '', text: verdict || (op.status === 'RUNNING' ? 'Judging…' : 'No verdict') }),
      el('span', { class: 'cr-score' },
        el('span', { class: 'cr-score-value', text: r ? number(r.score) : '—' }),
        el('span', { class: 'muted', text: ' / 100' })),
      thresholds ? el('span', { class: 'cr-thresholds muted', text: `pass ≥ ${thresholds.pass} · marginal ≥ ${thresholds.marginal}` }) : null),
    el('p', { class: 'cr-reason', text: r ? r.reason : 'No judgement yet.' }),
    model.kind === 'deploy' ? el('p', { class: `cr-decision cr-decision--${model.decision || 'none'}` },
      el('strong', { text: decisionText(model, op) }),
      model.decisionReason ? `: ${model.decisionReason}` : '') : null,
    el('p', { class: 'cr-op muted' },
      model.kind === 'deploy' ? 'Canary deploy' : 'Canary analysis', ' ',
      statusBadge(op.status, 'cr-op-status'), ' · started ', timeNode(op.createdAt),
      op.status !== 'RUNNING' ? ` · took ${duration(op.createdAt, op.updatedAt)}` : ' · running',
      model.kind === 'deploy' ? ' · ' : '', intervalProgress(model)),
    op.error ? el('p', { class: 'op-error', role: 'note', text: op.error.message }) : null,
  ].filter(Boolean);
}

function groupsAndTraffic(model) {
  const groups = el('dl', { class: 'cr-facts cr-groups' }, model.groups.flatMap((g) => fact(g.role,
    el('code', { 'data-group-role': g.role.toLowerCase(), text: g.name || '—' }))));
  const parts = [el('h3', { class: 'cr-sub', text: 'Server groups' }), groups];
  if (model.destroyed.length) {
    parts.push(el('p', { class: 'muted cr-destroyed', text: `Destroyed: ${model.destroyed.join(', ')}` }));
  }
  if (model.kind === 'deploy') {
    const t = model.traffic;
    const served = t ? object(t.served) : {};
    const total = (served.production ?? 0) + (served.baseline ?? 0) + (served.canary ?? 0);
    parts.push(el('h3', { class: 'cr-sub', text: 'Traffic' }), el('dl', { class: 'cr-facts cr-traffic' },
      fact('Chosen share', el('span', {
        'data-traffic': 'chosen',
        text: t ? `${number(t.percent)}% each to baseline and canary, ${t.split}` : 'not set yet',
      })),
      fact('Load balancers', t ? list(t.loadBalancers).join(', ') || '—' : '—'),
      fact('Share served', el('span', {
        'data-traffic': 'served',
        text: !t ? '—' : !t.served ? 'not counted yet, or not by this cloud'
          : `baseline ${number(served.baselinePercent)}%, canary ${number(served.canaryPercent)}% of ${total} requests`,
      })),
      t?.served ? fact('Counted', timeNode(served.from, true), ' – ', timeNode(served.to, true)) : null));
  }
  const w = model.window;
  const a = model.analysis;
  if (w) {
    parts.push(el('h3', { class: 'cr-sub', text: 'Analysis' }), el('dl', { class: 'cr-facts cr-analysis' },
      fact('Window', timeNode(w.start), ' – ', timeNode(w.end)),
      model.kind === 'deploy' ? fact('Lifetime', `${a.lifetime} after a warmup of ${a.warmup}`) : null,
      model.kind === 'deploy' ? fact('Intervals', `${a.intervals} of ${a.interval}, lookback ${a.lookback === 'PT0S' ? 'the whole analysis' : a.lookback}`) : null,
      fact('Step', a.step || w.step || '—'),
      model.kind === 'deploy' ? fact('On marginal', a.onMarginal || '—') : null));
  }
  return parts;
}

function intervalsSection(model, options) {
  if (model.kind !== 'deploy') {
    return [el('p', { class: 'muted', text: 'A canary analysis judges once, over its whole window: the verdict above is that judgement.' })];
  }
  const rows = model.intervals.map((i) => el('tr', { 'data-interval': i.index },
    el('td', { text: i.index }),
    el('td', {}, timeNode(i.start, true), ' – ', timeNode(i.end, true)),
    el('td', { class: 'cr-num', text: number(i.score) }),
    el('td', {}, classBadge(i.classification)),
    el('td', { class: 'cr-interval-reason', text: i.reason })));
  return [
    chartBox(options, scoreChartOption(model), 'score', `Score per interval, ${model.intervals.length} judged, against pass ${model.thresholds?.pass} and marginal ${model.thresholds?.marginal}`),
    model.intervals.length === 0 ? el('p', { class: 'empty', text: 'No interval judged yet.' })
      : el('table', { class: 'cr-table cr-intervals' },
        el('thead', {}, el('tr', {}, ['#', 'Window', 'Score', 'Class', 'Reason'].map((h) => el('th', { scope: 'col', text: h })))),
        el('tbody', {}, rows)),
  ];
}

function sideSummary(name, s) {
  const side = object(s);
  return `${name} mean ${number(side.mean)} (${side.used ?? 0} of ${side.points ?? 0} points used)`;
}

function metricRow(m, options) {
  const warnings = list(m.warnings);
  return el('article', { class: `cr-metric cr-metric--${classCss(m.classification)}`, 'data-metric': m.name, 'aria-label': `Metric ${m.name}` },
    el('header', { class: 'cr-metric-head' },
      el('h3', { class: 'cr-metric-name', text: m.name }),
      classBadge(m.classification, 'cr-metric-class'),
      m.critical ? el('span', { class: 'badge cr-tag', text: 'critical' }) : null,
      m.muted ? el('span', { class: 'badge cr-tag', text: 'muted' }) : null,
      el('span', { class: 'muted cr-metric-direction', text: `judges ${m.direction === 'either' ? 'either direction' : `an ${m.direction}`}` })),
    el('p', { class: 'cr-metric-reason', text: m.reason }),
    el('p', { class: 'muted cr-metric-sides' }, sideSummary('baseline', m.baseline), ' · ', sideSummary('canary', m.canary)),
    warnings.length ? el('ul', { class: 'cr-warnings' }, warnings.map((w) => el('li', { text: w }))) : null,
    chartBox(options, metricChartOption(m), `metric:${m.name}`, `${m.name}: baseline and canary over the window`));
}

function metricsSection(model, options) {
  const report = model.report;
  if (!report) {
    return [el('p', { class: 'empty', text: 'No judgement yet: the metrics appear after the first one.' })];
  }
  const groups = list(report.groups);
  const warnings = list(report.warnings);
  return [
    groups.length > 1 ? el('table', { class: 'cr-table cr-metric-groups' },
      el('thead', {}, el('tr', {}, ['Group', 'Weight', 'Score', 'Counted'].map((h) => el('th', { scope: 'col', text: h })))),
      el('tbody', {}, groups.map((g) => el('tr', { 'data-metric-group': g.name },
        el('td', { text: g.name }), el('td', { class: 'cr-num', text: number(g.weight) }),
        el('td', { class: 'cr-num', text: number(g.score) }),
        el('td', { text: Object.entries(object(g.counts)).filter(([, n]) => n > 0).map(([c, n]) => `${n} ${c}`).join(', ') || '—' }))))) : null,
    warnings.length ? el('details', { class: 'cr-all-warnings' },
      el('summary', { text: `${warnings.length} warning${warnings.length === 1 ? '' : 's'}` }),
      el('ul', {}, warnings.map((w) => el('li', { text: w })))) : null,
    ...list(report.metrics).map((m) => metricRow(m, options)),
  ].filter(Boolean);
}

// ---------------------------------------------------------------------------------------------
// The page

function skeleton(root) {
  const parts = {
    title: el('h1', { text: 'Canary report' }),
    back: el('a', { class: 'cr-back', href: root.dataset.clusterViewUrl || './', text: '← Cluster view' }),
    updated: el('span', { class: 'updated', text: 'Loading…' }),
    banner: el('div', { class: 'banner', role: 'alert', hidden: true }),
    summary: el('div', { class: 'cr-summary', 'aria-live': 'polite' }),
    groups: el('div', { class: 'cr-side' }),
    intervals: el('div', { class: 'cr-interval-list' }),
    metrics: el('div', { class: 'cr-metrics' }),
  };
  root.replaceChildren(
    el('header', { class: 'topbar' }, parts.title, parts.back, parts.updated),
    parts.banner,
    el('div', { class: 'cr-top' },
      el('section', { class: 'panel', 'aria-labelledby': 'cr-verdict-h' },
        el('h2', { id: 'cr-verdict-h', class: 'panel-title', text: 'Verdict' }), parts.summary),
      el('section', { class: 'panel', 'aria-labelledby': 'cr-groups-h' },
        el('h2', { id: 'cr-groups-h', class: 'panel-title', text: 'Baseline, canary and traffic' }), parts.groups)),
    el('section', { class: 'panel', 'aria-labelledby': 'cr-intervals-h' },
      el('h2', { id: 'cr-intervals-h', class: 'panel-title', text: 'Score per interval' }), parts.intervals),
    el('section', { class: 'panel', 'aria-labelledby': 'cr-metrics-h' },
      el('h2', { id: 'cr-metrics-h', class: 'panel-title', text: 'Metrics' }), parts.metrics));
  return parts;
}

/** Shows the report of the operation named by ?operation= in `root`, reading the API named by its data-api. */
export function mount(root) {
  const api = apiClient(apiBase(root));
  const parts = skeleton(root);
  const charts = new Charts();
  const drawn = new Map();
  const id = new URL(window.location.href).searchParams.get('operation');
  let lastGood = null;

  function say(text) {
    parts.banner.textContent = text;
    parts.banner.hidden = false;
  }

  // A section is redrawn only when its data changed; its charts are made again with it.
  function draw(section, data, build) {
    const key = JSON.stringify(data);
    if (drawn.get(section) === key) {
      return;
    }
    drawn.set(section, key);
    const options = new Map();
    const nodes = build(options);
    charts.disposeWithin(parts[section]);
    parts[section].replaceChildren(...nodes);
    if (options.size && Charts.available()) {
      charts.drawWithin(parts[section], options);
    }
  }

  function show(op) {
    const model = canaryModel(op);
    const target = op.target?.cluster || '';
    parts.title.textContent = `Canary report: ${target || op.id}`;
    document.title = `Cluster Deploy: canary report ${target}`.trim();
    const app = op.target?.application;
    if (app) {
      const back = new URL(root.dataset.clusterViewUrl || './', document.baseURI);
      back.searchParams.set('app', app);
      parts.back.href = back.href;
    }
    draw('summary', [op.status, op.error, op.createdAt, op.updatedAt, model.result?.score, model.result?.classification,
      model.result?.reason, model.decision, model.decisionReason, model.intervals.length, model.plannedIntervals, model.thresholds],
    () => summary(op, model));
    draw('groups', [model.groups, model.traffic, model.window, model.analysis, model.destroyed], () => groupsAndTraffic(model));
    draw('intervals', [model.kind, model.intervals, model.thresholds, model.window], (options) => intervalsSection(model, options));
    draw('metrics', model.report, (options) => metricsSection(model, options));
  }

  async function refresh() {
    try {
      const op = await api.get(`operations/${encodeURIComponent(id)}`);
      if (!reportKind(op)) {
        poller.stop();
        say(`Operation ${id} is a ${op.type}, not a canary deploy or a canary analysis: it has no canary report.`);
        return;
      }
      show(op);
      lastGood = new Date();
      parts.banner.hidden = true;
      root.classList.remove('cv--stale');
      if (op.status === 'RUNNING') {
        parts.updated.replaceChildren('Following · last updated ', timeNode(lastGood.toISOString(), true));
      } else {
        // Ended: nothing more will change, so stop asking.
        poller.stop();
        parts.updated.replaceChildren(`Ended ${op.status.toLowerCase()} · read `, timeNode(lastGood.toISOString(), true));
      }
      if (!Charts.available()) {
        say('The charts cannot be drawn: ECharts did not load (the standalone server serves vendor/echarts.min.js; in Jenkins the echarts-api plugin provides it).');
      }
    } catch (e) {
      if (/^HTTP 404\b/.test(e.message)) {
        poller.stop();
        say(`No operation ${id}: ${e.message}.`);
        return;
      }
      const since = lastGood ? ` Showing what was known at ${lastGood.toLocaleTimeString()}.` : '';
      say(`Cannot read the Cluster Deploy API: ${String(e.message).replace(/\.$/, '')}.${since} Retrying every ${REFRESH_MS / 1000} s.`);
      root.classList.add('cv--stale');
    }
  }

  const poller = new Poller(refresh, REFRESH_MS);
  if (!id) {
    parts.updated.textContent = '';
    say('No operation given: open this page as canary.html?operation=<id> (the cluster view links each canary to it).');
    return poller;
  }
  poller.start();
  return poller;
}

for (const root of document.querySelectorAll('[data-canary-report]')) {
  mount(root);
}
