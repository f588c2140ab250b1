// What the union pages share beyond /web/: the submission copy's address and the union-affairs pages' pieces.
// Needs /web/api.js and /web/format.js.
'use strict';

/** The submission copy (送件副本, a PDF) of a registration: asked with both numbers, as the status look-up. */
function submissionCopyUrl(applicationId, certificateNo) {
  return `/api/registrations/${encodeURIComponent(applicationId)}/copy.pdf?certificateNo=${encodeURIComponent(certificateNo)}`;
}

/** Shared pieces of the union-affairs pages (the list /portal/affairs and one filing /portal/filing.html). */
const Filings = {
  LIST_PAGE: '/portal/affairs',

  pageOf(filingId) {
    return `/portal/filing.html?id=${encodeURIComponent(filingId)}`;
  },

  newPageOf(type) {
    return `/portal/filing.html?type=${encodeURIComponent(type)}`;
  },

  /** The status as a badge; the code picks the colour, the server's label is the text. */
  statusHtml(f) {
    const code = /^[A-Z_]+$/.test(f.status || '') ? f.status : 'UNKNOWN';
    return `<span class="status status-${code}">${escapeHtml(f.statusLabel || f.status)}</span>`;
  },

  /** 第 2 次送件, or nothing before the first submission. */
  roundText(f) {
    return f.round > 0 ? `第 ${f.round} 次送件` : '';
  },

  /**
   * The deadline of a filing that has one: its date and either the days left or a 逾期 mark
   * (words, not colour only). The service counts days only until the first submission
   * (daysLeft null after it): from then on only whether that was late matters.
   */
  deadlineHtml(f) {
    if (!f.dueBy) return '';
    const date = escapeHtml(formatDate(f.dueBy));
    const counting = f.daysLeft !== null && f.daysLeft !== undefined;
    if (f.overdue) {
      const late = counting ? `已逾期 ${escapeHtml(-f.daysLeft)} 天` : '逾期送出';
      return `${date} <strong class="due overdue">逾期</strong><span class="due overdue">（${late}）</span>`;
    }
    if (!counting) return `${date} <span class="due">期限內送出</span>`;
    if (f.daysLeft === 0) return `${date} <strong class="due soon">今天到期</strong>`;
    const soon = f.daysLeft <= 7 ? ' soon' : '';
    return `${date} <span class="due${soon}">剩 ${escapeHtml(f.daysLeft)} 天</span>`;
  },

  /** A refusal's words for the page: the server's detail, or what its status means. */
  problemText(r) {
    if (r.problem && r.problem.detail) return r.problem.detail;
    if (r.status === 401) return '登入已逾時，請重新整理頁面並再次登入。';
    if (r.status === 403) return '此帳號不能使用工會會務申請或備查，請以工會帳號登入。';
    if (r.status === 404) return '查無資料。';
    return Api.statusMessage(r.status);
  },

  /** GETs what a page needs at once; the first refusal, if any, is for the page to show. */
  async loadAll(urls) {
    const results = await Promise.all(urls.map(url => Api.json('GET', url)));
    return { results, refused: results.find(r => !r.ok) || null };
  },
};
