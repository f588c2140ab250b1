// Shared by the officers' pages (registration queue and case, union-affairs filings and filing, register):
// the header (navigation, who, notices, logout), API calls that survive an ended session, DOM and error
// helpers, paging, the zh-TW labels, and the pieces of a case page (documents with previews, history,
// audit trail, the two-step decision's action panel).
// Needs /js/common.js (Api, formatDateTime, formatBytes) loaded before it.
'use strict';

const Review = (() => {
  const NOTICE_POLL_MS = 30_000;
  const SEEN_KEY = 'review.noticesSeen';

  const labels = {
    roles: { reviewer: '承辦人', approver: '主管' },
    documentKinds: {
      CHARTER: '章程', CERTIFICATE_SCAN: '附件一 立案證書', UNION_SEAL: '附件二 圖記',
      REPRESENTATIVE_SEAL: '附件三 負責人章', HARASSMENT_EVIDENCE: '完成性騷擾防治措施佐證資料',
      // attachments of union-affairs filings (the API sends its own label; these are the fallback)
      MEETING_MINUTES: '會議紀錄', SIGN_IN_SHEET: '簽到簿', OFFICER_ROSTER: '理監事名冊', ELECTION_MINUTES: '選舉會議紀錄',
      AMENDED_CHARTER: '修正後章程', AMENDMENT_COMPARISON: '修正條文對照表', BOARD_RESOLUTION: '理事會決議紀錄',
      ADDRESS_PROOF: '會址證明文件', WORK_PLAN: '年度工作計畫', BUDGET: '年度預算書', FINAL_ACCOUNTS: '年度決算書表',
      AUDIT_TEAM_ROSTER: '會籍清查小組名冊', MEMBER_ROSTER: '會員名冊', DEPARTED_MEMBER_ROSTER: '出會會員名冊',
      AUDIT_REPORT: '會籍總清查報告表',
    },
    unionTypes: { ENTERPRISE: '企業工會', INDUSTRIAL: '產業工會', OCCUPATIONAL: '職業工會', FEDERATION: '聯合組織' },
    // document-service's Finding enum; unknown codes are shown as they come
    findings: {
      DOCUMENT_NOT_SUBMITTED: '未提交',
      UPLOAD_MISSING: '檔案未上傳',
      UPLOAD_EXPIRED: '上傳已逾期失效',
      UPLOAD_CLAIMED_BY_OTHER_APPLICATION: '檔案已被其他申請案使用',
      UPLOAD_KIND_MISMATCH: '上傳時的文件類別與申請不符',
      KIND_UNKNOWN: '無法辨識的文件類別',
      TYPE_NOT_ALLOWED: '檔案類型不符',
      FILE_TYPE_NOT_ALLOWED: '檔案類型不符',
      CONTENT_CHANGED: '檔案內容與上傳時不符',
      DUPLICATE_FILE: '與其他文件為同一檔案',
      POLYGLOT: '檔案同時是其他格式（可能夾帶其他內容）',
      PDF_UNREADABLE: 'PDF 無法讀取',
      PDF_TRUNCATED: '檔案不完整',
      PDF_ENCRYPTED: 'PDF 已加密',
      PDF_NO_PAGES: '沒有頁面',
      PDF_JAVASCRIPT: '含有 JavaScript',
      PDF_EMBEDDED_FILES: '含有內嵌檔案',
      IMAGE_UNREADABLE: '影像無法讀取',
      IMAGE_DAMAGED: '影像已損毀',
      IMAGE_TOO_LARGE: '影像尺寸過大',
      IMAGE_TRUNCATED: '影像資料不完整',
      CHECK_TIMED_OUT: '檢核逾時（檔案處理時間過長）',
      CERTIFICATE_NUMBER_DIFFERS: '證書字號與申請帳號不符',
      CERTIFICATE_NAME_DIFFERS: '證書上的工會名稱與申請書不符',
      CERTIFICATE_ISSUER_OTHER: '證書非新北市政府核發',
    },
    history: {
      REGISTRATION_RECEIVED: '收件', CONTACT_EMAIL_CONFIRMED: '申請人確認電子郵件', DOCUMENTS_VERIFIED: '文件檢核完成',
      SUPPLEMENTS_RECEIVED: '收到補正文件', PROPOSED: '擬辦', SIGNED_OFF: '核定', SENT_BACK: '退回擬辦',
      FILING_SUBMITTED: '送件',
    },
    audit: {
      VIEW_CASE: '檢視案件', VIEW_FILING: '檢視會務案件', COMPARE_SEALS: '圖記比對', PROPOSE: '擬辦', SIGN_OFF: '核定', SEND_BACK: '退回擬辦',
      EXPORT_AUDIT: '匯出稽核紀錄', REGISTER_IMPORT: '匯入登記簿', REGISTER_CREATE: '登記簿新增',
      REGISTER_UPDATE: '登記簿更新', REGISTER_CORRECT: '更正登記簿', REGISTER_SEAL: '更換登記圖記',
    },
    outcomes: { APPROVE: '擬核准', REJECT: '擬駁回', SUPPLEMENT: '擬退回補正' },
    decisions: { APPROVED: '核准', REJECTED: '駁回' },
    filingOutcomes: { ACCEPT: '擬准予備查', RETURN: '擬退回補正' },
    filingDecisions: { ACCEPTED: '准予備查', RETURNED: '退回補正' },
  };

  function label(table, code) {
    return (code && labels[table][code]) || code || '';
  }

  /**
   * Builds an element. Children are nodes or plain strings (added as text, never parsed as
   * HTML, so server text cannot inject markup). Attributes that are null/false are left out.
   */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
      else el.setAttribute(name === 'className' ? 'class' : name, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      el.append(child instanceof Node ? child : String(child));
    }
    return el;
  }

  const $ = id => document.getElementById(id);

  /** The session ended: a fresh load of the page leads through the gateway's login again. */
  function sessionEnded() {
    location.reload();
    return new Promise(() => {}); // the page is going away: callers must not render an error meanwhile
  }

  async function call(method, url, body) {
    const result = await Api.json(method, url, body);
    return result.status === 401 ? sessionEnded() : result;
  }

  /** Multipart requests (register import, seal): Api.json sends JSON only, so the CSRF header is added here. */
  async function upload(method, url, formData) {
    let response;
    try {
      response = await fetch(url, {
        method, body: formData,
        headers: { Accept: 'application/json, application/problem+json', ...Api.csrfHeaders() },
      });
    } catch (e) {
      return { ok: false, status: 0, problem: { detail: '無法連線，請檢查網路後再試一次。' } };
    }
    if (response.status === 401) return sessionEnded();
    const text = await response.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
    if (response.ok) return { ok: true, status: response.status, data };
    const fallback = response.status === 413 ? '檔案太大，請分批上傳或縮小檔案。' : Api.statusMessage(response.status);
    return { ok: false, status: response.status, problem: data && data.detail ? data : { detail: fallback } };
  }

  /** A calendar day in Taipei time, e.g. 2026/11/27; a LocalDate (2026-11-27) is shown as it is. */
  function formatDate(iso) {
    if (!iso) return '';
    const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    if (day) return `${day[1]}/${day[2]}/${day[3]}`;
    return new Date(iso).toLocaleDateString('zh-TW', { timeZone: 'Asia/Taipei', year: 'numeric', month: '2-digit', day: '2-digit' });
  }

  /** A LocalDate (yyyy-MM-dd) in the ROC calendar, as the bureau's own papers write it: 民國 103/05/12. */
  function rocDate(date) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date || '');
    return m ? `民國 ${Number(m[1]) - 1911}/${m[2]}/${m[3]}` : '';
  }

  /** A LocalDate with its ROC date beside it. */
  function formatLocalDate(date) {
    const roc = rocDate(date);
    return roc ? `${date}（${roc}）` : (date || '');
  }

  /** A value as it stands, or （未填） in grey when there is none. */
  function orUnfilled(value) {
    return value === null || value === undefined || value === '' ? h('span', { class: 'unfilled' }, '（未填）') : String(value);
  }

  /** 220 新北市板橋區中山路一段161號 */
  function address(a) {
    if (!a) return null;
    return [a.postalCode, (a.city || '') + (a.district || '') + (a.street || '')].filter(Boolean).join(' ');
  }

  /** Head counts {male, female, total}: 男 5、女 4、合計 9 人 */
  function counts(c) {
    return c ? `男 ${c.male}、女 ${c.female}、合計 ${c.total} 人` : null;
  }

  function time(iso) {
    return h('time', { datetime: iso }, formatDateTime(iso));
  }

  /**
   * A filing's legal deadline (dueBy, a LocalDate): the date and, when the filing came in after it, the
   * word 逾期 (words, not colour alone); filings without a deadline show 無期限.
   */
  function deadline(f) {
    if (!f.dueBy) return h('span', { class: 'hint' }, '無期限');
    return h('span', { class: 'due' }, h('time', { datetime: f.dueBy }, formatDate(f.dueBy)),
      f.overdue ? [' ', h('span', { class: 'badge fail overdue-mark', title: '送件時已逾法定期限' }, '逾期')] : null);
  }

  // ---- problem details: detail and every message in the alert area, each message also by its field

  function clearProblems(scope, alert) {
    if (alert) alert.replaceChildren();
    scope.querySelectorAll('[aria-invalid=true]').forEach(el => el.removeAttribute('aria-invalid'));
    scope.querySelectorAll('.error[data-field-error]').forEach(el => { el.textContent = ''; });
  }

  /** Shows one message under a field; the error element is {id}-error, created when the page has none. */
  function fieldError(target, message) {
    let error = $(target.id + '-error');
    if (!error) {
      error = h('p', { id: target.id + '-error', class: 'error' });
      target.after(error);
    }
    error.setAttribute('data-field-error', '');
    error.textContent = error.textContent ? error.textContent + ' ' + message : message;
    if (/^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) {
      target.setAttribute('aria-invalid', 'true');
      const described = (target.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
      if (!described.includes(error.id)) target.setAttribute('aria-describedby', [...described, error.id].join(' '));
    }
  }

  /**
   * @param fieldId maps a problem's field name (e.g. "documents[0].reason") to an element id, or null
   * @returns the first element with an error (to move the focus there), or the alert
   */
  function showProblem(problem, alert, fieldId = () => null) {
    const p = problem || {};
    const errors = Array.isArray(p.errors) ? p.errors : [];
    const detail = p.detail || p.title || Api.statusMessage(p.status || 400);
    alert.replaceChildren(h('p', { class: 'detail' }, detail));
    const messages = errors.map(e => e.message).filter(m => m && m !== detail);
    if (messages.length) alert.append(h('ul', null, messages.map(m => h('li', null, m))));
    let first = null;
    for (const e of errors) {
      const id = e.field ? fieldId(e.field) : null;
      const target = id && $(id);
      if (!target) continue;
      fieldError(target, e.message);
      first = first || target;
    }
    return first || alert;
  }

  // ---- paging (#prev-page, #next-page, #page-info) and the page state kept in the URL

  function renderPaging({ page, size, total }, go) {
    const pages = Math.max(1, Math.ceil(total / size));
    $('page-info').textContent = `第 ${Math.min(page + 1, pages)} / ${pages} 頁，共 ${total} 件`;
    $('prev-page').disabled = page <= 0;
    $('next-page').disabled = page + 1 >= pages;
    $('prev-page').onclick = () => go(page - 1);
    $('next-page').onclick = () => go(page + 1);
  }

  function readQuery(defaults) {
    const params = new URLSearchParams(location.search);
    const state = {};
    for (const [key, value] of Object.entries(defaults)) state[key] = params.get(key) || value;
    return state;
  }

  /** Only values that differ from the defaults go into the address, so that links stay short. */
  function writeQuery(state, defaults, replace) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(state)) {
      if (value !== '' && String(value) !== String(defaults[key])) params.set(key, value);
    }
    const url = location.pathname + (params.toString() ? '?' + params : '');
    if (url !== location.pathname + location.search) history[replace ? 'replaceState' : 'pushState'](null, '', url);
  }

  /**
   * The state of a list page (filters, sort, page number) kept in the address: a change pushes a
   * history entry and reloads; back/forward restores it. Any change but paging returns to page 1.
   */
  function listState(defaults, reload) {
    const list = {
      values: readQuery(defaults),
      pageIndex: () => Math.max(0, (parseInt(list.values.page, 10) || 1) - 1),
      change(changes, replace) {
        list.values = { ...list.values, page: '1', ...changes };
        writeQuery(list.values, defaults, replace);
        reload();
      },
      /** Paging buttons for an API page ({page, size, total}). */
      paging(result) {
        renderPaging(result, index => list.change({ page: String(index + 1) }));
      },
    };
    window.addEventListener('popstate', () => { list.values = readQuery(defaults); reload(); });
    return list;
  }

  /**
   * Column headers with button[data-sort] in `table`: their aria-sort shows the list's sort, a click sorts
   * by that column (ascending first, a second click reverses).
   */
  function sortableHeaders(table, list) {
    const buttons = [...table.querySelectorAll('button[data-sort]')];
    buttons.forEach(button => button.addEventListener('click', () => {
      const key = button.dataset.sort;
      const { sort, dir } = list.values;
      list.change({ sort: key, dir: sort === key && dir === 'asc' ? 'desc' : 'asc' });
    }));
    return function show({ sort, dir }) {
      buttons.forEach(button => {
        const active = button.dataset.sort === sort;
        button.closest('th').setAttribute('aria-sort', !active ? 'none' : dir === 'desc' ? 'descending' : 'ascending');
      });
    };
  }

  /**
   * The numbers the API counts beside the filter's options, e.g. 待審查（9）.
   * @param counted option value -> key in the API's counts
   */
  function optionCounts(select, counted) {
    const texts = Object.fromEntries([...select.options].map(o => [o.value, o.textContent]));
    return {
      text: value => texts[value] || value,
      show(counts) {
        for (const option of select.options) {
          const count = counted[option.value] ? (counts || {})[counted[option.value]] : undefined;
          option.textContent = texts[option.value] + (count === undefined ? '' : `（${count}）`);
        }
      },
    };
  }

  /** "/" jumps to the search box, as in most work queues; typing in a field is left alone. */
  function searchShortcut(input) {
    document.addEventListener('keydown', e => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.target.closest('input, textarea, select, [contenteditable]')) return;
      e.preventDefault();
      input.focus();
      input.select();
    });
  }

  /** Wraps a loader so that only the newest call renders: a slow older answer must not overwrite it. */
  function newestOnly(load) {
    let latest = 0;
    return async (...args) => {
      const ticket = ++latest;
      const result = await load(...args);
      return ticket === latest ? result : null;
    };
  }

  function setBusy(el, busy) {
    if (busy) el.setAttribute('aria-busy', 'true'); else el.removeAttribute('aria-busy');
  }

  // ---- header: the logout form's CSRF token, who is logged in, the notices

  async function prepareLogout() {
    // also makes the gateway write the XSRF-TOKEN cookie that Api.json sends back as a header
    const me = await Api.json('GET', '/portal/me');
    // /portal/me is no API: an ended session is redirected to Keycloak, which fetch sees as status 0
    if (me.status === 401 || me.status === 0) return sessionEnded();
    if (me.ok && me.data && me.data.csrf) {
      document.querySelectorAll('form#logout input[type=hidden]').forEach(input => {
        input.name = me.data.csrf.parameterName;
        input.value = me.data.csrf.token;
      });
    }
  }

  function whoText(me) {
    const roles = (me.roles || []).filter(r => labels.roles[r]).map(r => labels.roles[r]);
    return (roles.length ? roles.join('／') + ' ' : '') + me.username;
  }

  function readSeen() {
    try { return JSON.parse(sessionStorage.getItem(SEEN_KEY)) || null; } catch (e) { return null; }
  }

  function writeSeen(counts) {
    try { sessionStorage.setItem(SEEN_KEY, JSON.stringify(counts)); } catch (e) { /* private mode: no memory */ }
  }

  const notices = { current: [], signature: '' };

  /**
   * "Seen" counts are what the officer has acknowledged in this browser session: a count above
   * them is new (a new case to review, a proposal to sign off) and stays highlighted until the
   * officer follows the link or presses 知道了, also across page changes.
   */
  function showNotices(list) {
    const counts = Object.fromEntries(list.map(n => [n.kind, n.count]));
    let seen = readSeen();
    if (!seen) { seen = counts; writeSeen(seen); }
    // a count that fell (cases were handled) lowers the mark, so that the next arrival counts as new
    let lowered = false;
    for (const kind of Object.keys(seen)) {
      if ((counts[kind] || 0) < seen[kind]) { seen[kind] = counts[kind] || 0; lowered = true; }
    }
    if (lowered) writeSeen(seen);
    const fresh = list.filter(n => n.count > (seen[n.kind] || 0));
    const signature = JSON.stringify([list, fresh.map(n => n.kind)]);
    notices.current = list;
    if (signature === notices.signature) return; // unchanged: do not make screen readers repeat it
    notices.signature = signature;
    const acknowledge = () => { writeSeen(Object.fromEntries(notices.current.map(n => [n.kind, n.count]))); showNotices(notices.current); };
    const banner = $('notices');
    banner.classList.toggle('has-new', fresh.length > 0);
    banner.replaceChildren(...list.map(n => h('a', {
      href: n.link, class: fresh.includes(n) ? 'notice new' : 'notice', 'data-kind': n.kind, onclick: acknowledge,
    }, n.message)));
    if (fresh.length) {
      banner.append(h('button', { type: 'button', class: 'small secondary', id: 'notices-ack', onclick: acknowledge }, '知道了'));
    }
    document.title = (fresh.length ? '【新】' : '') + document.title.replace(/^【新】/, '');
  }

  async function loadMe() {
    const me = await call('GET', '/api/review/me');
    if (!me.ok) {
      notices.signature = ''; // the next good answer replaces this message
      $('notices').replaceChildren(h('span', { class: 'error' }, '暫時無法取得通知：' + ((me.problem && me.problem.detail) || '')));
      return null;
    }
    showNotices(me.data.notices || []);
    return me.data;
  }

  async function start() {
    const logout = prepareLogout();
    const me = await loadMe();
    if (me) $('who').textContent = whoText(me);
    // polled only while the page is in view; a tab brought back asks at once
    setInterval(() => { if (!document.hidden) loadMe(); }, NOTICE_POLL_MS);
    document.addEventListener('visibilitychange', () => { if (!document.hidden) loadMe(); });
    await logout;
    const roles = (me && me.roles) || [];
    return { username: me ? me.username : '', roles, reviewer: roles.includes('reviewer'), approver: roles.includes('approver') };
  }

  // ---- navigation: the same sections on every page (pages written before the filings lack that link)

  const SECTIONS = [
    { href: '/review/', text: '案件佇列' },
    { href: '/review/filings', text: '會務案件' },
    { href: '/review/register', text: '工會登記簿' },
  ];

  function completeNavigation() {
    const list = document.querySelector('header.site nav ul');
    if (!list) return;
    SECTIONS.forEach((section, i) => {
      if (list.querySelector(`a[href="${section.href}"]`)) return;
      const current = location.pathname === section.href ? 'page' : null;
      const item = h('li', null, h('a', { href: section.href, 'aria-current': current }, section.text));
      const next = SECTIONS.slice(i + 1).map(s => list.querySelector(`a[href="${s.href}"]`)).find(Boolean);
      list.insertBefore(item, next ? next.closest('li') : null);
    });
  }

  // ---- definition lists (facts, proposal, decision): [term, value] rows, null rows left out

  function terms(dl, rows) {
    dl.replaceChildren(...rows.filter(Boolean).flatMap(([term, value]) => [h('dt', null, term), h('dd', null, value)]));
  }

  // ---- documents: a preview that opens the larger viewer (#preview-dialog on the page), and the original

  const previewUrl = uploadId => `/api/documents/${encodeURIComponent(uploadId)}/preview`;
  const contentUrl = uploadId => `/api/documents/${encodeURIComponent(uploadId)}/content`;

  /**
   * One document as figure.document[data-kind]: the preview button, the caption (name and facts),
   * the a.original link, then whatever the page adds (e.g. the findings list).
   * @param doc {kind, uploadId, name, facts, pages, attention}
   */
  function documentFigure(doc, ...extra) {
    const nameId = `document-name-${doc.kind}`;
    return h('figure', { class: doc.attention ? 'document attention' : 'document', 'data-kind': doc.kind },
      doc.uploadId ? previewButton(doc) : h('div', { class: 'no-preview' }, '未上傳'),
      h('figcaption', null, h('strong', { id: nameId }, doc.name), doc.facts || null),
      doc.uploadId ? h('a', { class: 'original', href: contentUrl(doc.uploadId), 'aria-describedby': nameId }, '開啟原檔') : null,
      ...extra);
  }

  function previewButton({ uploadId, name, pages }) {
    const image = h('img', {
      class: 'preview', src: previewUrl(uploadId), loading: 'lazy',
      alt: `「${name}」預覽${pages > 1 ? `（第 1 頁，共 ${pages} 頁）` : ''}`,
    });
    const button = h('button', { type: 'button', class: 'preview-button', title: '放大檢視', onclick: () => openPreview(uploadId, name) }, image);
    image.addEventListener('error', () => button.replaceWith(h('div', { class: 'no-preview' }, '無法產生預覽，請開啟原檔')));
    return button;
  }

  function openPreview(uploadId, name) {
    $('preview-dialog-title').textContent = name;
    $('preview-dialog-image').src = previewUrl(uploadId);
    $('preview-dialog-image').alt = `「${name}」預覽（放大）`;
    $('preview-dialog-original').href = contentUrl(uploadId);
    $('preview-dialog').showModal();
  }

  function wireViewer() {
    const viewer = $('preview-dialog');
    if (!viewer) return;
    $('preview-dialog-close').addEventListener('click', () => viewer.close());
    // a click on the dimmed backdrop (the dialog element itself, outside its content) closes the viewer
    viewer.addEventListener('click', event => { if (event.target === viewer) viewer.close(); });
  }

  // ---- history (section#history ol) and the audit trail (section#audit)

  function renderHistory(history) {
    const list = $('history').querySelector('ol');
    const entries = history || [];
    list.replaceChildren(...entries.map(e => h('li', null,
      h('span', { class: 'when' }, time(e.at)),
      h('span', { class: 'actor' }, e.actor === 'system' ? '系統' : e.actor), '　',
      h('span', { class: 'action' }, label('history', e.action)),
      e.detail ? h('span', { class: 'detail' }, e.detail) : null,
      e.remoteAddress ? h('span', { class: 'from' }, `來源 ${e.remoteAddress}`) : null)));
    if (!entries.length) list.replaceChildren(h('li', { class: 'hint' }, '尚無紀錄'));
  }

  /**
   * The audit section: its entries load when the <details> opens (and again on refresh while it is
   * open); the CSV export names officers and applicants, so its link shows for supervisors only
   * (the server checks again).
   * @param url the case's audit API address; subject the case's id for the export
   */
  function auditTrail(url, subject) {
    const details = $('audit-details');
    async function load() {
      const table = $('audit-table');
      setBusy(table, true);
      const r = await call('GET', url);
      setBusy(table, false);
      if (!r.ok) {
        showProblem(r.problem, $('audit-error'));
        return;
      }
      $('audit-error').replaceChildren();
      const entries = [...(r.data || [])].sort((a, b) => String(b.at).localeCompare(String(a.at)));
      table.tBodies[0].replaceChildren(...(entries.length ? entries.map(e => h('tr', null,
        h('td', null, time(e.at)), h('td', null, e.actor), h('td', null, e.roles || ''),
        h('td', null, label('audit', e.action)), h('td', null, e.detail || ''),
        h('td', null, e.outcome === 'DONE' ? '完成' : `未執行（${e.outcome}）`), h('td', null, e.remoteAddress || '')))
        : [h('tr', null, h('td', { colspan: 7, class: 'empty' }, '尚無紀錄'))]));
    }
    details.addEventListener('toggle', () => { if (details.open) load(); });
    ready.then(officer => {
      $('audit-export').hidden = !officer.approver;
      if (officer.approver && subject) $('audit-export').href = '/api/review/audit.csv?subject=' + encodeURIComponent(subject);
    });
    return { refresh: () => (details.open ? load() : null) };
  }

  // ---- the action panel (section#actions) of the two-step decision: a reviewer proposes, a supervisor
  // signs off (after a confirmation) or sends back. Every action carries the revision shown, so that of
  // two officers acting at once the second learns what the first did instead of overwriting it.

  // answers that mean "someone else acted first": offer to reload instead of retrying blindly
  const CONFLICTS = ['CASE_CHANGED', 'ALREADY_DECIDED', 'WRONG_STATUS'];
  const commentField = field => (field === 'comment' ? 'comment' : null);

  /**
   * @param options.url () => the case's API address
   * @param options.revision () => the revision of the case shown
   * @param options.render (view) => shows the case the server returned after an action
   * @param options.reload () => loads the case again (button #reload-case after a conflict)
   * @param options.afterAction () => anything else to refresh after a successful action
   * @param options.signOffQuestion () => the confirmation's text before a sign-off
   * @param options.signedMessage () => the message after a sign-off
   */
  function decisionPanel(options) {
    function clear() {
      clearProblems($('actions'), $('action-error'));
      $('action-message').textContent = '';
      $('action-conflict').hidden = true;
    }

    /** Sends one action with the revision shown; on success the page shows the case as the server returned it. */
    async function act(path, body, fieldId, button, successText) {
      clear();
      button.disabled = true;
      const r = await call('POST', `${options.url()}/${path}`, { ...body, revision: options.revision() });
      button.disabled = false;
      if (!r.ok) {
        const first = showProblem(r.problem, $('action-error'), fieldId);
        const conflict = r.status === 409 && CONFLICTS.includes(r.problem && r.problem.code);
        $('action-conflict').hidden = !conflict;
        (conflict ? $('reload-case') : first).focus();
        return;
      }
      options.render(r.data);
      loadMe();
      $('action-message').textContent = successText;
      $('action-message').focus();
      if (options.afterAction) options.afterAction();
    }

    /** Shows the forms this officer may use now (the server's permissions), or why there is none. */
    function permit(p) {
      const decide = p.signOff || p.sendBack;
      $('proposal-form').hidden = !p.propose;
      $('sign-off-form').hidden = !decide;
      $('sign-off').hidden = !p.signOff;
      $('send-back').hidden = !p.sendBack;
      $('action-reason').hidden = !p.reason || p.propose || decide;
      $('action-reason').textContent = p.reason || '';
      if (decide) $('sign-off-form').reset();
    }

    /** The proposal as the supervisor reads it before deciding; null hides it. */
    function summary(rows) {
      $('proposal-summary').hidden = !rows;
      if (rows) terms($('proposal-summary').querySelector('dl'), rows);
    }

    function askSignOff() {
      clear();
      $('confirm-dialog-text').textContent = options.signOffQuestion();
      $('confirm-dialog').showModal();
    }

    function signOff() {
      $('confirm-dialog').close();
      act('sign-off', { comment: $('comment').value }, commentField, $('sign-off'), options.signedMessage());
    }

    function sendBack() {
      act('send-back', { comment: $('comment').value }, commentField, $('send-back'), '已退回擬辦，案件回到待審查');
    }

    $('sign-off').addEventListener('click', askSignOff);
    $('confirm-sign-off').addEventListener('click', signOff);
    $('cancel-sign-off').addEventListener('click', () => $('confirm-dialog').close());
    $('send-back').addEventListener('click', sendBack);
    $('sign-off-form').addEventListener('submit', event => event.preventDefault());
    $('reload-case').addEventListener('click', async () => {
      clear();
      await options.reload();
      $('actions').focus();
    });
    return { clear, act, permit, summary };
  }

  completeNavigation();
  wireViewer();
  const ready = start();

  /**
   * A queue page (registrations, filings): filter, search, sortable headers and paging kept in
   * the address, the newest answer only, the caption, an empty row, and a last page that shrank.
   * The page brings its table, its API, its words and its row.
   */
  function queue({ table, filter, search, filters, error, caption, api, counted, sortWords, noun, columns, row }) {
    const options = optionCounts(filter, counted);
    const list = listState({ status: 'OPEN', q: '', sort: 'age', dir: 'asc', page: '1' }, load);
    const showSort = sortableHeaders(table, list);
    const fetchPage = newestOnly(params => call('GET', api + '?' + params));

    async function load() {
      const state = list.values;
      filter.value = state.status;
      search.value = state.q;
      showSort(state);
      const params = new URLSearchParams({ status: state.status, sort: state.sort, dir: state.dir,
        page: list.pageIndex(), size: 20 });
      if (state.q) params.set('q', state.q);
      setBusy(table, true);
      const r = await fetchPage(params);
      if (!r) return; // a newer request is under way
      setBusy(table, false);
      if (!r.ok) {
        showProblem(r.problem, error);
        return;
      }
      error.replaceChildren();
      const { items, total, page, size, counts } = r.data;
      // the list shrank since the page number was chosen (some were decided): show its last page instead
      if (items.length === 0 && total > 0 && page > 0) {
        list.change({ page: String(Math.ceil(total / size)) }, true);
        return;
      }
      options.show(counts);
      const [ascending, descending] = sortWords[state.sort] || sortWords.age;
      caption.textContent = options.text(state.status) + (state.q ? `，搜尋「${state.q}」` : '')
        + `，共 ${total} 件，依${state.dir === 'desc' ? descending : ascending}排列`;
      table.tBodies[0].replaceChildren(...(items.length ? items.map(row)
        : [h('tr', null, h('td', { colspan: columns, class: 'empty' },
          state.q ? `沒有符合「${state.q}」的${noun}。` : `目前沒有這個狀態的${noun}。`))]));
      list.paging({ page, size, total });
    }

    filter.addEventListener('change', () => list.change({ status: filter.value }));
    filters.addEventListener('submit', e => {
      e.preventDefault();
      list.change({ q: search.value.trim(), status: filter.value });
    });
    searchShortcut(search);
    load();
  }

  return {
    labels, label, h, $, call, upload, queue, formatDate, rocDate, formatLocalDate, time, deadline, address, counts, orUnfilled,
    clearProblems, fieldError, showProblem, listState, newestOnly, setBusy, sortableHeaders, optionCounts, searchShortcut,
    terms, previewUrl, contentUrl, documentFigure, openPreview, renderHistory, auditTrail, decisionPanel,
    /** Asks for the notices now (after an action that changes what waits for whom). */
    refreshNotices: () => loadMe(),
    /** Resolves to {username, roles, reviewer, approver} once the header is ready (POSTs may go after it). */
    me: ready,
  };
})();
