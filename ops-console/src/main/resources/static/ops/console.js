// The operations console: plain JavaScript, no build step. Everything shown comes from
// /api/ops/* (same origin: directly on the console, or through the gateway, which relays the
// logged-in session's token). Data is always inserted as text, never as HTML.
'use strict';

const REFRESH_MS = 5000;
const HEALTH_EVERY = 3; // health probes every third refresh (15 s)
const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf',
  '#7f7f7f', '#bcbd22'];

const OUTCOMES = { PROCESSED: '已處理', DEAD_LETTERED: '死信', PENDING: '等待處理' };
const DL_STATUS = { WAITING: '待處理', REPLAYING: '重送中', REPLAYED: '已重送' };
const TOPIC_KINDS = { BUSINESS: '業務事件', DEAD_LETTER: '死信', OTHER: '其他' };
const GROUP_STATES = {
  stable: '運作中', empty: '已停止（無成員）', preparingrebalance: '重新平衡中',
  completingrebalance: '重新平衡中', assigning: '分配中', reconciling: '協調中', dead: '已移除',
  unknown: '未啟動（由死信主題得知）',
};
const HEALTH_KINDS = { SERVICE: '服務', KAFKA: 'Kafka', MONGODB: 'MongoDB 資料庫', KEYCLOAK: 'Keycloak 身分驗證', SMTP: 'SMTP 郵件' };

let tick = 0;
let timer = null;
const groupColors = new Map();

// ---- helpers ------------------------------------------------------------------------------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function svg(tag, attrs) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  return node;
}

function cookie(name) {
  const found = document.cookie.split('; ').find(c => c.startsWith(name + '='));
  return found ? decodeURIComponent(found.split('=')[1]) : null;
}

class AuthProblem extends Error {}

async function api(path, options = {}) {
  const headers = { Accept: 'application/json' };
  const method = options.method || 'GET';
  if (method !== 'GET') {
    // through the gateway a browser session's unsafe requests need its CSRF token
    const xsrf = cookie('XSRF-TOKEN');
    if (xsrf) headers['X-XSRF-TOKEN'] = xsrf;
  }
  const res = await fetch(path, { method, credentials: 'same-origin', headers });
  if (res.status === 401) throw new AuthProblem('尚未登入或登入已逾時，請重新登入（維運人員帳號）。');
  if (res.status === 403) throw new AuthProblem('此帳號沒有維運人員（ops）權限，無法使用維運主控台。');
  const type = res.headers.get('content-type') || '';
  const body = type.includes('json') ? await res.json() : null;
  if (!res.ok) throw new Error((body && body.detail) || ('HTTP ' + res.status));
  return body;
}

function time(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return d.toLocaleString('zh-TW', { hour12: false });
}

function clock(iso) {
  return new Date(iso).toLocaleTimeString('zh-TW', { hour12: false });
}

function showProblem(message, withLogin) {
  const box = document.getElementById('problem');
  box.replaceChildren(message);
  if (withLogin) {
    box.append(' ', el('a', { href: '/oauth2/authorization/keycloak' }, '前往登入'));
  }
  box.hidden = !message;
}

function shortType(fqcn) {
  return fqcn ? fqcn.substring(Math.max(fqcn.lastIndexOf('.'), fqcn.lastIndexOf('$')) + 1) : '';
}

function colorOf(group) {
  if (!groupColors.has(group)) groupColors.set(group, COLORS[groupColors.size % COLORS.length]);
  return groupColors.get(group);
}

function fill(tbody, rows, emptyText, columns) {
  tbody.replaceChildren(...(rows.length ? rows : [el('tr', {}, el('td', { colspan: columns, class: 'muted' }, emptyText))]));
}

// ---- sections -----------------------------------------------------------------------------

async function loadWho() {
  const me = await api('/api/ops/me');
  document.getElementById('who').textContent = '維運人員：' + me.username;
}

async function loadHealth() {
  const health = await api('/api/ops/health');
  const cards = health.probes.map(p => el('div', { class: 'card' + (p.state === 'UP' ? '' : ' down') },
    el('div', { class: 'name' }, p.name, ' ',
      el('span', { class: p.state === 'UP' ? 'state-up' : 'state-down' }, p.state === 'UP' ? '● 正常' : '● 異常')),
    el('div', { class: 'detail' }, HEALTH_KINDS[p.kind] || p.kind, '｜', p.detail || '', '（', p.millis, ' ms）')));
  document.getElementById('health-cards').replaceChildren(...cards);
}

// per topic: its lag, and for a lagging topic each lagging partition (committed / end offset)
function lagByTopic(g) {
  const topics = new Map();
  for (const p of g.partitions) {
    if (!topics.has(p.topic)) topics.set(p.topic, []);
    topics.get(p.topic).push(p);
  }
  const lagging = [...topics].filter(([, ps]) => ps.some(p => p.lag > 0));
  const quiet = topics.size - lagging.length;
  const items = lagging.map(([topic, ps]) => el('div', {}, el('code', {}, topic), '：',
    el('b', { class: 'lagging' }, ps.reduce((sum, p) => sum + p.lag, 0)), ' 筆（',
    ps.filter(p => p.lag > 0).map(p => '#' + p.partition + ' 已提交 ' + (p.committed == null ? '無' : p.committed)
      + ' / 最新 ' + p.endOffset).join('；'), '）'));
  if (quiet > 0) items.push(el('div', { class: 'muted' }, (lagging.length ? '其餘 ' : '') + quiet + ' 個主題已讀完'));
  return items;
}

async function loadGroups() {
  const groups = await api('/api/ops/consumer-groups');
  groups.sort((a, b) => (b.totalLag - a.totalLag) || a.groupId.localeCompare(b.groupId));
  const rows = groups.map(g => el('tr', {},
    el('td', {}, el('i', { style: 'display:inline-block;width:10px;height:10px;margin-right:6px;background:' + colorOf(g.groupId) }),
      g.groupId, g.console ? el('span', { class: 'muted' }, '（本主控台）') : null),
    el('td', {}, GROUP_STATES[String(g.state).toLowerCase()] || g.state),
    el('td', { class: 'num' }, g.members),
    el('td', { class: 'num' + (g.totalLag > 0 ? ' lagging' : '') }, g.totalLag),
    el('td', { class: 'parts' }, lagByTopic(g))));
  fill(document.querySelector('#groups tbody'), rows, '目前沒有任何消費者群組。', 5);
}

async function loadLagChart() {
  const series = await api('/api/ops/lag-history?minutes=60');
  const chart = document.getElementById('lag-chart');
  const W = 900, H = 240, L = 48, R = 10, T = 12, B = 26;
  const names = Object.keys(series.lagByGroup);
  const n = series.at.length;
  let max = 0;
  for (const g of names) for (const v of series.lagByGroup[g]) if (v !== null && v > max) max = v;
  const top = max <= 5 ? 5 : Math.ceil(max * 1.1);
  const x = i => L + (n <= 1 ? 0 : (i * (W - L - R)) / (n - 1));
  const y = v => T + (H - T - B) * (1 - v / top);
  const parts = [];
  for (const frac of [0, 0.5, 1]) {
    const v = Math.round(top * frac);
    parts.push(svg('line', { x1: L, x2: W - R, y1: y(v), y2: y(v), stroke: '#e3e6ea' }));
    const label = svg('text', { x: L - 6, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#57606a' });
    label.textContent = v;
    parts.push(label);
  }
  if (n > 0) {
    for (const [i, anchor] of [[0, 'start'], [n - 1, 'end']]) {
      const label = svg('text', { x: x(i), y: H - 8, 'text-anchor': anchor, 'font-size': 11, fill: '#57606a' });
      label.textContent = clock(series.at[i]);
      parts.push(label);
    }
  } else {
    const label = svg('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', 'font-size': 13, fill: '#57606a' });
    label.textContent = '尚無取樣資料';
    parts.push(label);
  }
  const legend = [];
  for (const g of names) {
    const values = series.lagByGroup[g];
    const points = values.map((v, i) => (v === null ? null : x(i).toFixed(1) + ',' + y(v).toFixed(1))).filter(Boolean);
    if (points.length === 1) points.push((x(n - 1) + 0.1).toFixed(1) + ',' + points[0].split(',')[1]);
    parts.push(svg('polyline', { points: points.join(' '), fill: 'none', stroke: colorOf(g), 'stroke-width': 2 }));
    const current = values[values.length - 1];
    legend.push(el('div', {}, el('i', { style: 'background:' + colorOf(g) }), g, '：',
      el('b', { class: current > 0 ? 'lagging' : '' }, current === null ? '—' : current)));
  }
  const axis = svg('text', { x: 4, y: 12, 'font-size': 11, fill: '#57606a' });
  axis.textContent = '筆';
  parts.push(axis);
  chart.replaceChildren(...parts);
  document.getElementById('lag-legend').replaceChildren(
    el('div', { class: 'muted' }, '各群組目前總延遲（近 60 分鐘，每 5 秒取樣）'), ...legend);
}

async function loadDeadLetters() {
  const topic = document.getElementById('dl-topic').value;
  const status = document.getElementById('dl-status').value;
  const query = new URLSearchParams();
  if (topic) query.set('topic', topic);
  if (status) query.set('status', status);
  const [letters, waiting] = await Promise.all([
    api('/api/ops/dead-letters?' + query),
    api('/api/ops/dead-letters?status=WAITING'),
  ]);
  const count = document.getElementById('dl-count');
  count.textContent = waiting.length;
  count.className = 'badge' + (waiting.length > 0 ? ' bad' : '');
  const rows = letters.map(d => el('tr', {},
    el('td', {}, time(d.deadAt)),
    el('td', {}, d.group || ''),
    el('td', {}, d.originalTopic || ''),
    el('td', {}, el('code', {}, d.key || '')),
    el('td', {}, d.eventLabel || d.eventType || ''),
    el('td', { class: 'error' }, shortType(d.errorType), d.errorType ? '：' : '', d.error || ''),
    el('td', { class: 'status-' + d.status }, DL_STATUS[d.status] || d.status,
      d.replayedBy ? el('div', { class: 'muted' }, d.replayedBy, ' ', time(d.replayedAt)) : null),
    el('td', {},
      el('button', { type: 'button', onclick: () => showDeadLetter(d) }, '詳細'), ' ',
      d.status === 'WAITING' ? el('button', { type: 'button', class: 'danger', onclick: () => replay(d) }, '重送') : null)));
  fill(document.querySelector('#dl-table tbody'), rows, '沒有符合條件的死信訊息。', 8);
}

function fillTopicFilter(topics) {
  const select = document.getElementById('dl-topic');
  const current = select.value;
  const names = topics.filter(t => t.kind === 'DEAD_LETTER').map(t => t.name);
  select.replaceChildren(el('option', { value: '' }, '全部'),
    ...names.map(n => el('option', { value: n, selected: n === current }, n)));
}

function showDeadLetter(d) {
  let payload = d.payload || '';
  try { payload = JSON.stringify(JSON.parse(payload), null, 2); } catch (notJson) { /* shown as it is */ }
  const headerRows = Object.entries(d.headers || {}).map(([k, v]) => el('tr', {}, el('th', {}, k), el('td', {}, el('code', {}, v))));
  document.getElementById('dl-detail').replaceChildren(
    el('table', { class: 'grid' },
      el('tr', {}, el('th', {}, '死信記錄'), el('td', {}, d.dlqTopic, ' #', d.partition, ' @', d.offset)),
      el('tr', {}, el('th', {}, '原主題'), el('td', {}, d.originalTopic, ' #', d.originalPartition, ' @', d.originalOffset)),
      el('tr', {}, el('th', {}, 'Key'), el('td', {}, d.key)),
      el('tr', {}, el('th', {}, '事件編號'), el('td', {}, d.eventId)),
      el('tr', {}, el('th', {}, '錯誤類型'), el('td', {}, d.errorType)),
      el('tr', {}, el('th', {}, '錯誤訊息'), el('td', { class: 'error' }, d.error)),
      el('tr', {}, el('th', {}, '狀態'), el('td', {}, DL_STATUS[d.status] || d.status, d.replayedTo ? '（送至 ' + d.replayedTo + '）' : ''))),
    el('h4', {}, '標頭（個人資料已遮蔽）'), el('table', { class: 'grid' }, headerRows),
    el('h4', {}, '內容（個人資料已遮蔽）'), el('pre', {}, payload),
    el('details', {}, el('summary', {}, '例外堆疊'), el('pre', {}, d.stacktrace || '')));
  document.getElementById('dl-dialog').showModal();
}

async function replay(d) {
  if (!confirm('確定要將這筆訊息重送到「' + d.originalTopic + '」嗎？\n請先確認造成失敗的原因已排除。')) return;
  try {
    const result = await api('/api/ops/dead-letters/' + encodeURIComponent(d.id) + '/replay', { method: 'POST' });
    alert('已重送至 ' + result.replayedTo);
  } catch (e) {
    alert('重送失敗：' + e.message);
  }
  refresh();
}

async function replayAll() {
  const topic = document.getElementById('dl-topic').value;
  const scope = topic ? '死信主題「' + topic + '」' : '所有死信主題';
  if (!confirm('確定要重送' + scope + '中所有待處理的死信訊息嗎？')) return;
  try {
    const result = await api('/api/ops/dead-letters/replay' + (topic ? '?topic=' + encodeURIComponent(topic) : ''), { method: 'POST' });
    alert('已重送 ' + result.replayed + ' 筆' + (result.failed.length ? '，失敗 ' + result.failed.length + ' 筆' : '') + '。');
  } catch (e) {
    alert('重送失敗：' + e.message);
  }
  refresh();
}

async function loadTopics() {
  const topics = await api('/api/ops/topics');
  const rows = topics.map(t => el('tr', {},
    el('td', {}, el('code', {}, t.name)),
    el('td', {}, TOPIC_KINDS[t.kind] || t.kind),
    el('td', { class: 'num' }, t.partitions.length),
    el('td', { class: 'parts' }, t.partitions.map(p => el('span', {}, '#', p.partition, '：', p.endOffset))),
    el('td', { class: 'num' }, t.retained),
    el('td', { class: 'num' }, t.ratePerMinute === null || t.ratePerMinute === undefined ? '—' : t.ratePerMinute.toFixed(1))));
  fill(document.querySelector('#topic-table tbody'), rows, '沒有主題。', 6);
  fillTopicFilter(topics);
}

async function loadReplays() {
  const replays = await api('/api/ops/replays');
  const rows = replays.map(r => el('tr', {},
    el('td', {}, time(r.startedAt)),
    el('td', {}, r.replayedBy),
    el('td', {}, r.requestedFrom),
    el('td', {}, el('code', {}, r.deadLetterId)),
    el('td', {}, r.originalTopic),
    el('td', { class: r.outcome === 'REPLAYED' ? 'state-up' : r.outcome === 'FAILED' ? 'state-down' : '' },
      { REPLAYED: '成功', FAILED: '失敗', STARTED: '進行中' }[r.outcome] || r.outcome, r.failure ? '：' + r.failure : ''),
    el('td', {}, r.replayedTo || '')));
  fill(document.querySelector('#replay-table tbody'), rows, '尚無重送紀錄。', 7);
}

async function trace(q) {
  const out = document.getElementById('trace-result');
  out.replaceChildren(el('p', { class: 'muted' }, '查詢中…'));
  try {
    const t = await api('/api/ops/trace?q=' + encodeURIComponent(q));
    const steps = t.steps.map(s => el('li', {},
      el('div', { class: 'step-head' }, time(s.occurredAt), '　', s.eventLabel || s.eventType,
        el('span', { class: 'muted' }, '（', s.eventType, '）')),
      el('div', { class: 'step-meta' }, '主題 ', s.topic, '｜', s.deliveries.map(d => '#' + d.partition + ' @' + d.offset
        + (d.replayedBy ? '（' + d.replayedBy + ' 重送）' : '')).join('、'),
        '｜申請編號 ', s.applicationId, s.certificateNo ? '｜立案證書 ' + s.certificateNo : '',
        s.traceId ? '｜trace ' + s.traceId : '', s.correlationId ? '｜correlation ' + s.correlationId : ''),
      el('div', {}, s.outcomes.length ? s.outcomes.map(o => el('span', { class: 'outcome ' + o.outcome },
        o.group, '：', OUTCOMES[o.outcome] || o.outcome, o.detail ? '（' + o.detail + '）' : ''))
        : el('span', { class: 'muted' }, '沒有消費者群組讀取這個主題')),
      el('details', {}, el('summary', {}, '事件內容（個人資料已遮蔽）'), el('pre', {}, s.payload || ''))));
    out.replaceChildren(el('p', {}, '申請編號：', t.applicationIds.join('、'), '，共 ', t.steps.length, ' 個事件（依發生時間排序）'),
      el('ol', { class: 'timeline' }, steps));
  } catch (e) {
    out.replaceChildren(el('p', { class: 'state-down' }, e.message));
  }
}

// ---- refresh loop -------------------------------------------------------------------------

async function refresh() {
  try {
    const jobs = [loadGroups(), loadLagChart(), loadDeadLetters(), loadTopics(), loadReplays()];
    if (tick % HEALTH_EVERY === 0) jobs.push(loadHealth());
    tick++;
    await Promise.all(jobs);
    showProblem('');
    document.getElementById('updated').textContent = '更新於 ' + new Date().toLocaleTimeString('zh-TW', { hour12: false });
  } catch (e) {
    showProblem(e.message, e instanceof AuthProblem);
  }
}

function schedule() {
  clearInterval(timer);
  if (document.getElementById('auto').checked) timer = setInterval(refresh, REFRESH_MS);
}

document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('refresh').addEventListener('click', () => { tick = 0; refresh(); });
  document.getElementById('auto').addEventListener('change', schedule);
  document.getElementById('dl-topic').addEventListener('change', loadDeadLetters);
  document.getElementById('dl-status').addEventListener('change', loadDeadLetters);
  document.getElementById('dl-replay-all').addEventListener('click', replayAll);
  document.getElementById('trace-form').addEventListener('submit', ev => {
    ev.preventDefault();
    trace(document.getElementById('trace-q').value.trim());
  });
  const initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    document.getElementById('trace-q').value = initial;
    trace(initial);
  }
  loadWho().catch(e => showProblem(e.message, e instanceof AuthProblem));
  refresh();
  schedule();
});
