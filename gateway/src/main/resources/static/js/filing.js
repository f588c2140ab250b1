// One union-affairs filing (/portal/filing.html?type=... for a new draft, ?id=F-... for one saved):
// the type's form built from its schema, attachments uploaded as the registration form does,
// 儲存草稿 / 送出 / 刪除草稿, the officer's reason when returned, and the read-only view once sent.
'use strict';

const $ = id => document.getElementById(id);
const EDITABLE = ['DRAFT', 'RETURNED'];
const PDF_ONLY = 'application/pdf,.pdf';
const PDF_OR_IMAGE = '.pdf,.jpg,.jpeg,.bmp';

/** The page's state: the type's schema, the saved filing (null before the first save), uploads (kind -> { uploadId, ticket }). */
const page = { type: null, filing: null, profile: null, districts: [], uploads: {} };

document.addEventListener('DOMContentLoaded', async () => {
  $('filing-status').textContent = '載入中…';
  $('filing-form').addEventListener('submit', submitFiling);
  $('save-draft').addEventListener('click', saveDraft);
  $('delete-draft').addEventListener('click', deleteDraft);
  $('reload-filing').addEventListener('click', () => location.reload());
  $('fields').addEventListener('input', onFieldInput);
  $('fields').addEventListener('change', onFieldInput);
  $('fields').addEventListener('click', onFieldClick);
  if (await load()) render();
});

// ---- loading

async function load() {
  const params = new URLSearchParams(location.search);
  const id = params.get('id');
  const urls = ['/api/union/filing-types', '/api/union/profile'];
  if (id) urls.push(`/api/union/filings/${encodeURIComponent(id)}`);
  const loaded = await Filings.loadAll(urls);
  if (loaded.refused) return fail(Filings.problemText(loaded.refused));
  const [types, profile, filing] = loaded.results;
  page.profile = profile.data;
  page.filing = filing ? filing.data : null;
  const type = types.data.find(t => t.type === (page.filing ? page.filing.type : params.get('type')));
  if (!type) return fail('查無此申請或備查項目，請回列表重新選擇。');
  if (!page.filing && page.profile.status === 'DISSOLVED') return fail('貴會已解散，不能再提出申請或備查。');
  page.type = safeSchema(type);
  if (page.type.fields.some(f => f.kind === 'ADDRESS')) return loadDistricts();
  return true;
}

/** Names and kinds become element ids: only the service's own identifiers; an unknown field kind shows as text. */
function safeSchema(type) {
  return {
    ...type,
    fields: type.fields.filter(f => /^\w+$/.test(f.name)).map(f => (KINDS[f.kind] ? f : { ...f, kind: 'TEXT' })),
    attachments: type.attachments.filter(a => /^[A-Z_]+$/.test(a.kind)),
  };
}

async function loadDistricts() {
  const r = await Api.json('GET', '/api/registrations/reference-data');
  if (!r.ok) return fail('無法載入行政區選項，請重新整理頁面。');
  page.districts = r.data.districts;
  return true;
}

function fail(text) {
  $('filing-status').textContent = '';
  $('error').textContent = text;
  return false;
}

// ---- rendering

function editable() {
  return page.profile.status !== 'DISSOLVED' && (!page.filing || EDITABLE.includes(page.filing.status));
}

function render() {
  renderHeader();
  const canEdit = editable();
  $('filing-form').hidden = !canEdit;
  $('filing-view').hidden = canEdit;
  if (canEdit) buildForm(); else renderView();
  if (!canEdit && page.profile.status === 'DISSOLVED' && EDITABLE.includes(page.filing.status)) {
    showMessage('貴會已解散，這份申請不能再修改或送出。');
  }
}

/** Title, status, deadline, the type's description, the return reason and the buttons that fit the status. */
function renderHeader() {
  const f = page.filing;
  document.title = `${page.type.label}｜新北勞動雲 工會服務`;
  $('filing-title').textContent = page.type.label;
  $('filing-status').innerHTML = f
    ? `${Filings.statusHtml(f)} <span>案號 ${escapeHtml(f.filingId)}</span>${Filings.roundText(f) ? `<span>${escapeHtml(Filings.roundText(f))}</span>` : ''}`
    : '<span class="status status-NEW">新申請，尚未儲存</span>';
  const due = f ? Filings.deadlineHtml(f) : '';
  $('filing-deadline').hidden = !due;
  $('filing-deadline').innerHTML = due ? `辦理期限：${due}` : '';
  $('type-description').textContent = page.type.description || '';
  $('type-deadline').hidden = !page.type.deadline;
  $('type-deadline').textContent = page.type.deadline ? `辦理期限規定：${page.type.deadline}` : '';
  $('about').hidden = false;
  const returned = f && f.status === 'RETURNED';
  $('return-reason').hidden = !returned;
  $('return-reason-text').textContent = returned ? (f.returnReason || '（勞工局未註明原因）') : '';
  $('delete-draft').hidden = !(f && f.status === 'DRAFT');
  $('save-draft').textContent = returned ? '儲存修改' : '儲存草稿';
  $('submit-filing').textContent = returned ? '補正後重新送出' : '送出';
  renderHistory();
}

function renderHistory() {
  const items = (page.filing && page.filing.history) || [];
  $('history').hidden = items.length === 0;
  $('filing-history').innerHTML = items.map(h => `
    <li><time datetime="${escapeHtml(h.at)}">${escapeHtml(formatDateTime(h.at))}</time>
      <strong>${escapeHtml(h.actionLabel || h.action)}</strong>${h.actor ? `（${escapeHtml(h.actor)}）` : ''}
      ${h.detail ? `<div class="history-detail">${escapeHtml(h.detail)}</div>` : ''}</li>`).join('');
}

/** Sent or accepted: what was filed, as text. */
function renderView() {
  const form = (page.filing && page.filing.form) || {};
  $('filing-values').innerHTML = page.type.fields.map(f => {
    const v = form[f.name];
    const text = v === null || v === undefined || v === '' ? '—' : KINDS[f.kind].text(f, v);
    return `<dt>${escapeHtml(f.label)}</dt><dd id="value-${f.name}" class="value">${escapeHtml(text)}</dd>`;
  }).join('');
  const attached = (page.filing && page.filing.attachments) || [];
  $('filing-attachments').innerHTML = attached.length
    ? attached.map(a => `<li>${escapeHtml(a.label || labelOfAttachment(a.kind))}：已附檔案</li>`).join('')
    : '<li>未附檔案</li>';
}

function labelOfAttachment(kind) {
  const a = page.type.attachments.find(x => x.kind === kind);
  return a ? a.label : kind;
}

// ---- the form

function buildForm() {
  $('fields').innerHTML = page.type.fields.map(fieldHtml).join('');
  const values = (page.filing && page.filing.form) || {};
  for (const f of page.type.fields) {
    KINDS[f.kind].fill(f, values[f.name]);
    if (KINDS[f.kind].update) KINDS[f.kind].update(f);
  }
  buildAttachments();
}

function attachmentFields() {
  return page.type.attachments.map(a => ({
    kind: a.kind, label: a.label, required: a.required, idPrefix: 'attachment', fieldPrefix: 'attachments',
    accept: a.pdfOnly ? PDF_ONLY : PDF_OR_IMAGE,
    hint: `${a.required ? '必附' : '選附'}，${a.pdfOnly ? '限 PDF 檔' : 'PDF、JPG 或 BMP 檔'}`,
  }));
}

function buildAttachments() {
  const fields = attachmentFields();
  for (const kind of Object.keys(page.uploads)) delete page.uploads[kind];
  $('attachments').innerHTML = fields.length ? fields.map(Uploads.fieldHtml).join('') : '<p class="hint">此項目不需附件。</p>';
  for (const u of fields) Uploads.wire(u, page.uploads, () => FormErrors.clearField(`attachments.${u.kind}`));
  for (const a of (page.filing && page.filing.attachments) || []) {
    const u = fields.find(x => x.kind === a.kind);
    if (u && a.uploadId) Uploads.showAttached(u, page.uploads, a);
  }
}

// ---- saving, submitting, deleting

function collect() {
  const form = {};
  for (const f of page.type.fields) form[f.name] = KINDS[f.kind].value(f);
  return { form, attachments: Uploads.references(page.uploads) };
}

function filingUrl(suffix = '') {
  return `/api/union/filings/${encodeURIComponent(page.filing.filingId)}${suffix}`;
}

/** POST the first time (the address then names the filing), PUT after that with the revision read. */
async function save() {
  const body = collect();
  const r = page.filing
    ? await Api.json('PUT', filingUrl(), { ...body, revision: page.filing.revision })
    : await Api.json('POST', '/api/union/filings', { type: page.type.type, ...body });
  if (!r.ok) { showRefusal(r); return false; }
  if (!page.filing) history.replaceState(null, '', Filings.pageOf(r.data.filingId));
  page.filing = r.data;
  renderHeader();
  return true;
}

async function saveDraft() {
  clearMessages();
  if (Uploads.stillRunning()) return;
  await busy($('save-draft'), '儲存中…', async () => {
    if (!await save()) return;
    const returned = page.filing.status === 'RETURNED';
    showMessage(returned
      ? `修改已儲存（${formatDateTime(new Date().toISOString())}），尚未送出：請按「補正後重新送出」。`
      : `草稿已儲存（${formatDateTime(new Date().toISOString())}），案號 ${page.filing.filingId}。尚未送出，可稍後回來繼續填寫。`);
  });
}

/** The latest edits are saved first, so what is submitted is what the clerk sees. */
async function submitFiling(event) {
  event.preventDefault();
  clearMessages();
  if (Uploads.stillRunning()) return;
  await busy($('submit-filing'), '送出中…', async () => {
    if (!await save()) return;
    const r = await Api.json('POST', filingUrl('/submit'), { revision: page.filing.revision });
    if (!r.ok) { showRefusal(r); return; }
    page.filing = r.data;
    render();
    showMessage(`已送出（${formatDateTime(r.data.submittedAt)}），目前狀態：${r.data.statusLabel}。勞工局審查後會通知貴會，也可在此頁查詢辦理情形。`);
  });
}

async function deleteDraft() {
  if (!confirm('確定要刪除這份草稿嗎？刪除後無法復原。')) return;
  clearMessages();
  await busy($('delete-draft'), '刪除中…', async () => {
    const r = await Api.json('DELETE', filingUrl());
    if (!r.ok) { showRefusal(r); return; }
    location.href = `${Filings.LIST_PAGE}?deleted=${encodeURIComponent(page.filing.filingId)}`;
  });
}

/** Disables the form's buttons while a request runs (no double submission), the pressed one saying what happens. */
async function busy(button, text, work) {
  const buttons = [$('save-draft'), $('submit-filing'), $('delete-draft')];
  const label = button.textContent;
  buttons.forEach(b => { b.disabled = true; });
  button.textContent = text;
  try {
    await work();
  } finally {
    buttons.forEach(b => { b.disabled = false; });
    if (button.textContent === text) button.textContent = label;
  }
}

/**
 * A refusal where it belongs: field errors beside their fields and in the summary; a state the
 * page no longer matches (changed elsewhere, dissolved, already sent, gone) with a reload offer.
 */
function showRefusal(r) {
  if (r.status === 409 || r.status === 404) {
    $('filing-conflict-detail').textContent = Filings.problemText(r);
    $('filing-conflict').hidden = false;
    $('filing-conflict').focus();
    return;
  }
  FormErrors.show(r.problem && r.problem.errors && r.problem.errors.length
    ? r.problem.errors : [{ field: null, message: Filings.problemText(r) }]);
}

function showMessage(text) {
  const message = $('filing-message');
  message.textContent = text;
  message.hidden = false;
  message.focus();
}

function clearMessages() {
  FormErrors.clearAll();
  $('filing-conflict').hidden = true;
  $('filing-message').hidden = true;
  $('error').textContent = '';
}
