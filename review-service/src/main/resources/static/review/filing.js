// One union-affairs filing (工會會務申請或備查): what the union asks for beside what is on record
// about it, the attachments, and the same two-step decision as a registration (a reviewer proposes
// 准予備查 or 退回補正, a supervisor signs off or sends back). Accepting applies the change to the
// union's profile, so the officer compares the two before proposing.
'use strict';

(() => {
  const { h, $, label, address, counts, orUnfilled } = Review;
  const filingId = new URLSearchParams(location.search).get('id');
  const filingUrl = `/api/review/filings/${encodeURIComponent(filingId || '')}`;
  const SIGNED = { ACCEPT: '准予備查', RETURN: '退回補正' };
  // what accepting a filing of this type changes in the union's profile (told before proposing it)
  const EFFECTS = {
    OFFICER_ROSTER: '准予備查後，工會資料的理事、監事人數將改為名冊所列。',
    ADDRESS_CHANGE: '准予備查後，工會資料的會址將改為新會址。',
    REPRESENTATIVE_CHANGE: '准予備查後，工會資料的負責人將改為新負責人。',
    MEMBERSHIP_AUDIT: '准予備查後，工會資料的會員人數將改為清查後人數。',
    DISSOLUTION: '准予備查後，工會狀態改為已解散，工會帳號將停用。',
  };
  // form fields that change the profile, with what the profile says about them now
  const ON_RECORD = {
    newAddress: p => address(p.address),
    newRepresentative: p => p.representative,
    directors: p => counts(p.directors),
    supervisors: p => counts(p.supervisors),
    members: p => counts(p.members),
  };

  let view = null; // the FilingView on screen

  const audit = Review.auditTrail(filingUrl + '/audit', filingId);
  const panel = Review.decisionPanel({
    url: () => filingUrl,
    revision: () => view.revision,
    render: v => render(v),
    reload: () => loadFiling(),
    afterAction: () => { audit.refresh(); loadProfile(view); },
    signOffQuestion: () => {
      const outcome = view.proposal && view.proposal.outcome;
      const effect = outcome === 'ACCEPT' && EFFECTS[view.filingType] ? EFFECTS[view.filingType] : '';
      return `確定核定「${label('filingOutcomes', outcome)}」？核定後即通知工會，無法撤回。${effect}`;
    },
    signedMessage: () => `已核定：${SIGNED[view.proposal && view.proposal.outcome] || ''}`,
  });

  // ---- loading

  async function loadFiling() {
    const shown = await Review.loadCasePage('filing', filingId, '網址缺少案號（?id=），請從會務案件列表開啟案件。',
      () => Review.call('GET', filingUrl), render);
    if (shown) {
      loadProfile(view);
      audit.refresh();
    }
  }

  function render(v) {
    view = v;
    const fresh = document.title.startsWith('【新】') ? '【新】' : ''; // keep the shell's notice marker
    document.title = `${fresh}${v.filingTypeLabel || v.typeLabel || v.filingType}｜${v.unionName || v.filingId}｜會務案件審查｜工會審查作業`;
    renderHead(v);
    renderForm(v);
    renderAttachments(v);
    renderActions(v);
    renderDecision(v);
    Review.renderHistory(v.history);
  }

  // ---- head: which filing, from which union, where it stands

  function renderHead(v) {
    $('filing-title').textContent = `${v.filingTypeLabel || v.typeLabel || v.filingType}　${v.unionName || ''}`.trim();
    $('filing-status').textContent = v.statusLabel || v.status;
    $('filing-status').className = `badge status-${v.status}`;
    $('filing-id').textContent = v.filingId;
    $('filing-certificate-no').textContent = v.certificateNo || '—';
    $('filing-round').textContent = v.round ? `第 ${v.round} 次送件` : '—';
    $('filing-submitted').replaceChildren(v.submittedAt ? Review.time(v.submittedAt) : '—');
    $('filing-due').replaceChildren(Review.deadline(v));
    $('filing-overdue').hidden = !v.overdue;
    $('filing-overdue').textContent = v.overdue ? `送件時已逾法定期限（${Review.formatDate(v.dueBy)}）。` : '';
  }

  // ---- left column: the form, and the union's profile as on record now

  function renderForm(v) {
    const fields = v.form || [];
    const list = $('filing-form').querySelector('dl');
    list.replaceChildren(...fields.flatMap(f => [
      h('dt', null, f.label || f.name),
      h('dd', { 'data-field': f.name }, h('span', { class: 'value' }, orUnfilled(f.value))),
    ]));
    if (!fields.length) list.replaceChildren(h('dt', null, '申請內容'), h('dd', null, orUnfilled(null)));
  }

  /** Puts 登記現況 under each form field that changes the profile, so the two can be read together. */
  function compareWithRecord(profile) {
    document.querySelectorAll('#filing-form dd[data-field]').forEach(dd => {
      dd.querySelector('.on-record')?.remove();
      const current = ON_RECORD[dd.dataset.field];
      if (profile && current) dd.append(h('span', { class: 'on-record' }, '登記現況：', orUnfilled(current(profile))));
    });
  }

  async function loadProfile(v) {
    const body = $('union-profile-body');
    if (!v.unionId) {
      body.replaceChildren(h('p', { class: 'hint' }, '案件未記載工會代號，無法查詢工會資料。'));
      return;
    }
    Review.setBusy($('union-profile'), true);
    // Api.json, not Review.call: the filing itself already proved the session; a refusal from the other
    // service (whatever its status) is shown here rather than reloading the page, which could loop
    const r = await Api.json('GET', `/api/union/profiles/${encodeURIComponent(v.unionId)}`);
    Review.setBusy($('union-profile'), false);
    if (!r.ok) {
      body.replaceChildren(h('p', { class: 'error' }, '無法取得工會資料：' + ((r.problem && r.problem.detail) || Api.statusMessage(r.status))));
      compareWithRecord(null);
      return;
    }
    renderProfile(r.data);
    compareWithRecord(r.data);
  }

  function renderProfile(p) {
    const dissolved = p.status === 'DISSOLVED';
    const changes = (p.changes || []).slice(0, 5);
    const facts = h('dl', { class: 'data' });
    Review.terms(facts, [
      ['工會名稱', orUnfilled(p.unionName)],
      ['工會類別', orUnfilled(p.unionTypeLabel || label('unionTypes', p.unionType))],
      ['狀態', h('span', { class: dissolved ? 'badge fail' : 'badge ok' }, p.statusLabel || p.status)],
      ['負責人', orUnfilled(p.representative)],
      ['會址', orUnfilled(address(p.address))],
      ['會員人數', orUnfilled(counts(p.members))],
      ['理事', orUnfilled(counts(p.directors))],
      ['監事', orUnfilled(counts(p.supervisors))],
    ]);
    $('union-profile-body').replaceChildren(facts,
      h('h3', null, '最近異動'),
      changes.length
        ? h('ul', { class: 'changes' }, changes.map(c => h('li', null, c.at ? Review.time(c.at) : '', '　', c.description || c.filingType,
          c.filingId ? h('span', { class: 'sub' }, `案號 ${c.filingId}`) : null)))
        : h('p', { class: 'hint' }, '核准立案後尚無經備查的異動。'));
  }

  // ---- right column: the attachments

  function renderAttachments(v) {
    const list = $('filing-attachments').querySelector('.documents');
    const attachments = v.attachments || [];
    list.replaceChildren(...(attachments.length
      ? attachments.map(a => Review.documentFigure({ kind: a.kind, uploadId: a.uploadId, name: a.label || label('documentKinds', a.kind) }))
      : [h('p', { class: 'hint' }, '沒有附件。')]));
  }

  // ---- the action panel, driven by what the server says this officer may do now

  function renderActions(v) {
    const p = v.permissions || {};
    panel.permit(p);
    const proposal = v.proposal;
    panel.summary(proposal && [
      ['擬辦', label('filingOutcomes', proposal.outcome)],
      ['擬辦人', proposal.proposedBy],
      ['擬辦時間', proposal.proposedAt ? Review.time(proposal.proposedAt) : '—'],
      proposal.reason ? ['退回理由', proposal.reason] : null,
      proposal.note ? ['說明', proposal.note] : null,
    ]);
    if (p.propose) {
      $('proposal-form').reset();
      updateProposalForm();
    }
  }

  const chosenOutcome = () => ($('proposal-form').querySelector('input[name=outcome]:checked') || {}).value || null;

  /** The reason is asked for (and required) only when returning; accepting tells what it will change. */
  function updateProposalForm() {
    const outcome = chosenOutcome();
    $('reason-field').hidden = outcome !== 'RETURN';
    const effect = outcome === 'ACCEPT' ? EFFECTS[view.filingType] : null;
    $('accept-effect').hidden = !effect;
    $('accept-effect').textContent = effect || '';
  }

  function proposalField(field) {
    if (field === 'outcome') return 'outcome-group';
    return field === 'reason' || field === 'note' ? field : null;
  }

  function submitProposal(event) {
    event.preventDefault();
    const outcome = chosenOutcome();
    const body = { outcome, note: $('note').value };
    if (outcome === 'RETURN') body.reason = $('reason').value;
    panel.act('proposal', body, proposalField, $('submit-proposal'), '已送出擬辦，待主管核定');
  }

  // ---- below: the decision (of this submission, or of the one before when it came back)

  function renderDecision(v) {
    const d = v.decision;
    $('decision').hidden = !d;
    if (!d) return;
    $('decision-title').textContent = !d.round || d.round === v.round ? '核定結果' : `第 ${d.round} 次送件的核定結果`;
    Review.terms($('decision-body'), [
      ['結果', label('filingDecisions', d.outcome)], d.reason ? ['退回理由', d.reason] : null, ['擬辦人', d.proposedBy],
      ['核定人', d.decidedBy], ['核定時間', d.decidedAt ? Review.time(d.decidedAt) : '—'],
    ]);
  }

  // ---- wiring

  $('proposal-form').addEventListener('submit', submitProposal);
  $('proposal-form').querySelectorAll('input[name=outcome]').forEach(radio => radio.addEventListener('change', updateProposalForm));

  loadFiling();
})();
