// The union-affairs filings queue (工會會務申請或備查): filter, search, sort and page. As on the
// registrations queue, the state lives in the address (?status=&q=&sort=&dir=&page=) so that reload
// and back work and the notices can link to a filtered list.
'use strict';

(() => {
  const { h, $, label } = Review;
  const COUNTED = { READY_FOR_REVIEW: 'readyForReview', AWAITING_SIGN_OFF: 'awaitingSignOff' };
  const SORT_WORDS = {
    age: ['送件日期由舊到新', '送件日期由新到舊'], name: ['工會名稱', '工會名稱（反向）'],
    type: ['申請類別', '申請類別（反向）'], status: ['狀態', '狀態（反向）'],
  };

  function row(f) {
    return h('tr', { 'data-filing-id': f.filingId, class: f.overdue ? 'overdue-row' : null },
      h('td', null,
        f.submittedAt ? h('time', { datetime: f.submittedAt }, Review.formatDate(f.submittedAt)) : '—',
        f.ageDays === null || f.ageDays === undefined ? null : h('span', { class: 'sub' }, `${f.ageDays} 天前`)),
      h('td', null, h('a', { class: 'open-filing', href: '/review/filing?id=' + encodeURIComponent(f.filingId) },
        f.unionName || f.filingId), h('span', { class: 'sub' }, f.filingId)),
      h('td', null, f.certificateNo || '—'),
      h('td', null, f.filingTypeLabel || f.typeLabel || f.filingType),
      h('td', { class: 'num' }, f.round ? `第 ${f.round} 次` : '—'),
      h('td', null, Review.deadline(f)),
      h('td', null, h('span', { class: `badge status-${f.status}` }, f.statusLabel || f.status)),
      h('td', null, f.proposal ? `${label('filingOutcomes', f.proposal)}（${f.proposedBy}）` : h('span', { class: 'hint' }, '無')));
  }

  Review.queue({
    table: $('filings'), filter: $('filing-status-filter'), search: $('filing-search'), filters: $('filing-filters'),
    error: $('filings-error'), caption: $('filings-caption'), api: '/api/review/filings', counted: COUNTED,
    sortWords: SORT_WORDS, noun: '會務案件', columns: 8, row,
  });
})();
