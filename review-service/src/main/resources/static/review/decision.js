// The record and the decision of a case or a filing: its history, its audit trail, and the action panel of
// the two-step decision (a reviewer proposes, a supervisor signs off or sends back).
'use strict';

Object.assign(Review, (() => {
  const { h, $, call, label, time, setBusy, showProblem, clearProblems, terms } = Review;

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
    Review.me.then(officer => {
      $('audit-export').hidden = !officer.approver;
      if (officer.approver && subject) $('audit-export').href = '/api/review/audit.csv?subject=' + encodeURIComponent(subject);
    });
    return {
    refresh: () => (details.open ? load() : null) };
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
      Review.refreshNotices();
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
    return {
    clear, act, permit, summary };
  }

  /**
   * Loads the page of one case (case.html's registration, filing.html's filing), whose ids start with `kind`:
   * says what is missing when the address has no id, shows the service's problem in place of the case, or
   * renders the case and shows it. `fetch` answers like Review.call; `show` renders its data.
   * @returns whether the case is shown
   */
  async function loadCasePage(kind, id, missing, fetch, show) {
    const loading = $(`${kind}-loading`);
    const error = $(`${kind}-error`);
    if (!id) {
      loading.hidden = true;
      error.textContent = missing;
      return false;
    }
    const r = await fetch();
    loading.hidden = true;
    if (!r.ok) {
      showProblem(r.problem, error);
      return false;
    }
    error.replaceChildren();
    show(r.data);
    $(kind).hidden = false;
    return true;
  }

  return {
    renderHistory, auditTrail, decisionPanel, loadCasePage,
  };
})());
