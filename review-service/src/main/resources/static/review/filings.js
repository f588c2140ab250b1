// The union-affairs filings queue (工會會務申請或備查): filter, search, sort and page. As on the
// registrations queue, the state lives in the address (?status=&q=&sort=&dir=&page=) so that reload
// and back work and the notices can link to a filtered list.
'use strict';

(() => {
  const { h, $, label } = Review;
  const PAGE_SIZE = 20;
  const DEFAULTS = { status: 'OPEN', q: '', sort: 'age', dir: 'asc', page: '1' };
  const COUNTED = { READY_FOR_REVIEW: 'readyForReview', AWAITING_SIGN_OFF: 'awaitingSignOff' };
  const SORT_WORDS = {
    age: ['送件日期由舊到新', '送件日期由新到舊'], name: ['工會名稱', '工會名稱（反向）'],
    type: ['申請類別', '申請類別（反向）'], status: ['狀態', '狀態（反向）'],
  };
  const COLUMNS = 8;

  const filter = $('filing-status-filter');
  const search = $('filing-search');
  const options = Review.optionCounts(filter, COUNTED);
  const list = Review.listState(DEFAULTS, load);
  const showSort = Review.sortableHeaders($('filings'), list);
  const fetchPage = Review.newestOnly(params => Review.call('GET', '/api/review/filings?' + params));

  /** Controls show the state (after a reload, back, or a notice's link). */
  function syncControls(state) {
    filter.value = state.status;
    search.value = state.q;
    showSort(state);
  }

  async function load() {
    const state = list.values;
    syncControls(state);
    const params = new URLSearchParams({ status: state.status, sort: state.sort, dir: state.dir, page: list.pageIndex(), size: PAGE_SIZE });
    if (state.q) params.set('q', state.q);
    Review.setBusy($('filings'), true);
    const r = await fetchPage(params);
    if (!r) return; // a newer request is under way
    Review.setBusy($('filings'), false);
    if (!r.ok) {
      Review.showProblem(r.problem, $('filings-error'));
      return;
    }
    $('filings-error').replaceChildren();
    const { items, total, page, size } = r.data;
    // the list shrank since the page number was chosen (filings were decided): show its last page instead
    if (items.length === 0 && total > 0 && page > 0) {
      list.change({ page: String(Math.ceil(total / size)) }, true);
      return;
    }
    render(state, r.data);
  }

  function render(state, { items, total, page, size, counts }) {
    options.show(counts);
    const [ascending, descending] = SORT_WORDS[state.sort] || SORT_WORDS.age;
    $('filings-caption').textContent = options.text(state.status)
      + (state.q ? `，搜尋「${state.q}」` : '') + `，共 ${total} 件，依${state.dir === 'desc' ? descending : ascending}排列`;
    $('filings').tBodies[0].replaceChildren(...(items.length ? items.map(row)
      : [h('tr', null, h('td', { colspan: COLUMNS, class: 'empty' }, state.q ? `沒有符合「${state.q}」的會務案件。` : '目前沒有這個狀態的會務案件。'))]));
    list.paging({ page, size, total });
  }

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

  filter.addEventListener('change', () => list.change({ status: filter.value }));
  $('filing-filters').addEventListener('submit', e => {
    e.preventDefault();
    list.change({ q: search.value.trim(), status: filter.value });
  });
  Review.searchShortcut(search);

  load();
})();
