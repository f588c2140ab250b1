// The case queue: filter, search, sort and page. The state lives in the address (?status=&q=&sort=&dir=&page=)
// so that reload and back work and the notices can link to a filtered queue.
'use strict';

(() => {
  const { h, $ } = Review;
  const OVERDUE_DAYS = 14;
  // the API counts these open statuses; the filter shows the numbers beside them
  const COUNTED = {
    READY_FOR_REVIEW: 'readyForReview', AWAITING_SIGN_OFF: 'awaitingSignOff',
    AWAITING_DOCUMENTS: 'awaitingDocuments', AWAITING_SUPPLEMENTS: 'awaitingSupplements',
  };
  const DECIDED = ['APPROVED', 'REJECTED'];
  const SORT_WORDS = {
    age: ['收件日期由舊到新', '收件日期由新到舊'], name: ['工會名稱', '工會名稱（反向）'],
    certificateNo: ['立案證書編號由小到大', '立案證書編號由大到小'], status: ['狀態', '狀態（反向）'],
  };

  function row(c) {
    const overdue = c.ageDays >= OVERDUE_DAYS && !DECIDED.includes(c.status);
    return h('tr', { 'data-application-id': c.applicationId, class: overdue ? 'overdue-row' : null },
      h('td', null,
        c.submittedAt ? h('time', { datetime: c.submittedAt }, Review.formatDate(c.submittedAt)) : '—', ' ',
        h('span', { class: overdue ? 'age overdue' : 'age' },
          overdue ? h('span', { 'aria-hidden': 'true' }, '⚠ ') : null, `${c.ageDays} 天`,
          overdue ? h('span', { class: 'visually-hidden' }, `，已逾 ${OVERDUE_DAYS} 天`) : null)),
      h('td', null, h('a', { class: 'open-case', href: '/review/case?id=' + encodeURIComponent(c.applicationId) },
        c.unionName || `（申請資料未到）${c.applicationId}`)),
      h('td', null, c.certificateNo || '—'),
      h('td', null, h('span', { class: `badge status-${c.status}` }, c.statusLabel)),
      h('td', null, verdict(c.verdict)),
      h('td', null, c.contactEmailConfirmed ? h('span', { class: 'badge ok' }, '已確認') : h('span', { class: 'badge pending' }, '未確認')),
      h('td', null, c.proposal ? `${c.proposal}（${c.proposedBy}）` : h('span', { class: 'hint' }, '無')));
  }

  function verdict(code) {
    if (code === 'PASSED') return h('span', { class: 'badge pass' }, '通過');
    if (code === 'NEEDS_ATTENTION') return h('span', { class: 'badge attention' }, h('span', { 'aria-hidden': 'true' }, '⚠ '), '待確認');
    return h('span', { class: 'hint' }, '尚未檢核');
  }

  Review.queue({
    table: $('queue'), filter: $('status-filter'), search: $('search'), filters: $('queue-filters'),
    error: $('queue-error'), caption: $('queue-caption'), api: '/api/review/cases', counted: COUNTED,
    sortWords: SORT_WORDS, noun: '案件', columns: 7, row,
  });
})();
