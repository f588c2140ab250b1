// One union-affairs filing (/portal/filing.html?type=... for a new draft, ?id=F-... for one saved):
// the type's form built from its schema, attachments uploaded as the registration form does,
// 儲存草稿 / 送出 / 刪除草稿, the officer's reason when returned, and the read-only view once sent.
'use strict';

const $ = id => document.getElementById(id);
const REQUIRED = '<span class="required-mark" aria-hidden="true">*</span>';
const EDITABLE = ['DRAFT', 'RETURNED'];
/** The schema has no line-count hint: these TEXT fields are prose, the others a single line. */
const MULTILINE = ['resolutions', 'summary', 'reason'];
const GENDERS = { M: '男', F: '女' };
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

const fieldId = (f, part) => `field-${f.name}${part === undefined ? '' : '-' + part}`;
const dataField = (f, part) => `form.${f.name}${part === undefined ? '' : '.' + part}`;

function hintText(f) {
  // the union's current address beside the new one: the filing must differ from it
  const current = f.kind === 'ADDRESS' && page.profile.address ? `目前會址：${formatAddress(page.profile.address)}` : '';
  return [f.hint, current].filter(Boolean).join('；');
}

function describedBy(f) {
  return (hintText(f) ? `${fieldId(f, 'hint')} ` : '') + fieldId(f, 'error');
}

/** A field's frame: its label (or legend for a group), its control(s), hint and error, with data-name for the listeners. */
function fieldHtml(f) {
  const kind = KINDS[f.kind];
  const hint = hintText(f) ? `<span class="hint" id="${fieldId(f, 'hint')}">${escapeHtml(hintText(f))}</span>` : '';
  const error = `<span id="${fieldId(f, 'error')}" class="error" aria-live="polite"></span>`;
  const label = `${f.required ? REQUIRED : ''}${escapeHtml(f.label)}`;
  const wide = kind.wide || (f.kind === 'TEXT' && multiline(f)) ? ' wide' : '';
  if (kind.group) {
    return `<fieldset class="field${wide}" id="${fieldId(f)}" data-name="${f.name}">
      <legend>${label}</legend>${kind.html(f)}${hint}${error}</fieldset>`;
  }
  return `<div class="field${wide}" data-name="${f.name}">
      <label for="${fieldId(f)}">${label}</label>${kind.html(f)}${hint}${error}</div>`;
}

/** The attributes every single control carries. */
function controlAttrs(f) {
  return `id="${fieldId(f)}" data-field="${dataField(f)}" aria-describedby="${describedBy(f)}"${f.required ? ' required' : ''}`;
}

function multiline(f) {
  return f.multiline === true || (f.multiline === undefined && MULTILINE.includes(f.name));
}

const textValue = f => $(fieldId(f)).value.trim() || null;
const numberValue = id => { const v = $(id).value.trim(); return v === '' ? null : Number(v); };
const fillValue = (f, v) => { $(fieldId(f)).value = v ?? ''; };

/** Each field kind of the schema: its controls, its value for the API, how a saved value fills it and reads as text. */
const KINDS = {
  TEXT: {
    html: f => multiline(f)
      ? `<textarea ${controlAttrs(f)} rows="4" maxlength="2000"></textarea>`
      : `<input type="text" ${controlAttrs(f)} maxlength="200">`,
    value: textValue, fill: fillValue, text: (f, v) => String(v),
  },
  DATE: {
    html: f => `<input type="date" ${controlAttrs(f)}>`,
    value: textValue, fill: fillValue, text: (f, v) => formatDate(v),
  },
  NUMBER: {
    html: f => `<input type="number" ${controlAttrs(f)} min="0" step="1" inputmode="numeric">`,
    value: f => numberValue(fieldId(f)), fill: fillValue, text: (f, v) => Number(v).toLocaleString('zh-TW'),
  },
  YEAR: {
    html: f => `<input type="number" ${controlAttrs(f)} min="1900" max="2200" step="1" inputmode="numeric" placeholder="西元年，例如 ${new Date().getFullYear()}">`,
    value: f => numberValue(fieldId(f)), fill: fillValue, text: (f, v) => `${v} 年`,
  },
  CHOICE: {
    html: f => `<select ${controlAttrs(f)}><option value="">請選擇</option>${(f.choices || []).map(c =>
      `<option value="${escapeHtml(c.code)}">${escapeHtml(c.label)}</option>`).join('')}</select>`,
    value: textValue, fill: fillValue,
    text: (f, v) => ((f.choices || []).find(c => c.code === v) || { label: v }).label,
  },
  ADDRESS: {
    group: true, wide: true, html: addressHtml, value: addressValue, fill: fillAddress, update: updatePostalCode,
    text: (f, v) => formatAddress(v),
  },
  COUNTS: {
    group: true, html: countsHtml, value: countsValue, fill: fillCounts, update: updateCountsTotal,
    text: (f, v) => (typeof v === 'object' ? countsText(v.male, v.female) : String(v)),
  },
  NAMES: {
    group: true, wide: true, html: namesHtml, value: namesValue, fill: fillNames, update: updateNamesCounts,
    text: (f, v) => (Array.isArray(v) ? namesText(v) : String(v)),
  },
};

// ADDRESS: district of New Taipei City (its postal code follows) and the street part

function addressHtml(f) {
  const districts = page.districts.map(d => `<option value="${escapeHtml(d.name)}">${escapeHtml(d.name)}</option>`).join('');
  const label = escapeHtml(f.label);
  return `<div class="row">
      <label for="${fieldId(f, 'postalCode')}" class="visually-hidden">${label}郵遞區號</label>
      <input type="text" id="${fieldId(f, 'postalCode')}" class="postal-code" readonly placeholder="郵遞區號">
      <span>新北市</span>
      <label for="${fieldId(f, 'district')}" class="visually-hidden">${label}行政區</label>
      <select id="${fieldId(f, 'district')}" data-field="${dataField(f, 'district')}" aria-describedby="${describedBy(f)}"${f.required ? ' required' : ''}>
        <option value="">請選擇行政區</option>${districts}</select>
      <label for="${fieldId(f, 'street')}" class="visually-hidden">${label}路街及門牌</label>
      <input type="text" id="${fieldId(f, 'street')}" class="street" data-field="${dataField(f, 'street')}" maxlength="100"
             placeholder="路街、巷弄及門牌號碼" aria-describedby="${describedBy(f)}"${f.required ? ' required' : ''}>
    </div>`;
}

function addressValue(f) {
  const district = $(fieldId(f, 'district')).value, street = $(fieldId(f, 'street')).value.trim();
  if (!district && !street) return null;
  return { postalCode: $(fieldId(f, 'postalCode')).value || null, city: '新北市', district, street };
}

function fillAddress(f, v) {
  $(fieldId(f, 'district')).value = (v && v.district) || '';
  $(fieldId(f, 'street')).value = (v && v.street) || '';
}

function updatePostalCode(f) {
  const d = page.districts.find(x => x.name === $(fieldId(f, 'district')).value);
  $(fieldId(f, 'postalCode')).value = d ? d.postalCode : '';
}

// COUNTS: men and women, the total computed

function countsHtml(f) {
  const input = part => `<label for="${fieldId(f, part)}">${GENDERS[part === 'male' ? 'M' : 'F']}</label>
      <input type="number" id="${fieldId(f, part)}" data-field="${dataField(f, part)}" min="0" step="1" inputmode="numeric"
             aria-describedby="${describedBy(f)}"${f.required ? ' required' : ''}>`;
  return `<div class="row">${input('male')}${input('female')}
      <span>總數</span><output id="${fieldId(f, 'total')}" class="total" data-field="${dataField(f, 'total')}"
        for="${fieldId(f, 'male')} ${fieldId(f, 'female')}">0</output></div>`;
}

function countsValue(f) {
  const male = numberValue(fieldId(f, 'male')), female = numberValue(fieldId(f, 'female'));
  return male === null && female === null ? null : { male, female };
}

function fillCounts(f, v) {
  $(fieldId(f, 'male')).value = v ? v.male ?? '' : '';
  $(fieldId(f, 'female')).value = v ? v.female ?? '' : '';
}

function updateCountsTotal(f) {
  const n = id => { const v = Number($(id).value || 0); return Number.isFinite(v) ? v : 0; };
  $(fieldId(f, 'total')).value = n(fieldId(f, 'male')) + n(fieldId(f, 'female'));
}

function countsText(male, female) {
  return `男 ${male ?? 0} 人、女 ${female ?? 0} 人，共 ${Number(male || 0) + Number(female || 0)} 人`;
}

// NAMES: rows of {name, gender}, added and removed by the clerk, with the counts by gender

function namesHtml(f) {
  // no data-field of its own: an error of the whole list (form.directors) goes to its first row
  return `<ol class="name-rows" id="${fieldId(f, 'rows')}"></ol>
    <div class="row">
      <button type="button" class="secondary small" id="${fieldId(f, 'add')}" data-action="add-row">新增一位<span class="visually-hidden">${escapeHtml(f.label)}</span></button>
      <output id="${fieldId(f, 'counts')}" class="total">${countsText(0, 0)}</output>
    </div>`;
}

function nameRowHtml(f, row, i) {
  const who = `<span class="visually-hidden">${escapeHtml(f.label)}第 ${i + 1} 位</span>`;
  const genders = Object.entries(GENDERS).map(([code, label]) =>
    `<option value="${code}"${row.gender === code ? ' selected' : ''}>${label}</option>`).join('');
  // each label stays with its control when a narrow screen wraps the row
  return `<li class="name-row">
      <span class="pair"><label for="${fieldId(f, i + '-name')}">${who}姓名</label>
      <input type="text" id="${fieldId(f, i + '-name')}" data-field="${dataField(f, i + '.name')}" maxlength="50"
             value="${escapeHtml(row.name)}" aria-describedby="${fieldId(f, 'error')}"></span>
      <span class="pair"><label for="${fieldId(f, i + '-gender')}">${who}性別</label>
      <select id="${fieldId(f, i + '-gender')}" data-field="${dataField(f, i + '.gender')}" aria-describedby="${fieldId(f, 'error')}">
        <option value="">請選擇</option>${genders}</select></span>
      <button type="button" class="secondary small" data-action="remove-row" data-index="${i}">移除${who}</button>
    </li>`;
}

/** Every row as typed, empty ones included (the form keeps them; the value leaves them out). */
function nameRows(f) {
  return [...$(fieldId(f, 'rows')).children].map((li, i) => ({
    name: $(fieldId(f, i + '-name')).value.trim(),
    gender: $(fieldId(f, i + '-gender')).value,
  }));
}

function namesValue(f) {
  return nameRows(f).filter(p => p.name || p.gender).map(p => ({ name: p.name, gender: p.gender || null }));
}

function fillNames(f, v) {
  const rows = Array.isArray(v) && v.length ? v : [{ name: '', gender: '' }];
  $(fieldId(f, 'rows')).innerHTML = rows.map((row, i) => nameRowHtml(f, row, i)).join('');
}

function namesText(rows) {
  return `${rows.map(p => `${p.name}（${GENDERS[p.gender] || '—'}）`).join('、')}；${countsText(...genderCounts(rows))}`;
}

function genderCounts(rows) {
  return [rows.filter(p => p.gender === 'M').length, rows.filter(p => p.gender === 'F').length];
}

function updateNamesCounts(f) {
  $(fieldId(f, 'counts')).value = countsText(...genderCounts(nameRows(f)));
}

/**
 * Adds a row (focus on its name) or removes one (focus on the add button), renumbering the rest;
 * one row always stays, where the list's own errors show.
 */
function changeRows(f, action, index) {
  const rows = nameRows(f);
  if (action === 'add-row') rows.push({ name: '', gender: '' });
  else rows.splice(index, 1);
  if (!rows.length) rows.push({ name: '', gender: '' });
  fillNames(f, rows);
  updateNamesCounts(f);
  FormErrors.clearField(dataField(f));
  $(action === 'add-row' ? fieldId(f, (rows.length - 1) + '-name') : fieldId(f, 'add')).focus();
}

// ---- listeners of the form's fields (delegated: the fields are built from the schema)

function fieldOf(target) {
  const frame = target.closest('[data-name]');
  return frame ? page.type.fields.find(f => f.name === frame.dataset.name) : null;
}

function onFieldInput(e) {
  const f = fieldOf(e.target);
  if (!f) return;
  if (KINDS[f.kind].update) KINDS[f.kind].update(f);
  if (e.target.dataset.field) FormErrors.clearField(e.target.dataset.field);
}

function onFieldClick(e) {
  const button = e.target.closest('button[data-action]');
  const f = button && fieldOf(button);
  if (f) changeRows(f, button.dataset.action, Number(button.dataset.index));
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
