// The case page: what an officer needs to decide one application, and the two-step decision
// (a reviewer proposes, a supervisor signs off or sends back). Every action carries the revision
// of the case shown, so that of two officers acting at once the second learns what the first did.
'use strict';

(() => {
  const { h, $, label, address, counts, orUnfilled } = Review;
  const applicationId = new URLSearchParams(location.search).get('id');
  const caseUrl = `/api/review/cases/${encodeURIComponent(applicationId || '')}`;
  const SIGNED = { APPROVE: '核准', REJECT: '駁回', SUPPLEMENT: '退回補正' };
  const CHECK_RESULTS = { pass: '✓ 通過', fail: '✗ 未通過', unavailable: '－ 無法檢查' };
  const SEAL_MISSING = { NOT_REGISTERED: '登記簿查無此工會', NO_REGISTERED_SEAL: '登記簿無圖記' };

  let view = null; // the CaseView on screen
  let industries = {}; // industry code → label, from the registration form's public reference data

  const previewUrl = Review.previewUrl;
  const audit = Review.auditTrail(caseUrl + '/audit', applicationId);
  const panel = Review.decisionPanel({
    url: () => caseUrl,
    revision: () => view.revision,
    render: v => render(v),
    reload: () => loadCase(),
    afterAction: () => audit.refresh(),
    signOffQuestion: () => `確定核定「${view.proposal ? label('outcomes', view.proposal.outcome) : ''}」？核定後即通知申請人，無法撤回。`,
    signedMessage: () => `已核定：${SIGNED[view.proposal && view.proposal.outcome] || ''}`,
  });

  // ---- loading

  async function loadCase() {
    const shown = await Review.loadCasePage('case', applicationId, '網址缺少申請案號（?id=），請從案件佇列開啟案件。',
      async () => {
        const [r, reference] = await Promise.all([Review.call('GET', caseUrl),
          Api.json('GET', '/api/registrations/reference-data')]);
        if (reference.ok && reference.data && reference.data.industries) {
          industries = Object.fromEntries(reference.data.industries.map(c => [c.code, c.label]));
        }
        return r;
      }, render);
    if (shown) {
      loadSealComparison();
      audit.refresh();
    }
  }

  function render(v) {
    view = v;
    const fresh = document.title.startsWith('【新】') ? '【新】' : ''; // keep the shell's notice marker
    document.title = `${fresh}${v.unionName || v.applicationId}｜案件審查｜工會審查作業`;
    renderHead(v);
    renderDetails(v);
    renderChecks(v);
    renderDocuments(v);
    CertificateReadingPanel.render($('certificate-reading-body'), v);
    renderUploadedSeal(v);
    renderActions(v);
    renderSupplements(v);
    renderDecision(v);
    Review.renderHistory(v.history);
  }

  // ---- head: who, which case, where it stands

  function renderHead(v) {
    $('case-title').textContent = v.unionName || '（申請資料未到）';
    $('case-status').textContent = v.statusLabel;
    $('case-status').className = `badge status-${v.status}`;
    $('case-application-id').textContent = v.applicationId;
    $('case-certificate-no').textContent = v.certificateNo || '—';
    $('case-submitted').replaceChildren(v.submittedAt ? Review.time(v.submittedAt) : '—');
    $('case-email').replaceChildren(v.contactEmail || '—', ' ', v.contactEmailConfirmedAt
      ? h('span', { class: 'badge ok', title: '確認時間 ' + formatDateTime(v.contactEmailConfirmedAt) }, '已確認')
      : h('span', { class: 'badge pending' }, '未確認'));
    $('case-verdict').replaceChildren(verdictBadge(v), v.documentsRound > 1 ? `（第 ${v.documentsRound} 輪文件）` : '');
  }

  function verdictBadge(v) {
    if (v.verdict === 'PASSED') return h('span', { class: 'badge pass' }, '通過');
    if (v.verdict === 'NEEDS_ATTENTION') return h('span', { class: 'badge attention' }, '⚠ 待確認');
    return h('span', { class: 'badge pending' }, '檢核中');
  }

  // ---- left column: the form data, grouped as the applicant filled it in, and the register checks

  function yesNo(value) {
    return value === true ? '是' : value === false ? '否' : null;
  }

  function renderDetails(v) {
    const d = v.details;
    const body = $('details-body');
    if (!d) {
      body.replaceChildren(h('p', { class: 'hint' }, '申請資料尚未送達（事件可能稍後才到）。'));
      return;
    }
    const groups = [
      ['工會基本資料', [
        ['工會名稱', v.unionName], ['工會類別', v.unionTypeLabel], ['統一編號', d.unionTaxId], ['代表人', d.representative],
        ['行業別', d.industry && industries[d.industry] ? `${d.industry} ${industries[d.industry]}` : d.industry],
        ['地址', address(d.address)], ['通訊地址', address(d.mailingAddress)],
        ['成立日期', Review.formatLocalDate(d.foundedOn)],
      ]],
      ['人數', [
        ['會員人數', counts(d.members)], ['會員代表', counts(d.memberRepresentatives)], ['理事', counts(d.directors)],
        ['監事', counts(d.supervisors)], ['會員工會數', d.memberUnions === null || d.memberUnions === undefined ? null : `${d.memberUnions} 家`],
      ]],
      ['聯絡資料', [
        ['聯絡人', d.contactName], ['電話', d.contactPhone], ['傳真', d.fax], ['聯絡電子郵件', v.contactEmail],
        ['備用信箱', d.backupEmail],
      ]],
      ['工會自評', [
        ['性騷擾防治措施', yesNo(d.harassmentPreventionDone)],
        ['性別比例', d.genderOneThirdRule === true ? '是（章程或選舉辦法訂有單一性別達 1/3）'
          : d.genderOneThirdRule === false ? '否（章程或選舉辦法未訂單一性別達 1/3）' : null],
        ['加入上級工會', yesNo(d.joinedHigherUnion)],
      ]],
    ];
    body.replaceChildren(...groups.flatMap(([title, rows]) => [
      h('h3', null, title),
      h('dl', { class: 'data' }, rows.flatMap(([term, value]) => [h('dt', null, term), h('dd', null, orUnfilled(value))])),
    ]));
  }

  function renderChecks(v) {
    const list = $('register-checks').querySelector('ul');
    const checks = v.registerChecks || [];
    list.replaceChildren(...checks.map(c => {
      const result = String(c.result || '').toLowerCase();
      return h('li', { 'data-code': c.code, class: result },
        h('span', { class: 'result' }, CHECK_RESULTS[result] || c.result), c.label,
        h('span', { class: 'compare' }, `申請書：${c.applied ?? '（未填）'}　登記簿：${c.registered ?? '（查無）'}`));
    }));
    if (!checks.length) list.replaceChildren(h('li', { class: 'unavailable' }, '尚無比對結果'));
  }

  // ---- right column: the documents with their findings, and the seals side by side

  function typeLabel(contentType) {
    return { 'application/pdf': 'PDF', 'image/jpeg': 'JPG', 'image/bmp': 'BMP', 'image/png': 'PNG' }[contentType] || contentType;
  }

  function renderDocuments(v) {
    const list = $('documents').querySelector('.documents');
    const documents = v.documents || [];
    list.replaceChildren(...(documents.length ? documents.map(documentFigure) : [h('p', { class: 'hint' }, '沒有上傳文件。')]));
  }

  function documentFigure(d) {
    const findings = d.findings || [];
    const facts = [typeLabel(d.contentType), d.size === null || d.size === undefined ? null : formatBytes(d.size),
      d.pages ? `${d.pages} 頁` : null].filter(Boolean).join('・');
    return Review.documentFigure({
      kind: d.kind, uploadId: d.uploadId, name: d.label || label('documentKinds', d.kind), facts, pages: d.pages,
      attention: findings.length > 0,
    }, h('ul', { class: 'findings' }, findingItems(d, findings)));
  }

  function findingItems(d, findings) {
    if (findings.length) return findings.map(code => h('li', { 'data-code': code }, label('findings', code)));
    return d.verified ? h('li', { class: 'ok' }, '檢核通過') : h('li', { class: 'pending' }, '檢核中');
  }

  /** Shows the image, or its placeholder when there is none to show. */
  function showImage(id, src, missingText) {
    const image = $(id);
    const missing = $(id + '-missing');
    if (src) {
      if (image.getAttribute('src') !== src) image.src = src;
      image.hidden = false;
      missing.hidden = true;
    } else {
      image.removeAttribute('src');
      image.hidden = true;
      if (missingText) missing.textContent = missingText;
      missing.hidden = false;
    }
  }

  function renderUploadedSeal(v) {
    const seal = (v.documents || []).find(d => d.kind === 'UNION_SEAL' && d.uploadId);
    showImage('uploaded-seal', seal ? previewUrl(seal.uploadId) : null);
  }

  async function loadSealComparison() {
    const score = $('seal-score');
    score.replaceChildren('比對中…');
    const r = await Review.call('GET', caseUrl + '/seal-comparison');
    if (!r.ok) {
      score.replaceChildren(h('p', { class: 'error' }, (r.problem && r.problem.detail) || '暫時無法比對圖記'));
      return;
    }
    const c = r.data;
    showImage('registered-seal', c.registeredSeal && c.certificateNo
      ? `/api/review/register/${encodeURIComponent(c.certificateNo)}/seal` : null, SEAL_MISSING[c.problem] || '登記簿無圖記');
    if (c.problem) {
      score.replaceChildren(c.message || c.problem);
      return;
    }
    score.replaceChildren(
      h('span', { class: 'score' }, `相似度 ${c.percent}%`),
      h('meter', { min: 0, max: 100, low: 50, high: 80, optimum: 100, value: c.percent, 'aria-label': '圖記相似度' }),
      h('p', { class: 'note' }, `雜湊距離 ${c.hashDistance ?? '—'}・比對方法 ${c.method || '—'}`),
      h('p', { class: 'note' }, '僅供參考，請以目視比對為準'));
  }

  // ---- the action panel, driven by what the server says this officer may do now

  function renderActions(v) {
    const p = v.permissions || {};
    panel.permit(p);
    renderProposalSummary(v.proposal);
    if (p.propose) prepareProposalForm(v);
  }

  function renderProposalSummary(p) {
    const documents = p ? p.documents || [] : [];
    panel.summary(p && [
      ['擬辦', label('outcomes', p.outcome)],
      ['擬辦人', p.proposedBy],
      ['擬辦時間', p.proposedAt ? Review.time(p.proposedAt) : '—'],
      p.reason ? ['駁回理由', p.reason] : null,
      documents.length ? ['補正文件', h('ul', null, documents.map(d => h('li', null, `${label('documentKinds', d.kind)}：${d.reason}`)))] : null,
      p.note ? ['說明', p.note] : null,
    ]);
  }

  /** The kinds a reviewer may ask to replace: those on the case, and the harassment evidence even when missing. */
  function supplementKinds(v) {
    const kinds = (v.documents || []).map(d => d.kind);
    return [...new Set([...kinds, 'HARASSMENT_EVIDENCE'])].map(kind => ({ kind, uploaded: kinds.includes(kind) }));
  }

  function supplementRow({ kind, uploaded }) {
    const name = label('documentKinds', kind);
    return h('div', { class: 'supplement-row' },
      h('label', { class: 'choice', for: `supplement-kind-${kind}` },
        h('input', { type: 'checkbox', name: 'supplement-kind', value: kind, id: `supplement-kind-${kind}`, onchange: updateProposalForm }),
        name, uploaded ? '' : '（未上傳）'),
      h('p', { id: `supplement-kind-${kind}-error`, class: 'error', 'data-field-error': true }),
      h('div', { class: 'field', id: `supplement-reason-field-${kind}`, hidden: true },
        h('label', { for: `supplement-reason-${kind}` }, `「${name}」需補正的原因`),
        h('textarea', { id: `supplement-reason-${kind}`, maxlength: 1000, rows: 2 })));
  }

  function prepareProposalForm(v) {
    $('proposal-form').reset();
    $('supplement-rows').replaceChildren(...supplementKinds(v).map(supplementRow));
    updateProposalForm();
  }

  const chosenOutcome = () => ($('proposal-form').querySelector('input[name=outcome]:checked') || {}).value || null;
  const chosenKinds = () => [...document.querySelectorAll('input[name=supplement-kind]:checked')].map(box => box.value);

  /** Shows the inputs the chosen outcome needs, and what speaks against approving. */
  function updateProposalForm() {
    const outcome = chosenOutcome();
    $('reason-field').hidden = outcome !== 'REJECT';
    $('supplement-group').hidden = outcome !== 'SUPPLEMENT';
    document.querySelectorAll('input[name=supplement-kind]').forEach(box => {
      $(`supplement-reason-field-${box.value}`).hidden = !box.checked;
    });
    const warnings = outcome === 'APPROVE' ? approveWarnings(view) : [];
    $('approve-warnings').replaceChildren(...warnings.map(w => h('p', { class: 'warning' }, w)));
  }

  /** The server refuses what the rules forbid; these only tell the reviewer before sending. */
  function approveWarnings(v) {
    const warnings = [];
    if (!v.contactEmailConfirmedAt) warnings.push('申請人尚未確認聯絡電子郵件：確認前無法核准。');
    if (!v.verdict || (v.documents || []).some(d => !d.verified)) warnings.push('文件尚未完成檢核：檢核完成前無法核准。');
    else if (v.verdict === 'NEEDS_ATTENTION') warnings.push('文件檢核有待確認的項目，請確認已逐一檢視。');
    if ((v.registerChecks || []).some(c => c.result === 'FAIL')) warnings.push('與工會登記簿的比對有未通過的項目。');
    return warnings;
  }

  /** Maps the server's field names (documents[0].reason) to the inputs of the proposal form. */
  function proposalField(field, kinds) {
    if (field === 'outcome') return 'outcome-group';
    if (field === 'reason' || field === 'note') return field;
    if (field === 'documents') return 'supplement-rows';
    const m = /^documents\[(\d+)\]\.(kind|reason)$/.exec(field);
    const kind = m && kinds[Number(m[1])];
    if (!kind) return null;
    return m[2] === 'reason' ? `supplement-reason-${kind}` : `supplement-kind-${kind}`;
  }

  function submitProposal(event) {
    event.preventDefault();
    const outcome = chosenOutcome();
    const kinds = outcome === 'SUPPLEMENT' ? chosenKinds() : [];
    const body = { outcome, note: $('note').value };
    if (outcome === 'REJECT') body.reason = $('reason').value;
    if (outcome === 'SUPPLEMENT') body.documents = kinds.map(kind => ({ kind, reason: $(`supplement-reason-${kind}`).value }));
    panel.act('proposal', body, field => proposalField(field, kinds), $('submit-proposal'), '已送出擬辦，待主管核定');
  }

  // ---- below: supplements, the decision, the history, the audit trail

  function renderSupplements(v) {
    const request = v.supplementRequest;
    const replacements = v.replacements || [];
    $('supplements').hidden = !request && !replacements.length;
    const parts = [];
    if (request) {
      parts.push(h('h3', null, `補正通知（等候第 ${request.round} 輪文件）`),
        h('p', null, request.requestedAt ? Review.time(request.requestedAt) : '', `　${request.proposedBy} 擬辦、${request.signedOffBy} 核定`),
        h('ul', null, (request.documents || []).map(d => h('li', null, `${label('documentKinds', d.kind)}：${d.reason}`))),
        request.note ? h('p', null, `說明：${request.note}`) : null);
    }
    if (replacements.length) {
      parts.push(h('h3', null, '申請人補正的文件'), h('ul', null, replacements.map(r => h('li', null,
        `第 ${r.round} 輪，`, r.receivedAt ? Review.time(r.receivedAt) : '', ' 收到：',
        (r.documents || []).map(d => label('documentKinds', d.kind)).join('、')))));
    }
    $('supplements-body').replaceChildren(...parts.filter(Boolean));
  }

  function renderDecision(v) {
    const d = v.decision;
    $('decision').hidden = !d;
    if (!d) return;
    Review.terms($('decision-body'), [
      ['結果', label('decisions', d.outcome)], d.reason ? ['理由', d.reason] : null, ['擬辦人', d.proposedBy],
      ['核定人', d.decidedBy], ['核定時間', d.decidedAt ? Review.time(d.decidedAt) : '—'],
    ]);
  }

  // ---- wiring

  $('proposal-form').addEventListener('submit', submitProposal);
  $('proposal-form').querySelectorAll('input[name=outcome]').forEach(radio => radio.addEventListener('change', updateProposalForm));
  ['registered-seal', 'uploaded-seal'].forEach(id => $(id).addEventListener('error', () => showImage(id, null, '影像無法顯示')));

  loadCase();
})();
