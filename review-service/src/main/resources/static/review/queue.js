// The case queue: filter, search, sort and page. The state lives in the address (?status=&q=&sort=&dir=&page=)
// so that reload and back work and the notices can link to a filtered queue.
'use strict';

(() => {
  const { h, $ } = Review;
  const PAGE_SIZE = 20;
  const OVERDUE_DAYS = 14;
  const DEFAULTS = { status: 'OPEN', q: '', sort: 'age', dir: 'asc', page: '1' };
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

  const filter = $('status-filter');
  const search = $('search');
  const options = Review.optionCounts(filter, COUNTED);
  const list = Review.listState(DEFAULTS, load);
  const showSort = Review.sortableHeaders($('queue'), list);
  const fetchPage = Review.newestOnly(params => Review.call('GET', '/api/review/cases?' + params));

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
    Review.setBusy($('queue'), true);
    const r = await fetchPage(params);
    if (!r) return; // a newer request is under way
    Review.setBusy($('queue'), false);
    if (!r.ok) {
      Review.showProblem(r.problem, $('queue-error'));
      return;
    }
    $('queue-error').replaceChildren();
    const { items, total, page, size } = r.data;
    // the list shrank since the page number was chosen (cases were decided): show its last page instead
    if (items.length === 0 && total > 0 && page > 0) {
      list.change({ page: String(Math.ceil(total / size)) }, true);
      return;
    }
    render(state, r.data);
  }

  function render(state, { items, total, page, size, counts }) {
    options.show(counts);
    const [ascending, descending] = SORT_WORDS[state.sort] || SORT_WORDS.age;
    $('queue-caption').textContent = options.text(state.status)
      + (state.q ? `，搜尋「${state.q}」` : '') + `，共 ${total} 件，依${state.dir === 'desc' ? descending : ascending}排列`;
    const body = $('queue').tBodies[0];
    body.replaceChildren(...(items.length ? items.map(row)
      : [h('tr', null, h('td', { colspan: 7, class: 'empty' }, state.q ? `沒有符合「${state.q}」的案件。` : '目前沒有這個狀態的案件。'))]));
    list.paging({ page, size, total });
  }

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

  filter.addEventListener('change', () => list.change({ status: filter.value }));
  $('queue-filters').addEventListener('submit', e => {
    e.preventDefault();
    list.change({ q: search.value.trim(), status: filter.value });
  });
  Review.searchShortcut(search);

  load();
})();
