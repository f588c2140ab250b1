// The officers' lists (the two queues, the register): filters, search, sort and paging kept in the address,
// and the newest answer only.
'use strict';

Object.assign(Review, (() => {
  const { h, $, call, label, time, setBusy, showProblem, clearProblems, terms } = Review;

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
    queue, listState, newestOnly, sortableHeaders, optionCounts, searchShortcut,
  };
})());
