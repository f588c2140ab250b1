// The union register: officers search it; supervisors (主管) import it from the bureau's spreadsheet and
// correct single entries, each change with a reason for the audit trail. The server refuses the
// maintenance to reviewers anyway; the page only hides what they cannot use.
'use strict';

(() => {
  const { h, $ } = Review;
  const PAGE_SIZE = 20;
  const DEFAULTS = { q: '', page: '1' };

  const list = Review.listState(DEFAULTS, load);
  const fetchPage = Review.newestOnly(params => Promise.all([Review.call('GET', '/api/review/register?' + params), Review.me]));
  let editing = null; // the entry a dialog is open for

  const registerUrl = no => `/api/review/register/${encodeURIComponent(no)}`;

  // ---- the table

  async function load() {
    const { q } = list.values;
    $('register-search').value = q;
    const params = new URLSearchParams({ page: list.pageIndex(), size: PAGE_SIZE });
    if (q) params.set('q', q);
    Review.setBusy($('register'), true);
    const answer = await fetchPage(params);
    if (!answer) return; // a newer request is under way
    const [r, me] = answer;
    Review.setBusy($('register'), false);
    if (!r.ok) {
      Review.showProblem(r.problem, $('register-error'));
      return;
    }
    $('register-error').replaceChildren();
    render(q, r.data, me.approver);
  }

  function render(q, { items, total, page, size }, approver) {
    $('register-caption').textContent = `工會登記簿${q ? `，搜尋「${q}」` : ''}，共 ${total} 筆，依立案證書編號排列`;
    $('maintain-column').hidden = !approver;
    const columns = approver ? 7 : 6;
    $('register').tBodies[0].replaceChildren(...(items.length ? items.map(e => row(e, approver))
      : [h('tr', null, h('td', { colspan: columns, class: 'empty' }, q ? `登記簿中沒有符合「${q}」的工會。` : '登記簿尚無資料。'))]));
    list.paging({ page, size, total });
  }

  function row(e, approver) {
    const noId = `register-no-${e.certificateNo}`;
    return h('tr', { 'data-certificate-no': e.certificateNo },
      h('td', { id: noId }, e.certificateNo),
      h('td', null, e.unionName),
      h('td', null, e.unionTypeLabel || e.unionType),
      h('td', { class: 'nowrap' }, e.issuedOn || '', h('span', { class: 'sub' }, Review.rocDate(e.issuedOn))),
      h('td', null, e.seal
        // the image is served with no-store; its hash in the address tells a replaced seal apart
        ? h('img', { class: 'seal-thumb', src: `${registerUrl(e.certificateNo)}/seal?v=${(e.sealSha256 || '').slice(0, 12)}`, alt: `${e.unionName} 登記圖記`, loading: 'lazy' })
        : '無'),
      h('td', null, e.updatedBy || '', e.updatedAt ? h('span', { class: 'sub' }, Review.time(e.updatedAt)) : null),
      approver ? h('td', null, h('div', { class: 'buttons' },
        h('button', { type: 'button', class: 'small secondary correct', 'aria-describedby': noId, onclick: () => openCorrection(e) }, '更正'),
        h('button', { type: 'button', class: 'small secondary replace-seal', 'aria-describedby': noId, onclick: () => openSeal(e) }, '更換圖記'))) : null);
  }

  // ---- corrections of one entry (dialogs)

  function openCorrection(entry) {
    editing = entry;
    const form = $('correct-form');
    form.reset();
    Review.clearProblems(form, $('correct-error'));
    $('correct-no').textContent = entry.certificateNo;
    $('correct-name').value = entry.unionName || '';
    $('correct-type').value = entry.unionType || 'ENTERPRISE';
    $('correct-issued').value = entry.issuedOn || '';
    $('correct-issued').max = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Taipei' }); // yyyy-MM-dd, Taipei's today
    $('correct-dialog').showModal();
  }

  async function saveCorrection(event) {
    event.preventDefault();
    const form = $('correct-form');
    Review.clearProblems(form, $('correct-error'));
    const body = {
      unionName: $('correct-name').value, unionType: $('correct-type').value,
      issuedOn: $('correct-issued').value, reason: $('correct-reason').value,
    };
    const fields = { unionName: 'correct-name', unionType: 'correct-type', issuedOn: 'correct-issued', reason: 'correct-reason' };
    await save($('correct-save'), () => Review.call('PUT', registerUrl(editing.certificateNo), body), $('correct-dialog'),
      $('correct-error'), field => fields[field] || null, `已更正 ${editing.certificateNo} 的登記資料`);
  }

  function openSeal(entry) {
    editing = entry;
    const form = $('seal-form');
    form.reset();
    Review.clearProblems(form, $('seal-error'));
    $('seal-no').textContent = `${entry.certificateNo}（${entry.unionName}）`;
    $('seal-dialog').showModal();
  }

  async function saveSeal(event) {
    event.preventDefault();
    Review.clearProblems($('seal-form'), $('seal-error'));
    const data = new FormData();
    const file = $('seal-file').files[0];
    if (file) data.append('seal', file);
    const url = `${registerUrl(editing.certificateNo)}/seal?reason=${encodeURIComponent($('seal-reason').value)}`;
    const fields = { seal: 'seal-file', reason: 'seal-reason' };
    await save($('seal-save'), () => Review.upload('PUT', url, data), $('seal-dialog'), $('seal-error'),
      field => fields[field] || null, `已更換 ${editing.certificateNo} 的登記圖記`);
  }

  /** Sends a correction; on success closes its dialog and shows the page again with the change. */
  async function save(button, send, dialog, alert, fieldId, successText) {
    button.disabled = true;
    const r = await send();
    button.disabled = false;
    if (!r.ok) {
      Review.showProblem(r.problem, alert, fieldId).focus();
      return;
    }
    dialog.close();
    $('register-message').textContent = successText;
    await load();
    $('register-message').focus();
  }

  // ---- CSV import

  async function importRegister(event) {
    event.preventDefault();
    const form = $('register-import');
    Review.clearProblems(form, $('import-error'));
    $('import-result').replaceChildren();
    const data = new FormData();
    const csv = $('csv-file').files[0];
    if (csv) data.append('csv', csv);
    for (const seal of $('seal-files').files) data.append('seals', seal);
    $('import-button').disabled = true;
    const r = await Review.upload('POST', '/api/review/register/import', data);
    $('import-button').disabled = false;
    if (!r.ok) {
      // every bad row is listed in the alert; only the file inputs get a message beside them
      const fieldId = field => (field === 'csv' ? 'csv-file' : field.startsWith('seals') ? 'seal-files' : null);
      Review.showProblem(r.problem, $('import-error'), fieldId);
      $('import-error').focus();
      return;
    }
    showImportResult(r.data);
    form.reset();
    load();
  }

  function showImportResult(result) {
    const warnings = result.warnings || [];
    $('import-result').replaceChildren(
      h('p', null, `已匯入 ${result.rows} 列：新增 ${result.created}、更新 ${result.updated}、未變更 ${result.unchanged}。`),
      warnings.length ? h('p', { class: 'warning' }, `注意（${warnings.length}）：`) : null,
      warnings.length ? h('ul', { class: 'warnings' }, warnings.map(w => h('li', null, w))) : null);
    $('import-result').focus();
  }

  // ---- wiring

  $('register-filter').addEventListener('submit', event => {
    event.preventDefault();
    list.change({ q: $('register-search').value.trim() });
  });
  $('correct-form').addEventListener('submit', saveCorrection);
  $('correct-cancel').addEventListener('click', () => $('correct-dialog').close());
  $('seal-form').addEventListener('submit', saveSeal);
  $('seal-cancel').addEventListener('click', () => $('seal-dialog').close());
  $('register-import').addEventListener('submit', importRegister);

  Review.me.then(me => {
    $('import-section').hidden = !me.approver;
    $('register-layout').classList.toggle('single', !me.approver);
  });

  load();
})();
