// The officers' pages' own core: the review namespace, the labels of the review's codes, API calls that
// survive an ended session, and the small formats of a case. The other parts of the officers' pages add to
// `Review`: header.js (who, notices, logout), lists.js (queues and their state in the address), documents.js
// (a document with its preview), decision.js (history, audit trail, the two-step decision's panel).
// Needs /web/api.js, /web/format.js, /web/dom.js and /web/problems.js loaded before it.
'use strict';

const Review = (() => {
  const { h } = Dom;
  const $ = Dom.byId;

  const labels = {
    roles: { reviewer: '承辦人', approver: '主管' },
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

  /** A code's label: the tables above, or the contracts' tables the layout wrote into the page (documentKinds, unionTypes). */
  function label(table, code) {
    return labels[table] ? (code && labels[table][code]) || code || '' : Dom.label(table, code);
  }

  /** The session ended: a fresh load of the page leads through the gateway's login again. */
  function sessionEnded() {
    location.reload();
    return new Promise(() => {}); // the page is going away: callers must not render an error meanwhile
  }

  async function call(method, url, body) {
    const result = await Api.json(method, url, body);
    return result.status === 401 ? sessionEnded() : result;
  }

  /** Multipart requests (the register's import, a seal). */
  async function upload(method, url, formData) {
    const result = await Api.multipart(method, url, formData);
    return result.status === 401 ? sessionEnded() : result;
  }

  /** A value as it stands, or （未填） in grey when there is none. */
  function orUnfilled(value) {
    return value === null || value === undefined || value === '' ? h('span', { class: 'unfilled' }, '（未填）') : String(value);
  }

  /** 220 新北市板橋區中山路一段161號, or null when there is none. */
  function address(a) {
    return a ? formatAddress(a) : null;
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

  function setBusy(el, busy) {
    if (busy) el.setAttribute('aria-busy', 'true'); else el.removeAttribute('aria-busy');
  }

  // ---- definition lists (facts, proposal, decision): [term, value] rows, null rows left out

  function terms(dl, rows) {
    dl.replaceChildren(...rows.filter(Boolean).flatMap(([term, value]) => [h('dt', null, term), h('dd', null, value)]));
  }

  return {
    labels, label, h, $, call, upload, sessionEnded, formatDate, rocDate, formatLocalDate, time, deadline, address, counts, orUnfilled,
    clearProblems: Problems.clear, fieldError: Problems.fieldError, showProblem: Problems.show, setBusy, terms,
  };
})();
