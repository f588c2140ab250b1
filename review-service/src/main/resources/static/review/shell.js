// Shared by the officers' pages (queue, case, register): the header (who, notices, logout),
// API calls that survive an ended session, DOM and error helpers, paging, and the zh-TW labels.
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
    },
    history: {
      REGISTRATION_RECEIVED: '收件', CONTACT_EMAIL_CONFIRMED: '申請人確認電子郵件', DOCUMENTS_VERIFIED: '文件檢核完成',
      SUPPLEMENTS_RECEIVED: '收到補正文件', PROPOSED: '擬辦', SIGNED_OFF: '核定', SENT_BACK: '退回擬辦',
    },
    audit: {
      VIEW_CASE: '檢視案件', COMPARE_SEALS: '圖記比對', PROPOSE: '擬辦', SIGN_OFF: '核定', SEND_BACK: '退回擬辦',
      EXPORT_AUDIT: '匯出稽核紀錄', REGISTER_IMPORT: '匯入登記簿', REGISTER_CREATE: '登記簿新增',
      REGISTER_UPDATE: '登記簿更新', REGISTER_CORRECT: '更正登記簿', REGISTER_SEAL: '更換登記圖記',
    },
    outcomes: { APPROVE: '擬核准', REJECT: '擬駁回', SUPPLEMENT: '擬退回補正' },
    decisions: { APPROVED: '核准', REJECTED: '駁回' },
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

  /** A calendar day in Taipei time, e.g. 2026/11/27. */
  function formatDate(iso) {
    if (!iso) return '';
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

  function time(iso) {
    return h('time', { datetime: iso }, formatDateTime(iso));
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

  return {
    labels, label, h, $, call, upload, formatDate, rocDate, formatLocalDate, time,
    clearProblems, fieldError, showProblem, listState, newestOnly, setBusy,
    /** Asks for the notices now (after an action that changes what waits for whom). */
    refreshNotices: () => loadMe(),
    /** Resolves to {username, roles, reviewer, approver} once the header is ready (POSTs may go after it). */
    me: start(),
  };
})();
