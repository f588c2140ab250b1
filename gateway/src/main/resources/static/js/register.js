// The union registration form (帳號註冊): live help while typing, uploads with progress,
// captcha, and the server's field-by-field answer shown beside each field.
'use strict';

const COUNTS = [
  { key: 'members', label: '會員人數', required: true },
  { key: 'memberRepresentatives', label: '會員代表人數', required: false },
  { key: 'directors', label: '理事人數', required: true },
  { key: 'supervisors', label: '監事人數', required: true },
];
const YES_NO = [
  { key: 'harassmentPreventionDone', label: '完成性騷擾防治措施' },
  { key: 'genderOneThirdRule', label: '章程或選舉辦法是否訂有單一性別達 1/3' },
  { key: 'joinedHigherUnion', label: '已加入上級工會' },
];
// the labels are the event contracts' (DocumentKinds), as the officers and the mails name the documents
const UPLOADS = [
  { kind: 'CHARTER', label: Dom.label('documentKinds', 'CHARTER'), hint: '請上傳 PDF 檔', accept: 'application/pdf,.pdf', required: true },
  { kind: 'CERTIFICATE_SCAN', label: Dom.label('documentKinds', 'CERTIFICATE_SCAN'), hint: '請上傳政府機關核發之【立案證書】（PDF、JPG、BMP）', accept: '.pdf,.jpg,.jpeg,.bmp', required: true },
  { kind: 'UNION_SEAL', label: Dom.label('documentKinds', 'UNION_SEAL'), hint: '請上傳政府機關核發之【圖記】章（PDF、JPG、BMP）', accept: '.pdf,.jpg,.jpeg,.bmp', required: true },
  { kind: 'REPRESENTATIVE_SEAL', label: Dom.label('documentKinds', 'REPRESENTATIVE_SEAL'), hint: '請上傳工會【負責人】章（PDF、JPG、BMP）', accept: '.pdf,.jpg,.jpeg,.bmp', required: true },
  { kind: 'HARASSMENT_EVIDENCE', label: Dom.label('documentKinds', 'HARASSMENT_EVIDENCE'), hint: '已完成防治措施者請上傳（PDF、JPG、BMP）', accept: '.pdf,.jpg,.jpeg,.bmp', required: false },
];

// submissionId: this filled-in form's own key. Sent with every attempt, so that an attempt whose answer
// was lost (a timeout, a second click) gets the first receipt instead of making a second application.
const state = { reference: null, uploads: {}, captchaId: null, submissionId: newSubmissionId() };

function newSubmissionId() {
  return self.crypto && crypto.randomUUID ? crypto.randomUUID()
    : Array.from({ length: 4 }, () => Math.random().toString(36).slice(2, 10)).join('-');
}
const $ = id => document.getElementById(id);
const required = '<span class="required-mark" aria-hidden="true">*</span>';

document.addEventListener('DOMContentLoaded', async () => {
  buildCounts();
  buildYesNo();
  buildUploads();
  wireLiveHelp();
  $('captcha-refresh').addEventListener('click', refreshCaptcha);
  $('clear').addEventListener('click', clearForm);
  $('registration').addEventListener('submit', submit);
  await Promise.all([loadReferenceData(), refreshCaptcha()]);
  offerDraft();
});

// ---- the draft kept in this browser (js/draft.js): saved as the form is filled in, offered on return

let keepDraft = false; // not while a saved draft waits for the applicant's choice

function offerDraft() {
  const draft = RegistrationDraft.load();
  if (!draft) return startKeepingDraft();
  $('draft-saved-at').textContent = formatDateTime(new Date(draft.savedAt).toISOString());
  $('draft-offer').hidden = false;
  $('draft-resume').addEventListener('click', () => {
    const { usable, expired } = RegistrationDraft.restore($('registration'), draft);
    if (draft.submissionId) state.submissionId = draft.submissionId;
    for (const u of UPLOADS) if (usable[u.kind]) Uploads.showAttached(u, state.uploads, usable[u.kind]);
    for (const kind of expired) {
      const u = UPLOADS.find(x => x.kind === kind);
      if (u) $(Uploads.id(u, '-info')).textContent = '先前上傳的檔案已逾保留時間，請重新上傳。';
    }
    $('draft-offer').hidden = true;
    $('draft-resumed').hidden = false;
    startKeepingDraft();
    $('account').focus();
  });
  $('draft-discard').addEventListener('click', () => {
    RegistrationDraft.clear();
    $('draft-offer').hidden = true;
    startKeepingDraft();
  });
}

function startKeepingDraft() {
  keepDraft = true;
  let timer = null;
  const later = () => { clearTimeout(timer); timer = setTimeout(saveDraft, 400); };
  $('registration').addEventListener('input', later);
  $('registration').addEventListener('change', later);
  // a file removed (its 移除 button) changes no field's value
  $('registration').addEventListener('click', e => { if (e.target.matches('button[id$="-remove"]')) later(); });
}

function saveDraft() {
  if (keepDraft) RegistrationDraft.save($('registration'), state.uploads, state.submissionId);
}

async function loadReferenceData() {
  const r = await Api.json('GET', '/api/registrations/reference-data');
  if (!r.ok) { FormErrors.showSummary([{ field: null, message: '無法載入選項，請重新整理頁面。' }]); return; }
  state.reference = r.data;
  fill($('unionType'), r.data.unionTypes.map(t => [t.code, t.label]));
  fill($('industry'), r.data.industries.map(i => [i.code, i.code + ' ' + i.label]));
  for (const prefix of ['address', 'mailingAddress']) {
    fill($(prefix + '-district'), r.data.districts.map(d => [d.name, d.name]));
  }
}

function fill(select, options) {
  for (const [value, label] of options) select.add(new Option(label, value));
}

function buildCounts() {
  $('counts').innerHTML = COUNTS.map(c => `
    <fieldset class="field">
      <legend>${c.required ? required : ''}${c.label}</legend>
      <div class="row">
        <label for="${c.key}-male">男</label>
        <input type="number" id="${c.key}-male" data-field="${c.key}.male" min="0" step="1" inputmode="numeric" aria-describedby="${c.key}-error">
        <label for="${c.key}-female">女</label>
        <input type="number" id="${c.key}-female" data-field="${c.key}.female" min="0" step="1" inputmode="numeric" aria-describedby="${c.key}-error">
        <span>總數</span><output id="${c.key}-total" class="total" data-field="${c.key}.total" for="${c.key}-male ${c.key}-female">0</output>
      </div>
      <span id="${c.key}-error" class="error" aria-live="polite"></span>
    </fieldset>`).join('');
  for (const c of COUNTS) {
    for (const part of ['male', 'female']) {
      $(`${c.key}-${part}`).addEventListener('input', () => updateTotal(c.key));
    }
  }
}

function updateTotal(key) {
  const m = Number($(`${key}-male`).value || 0), f = Number($(`${key}-female`).value || 0);
  $(`${key}-total`).value = (Number.isFinite(m) ? m : 0) + (Number.isFinite(f) ? f : 0);
}

function buildYesNo() {
  $('yes-no').innerHTML = YES_NO.map(q => `
    <fieldset class="field" id="${q.key}" data-field="${q.key}" aria-describedby="${q.key}-error">
      <legend>${required}${q.label}</legend>
      <div class="row">
        <label><input type="radio" name="${q.key}" value="true"> 是</label>
        <label><input type="radio" name="${q.key}" value="false"> 否</label>
      </div>
      <span id="${q.key}-error" class="error" aria-live="polite"></span>
    </fieldset>`).join('');
}

function buildUploads() {
  $('uploads').innerHTML = UPLOADS.map(Uploads.fieldHtml).join('');
  for (const u of UPLOADS) {
    Uploads.wire(u, state.uploads, () => { FormErrors.clearField(`documents.${u.kind}`); saveDraft(); });
  }
}

async function refreshCaptcha() {
  const r = await Api.json('GET', '/api/registrations/captcha');
  $('captchaAnswer').value = '';
  if (!r.ok) { $('captcha-error').textContent = '無法取得驗證碼，請按「換一張」再試。'; return; }
  state.captchaId = r.data.captchaId;
  $('captcha-image').src = r.data.image;
}

function wireLiveHelp() {
  $('account').addEventListener('input', e => {
    e.target.value = e.target.value.replace(/\D/g, '').slice(0, 8);
    $('certificateNo').value = e.target.value;
  });
  $('password').addEventListener('input', e => {
    const p = e.target.value;
    const met = { length: p.length >= 8, digit: /\d/.test(p), lower: /[a-z]/.test(p), upper: /[A-Z]/.test(p) };
    for (const li of $('password-rules').children) li.classList.toggle('met', met[li.dataset.rule]);
  });
  $('contactEmail').addEventListener('input', e => {
    const domain = (e.target.value.split('@')[1] || '').trim().toLowerCase();
    const risky = (state.reference?.unreliableMailDomains || []).some(d => domain === d || domain.endsWith('.' + d));
    $('contactEmail-warning').textContent = risky ? `使用 @${domain} 信箱可能會收不到認證信，建議改用其他信箱。` : '';
  });
  $('unionType').addEventListener('change', e => {
    const federation = e.target.value === 'FEDERATION';
    $('memberUnions-field').hidden = !federation;
    if (!federation) $('memberUnions').value = '';
  });
  for (const prefix of ['address', 'mailingAddress']) {
    $(prefix + '-district').addEventListener('change', e => setPostalCode(prefix, e.target.value));
  }
  const sync = () => {
    if (!$('sameAsAddress').checked) return;
    $('mailingAddress-district').value = $('address-district').value;
    $('mailingAddress-street').value = $('address-street').value;
    setPostalCode('mailingAddress', $('address-district').value);
  };
  $('sameAsAddress').addEventListener('change', e => {
    for (const id of ['mailingAddress-district', 'mailingAddress-street']) $(id).disabled = e.target.checked;
    sync();
  });
  $('address-district').addEventListener('change', sync);
  $('address-street').addEventListener('input', sync);
  document.querySelectorAll('[data-field]').forEach(el => el.addEventListener('input', () => FormErrors.clearField(el.dataset.field)));
}

function setPostalCode(prefix, district) {
  const d = (state.reference?.districts || []).find(x => x.name === district);
  $(prefix + '-postalCode').value = d ? d.postalCode : '';
}

function number(id) {
  const v = $(id).value.trim();
  return v === '' ? null : Number(v);
}

function counts(key) {
  const male = number(`${key}-male`), female = number(`${key}-female`);
  return male === null && female === null ? null : { male, female };
}

function yesNo(key) {
  const checked = document.querySelector(`input[name="${key}"]:checked`);
  return checked ? checked.value === 'true' : null;
}

function address(prefix) {
  const district = $(prefix + '-district').value, street = $(prefix + '-street').value.trim();
  return district || street ? { district, street } : null;
}

function collect() {
  const v = id => $(id).value.trim();
  return {
    account: v('account'), password: $('password').value, passwordConfirm: $('passwordConfirm').value,
    unionName: v('unionName'), unionType: v('unionType'), unionTaxId: v('unionTaxId'), representative: v('representative'),
    industry: v('industry'), address: address('address'), mailingAddress: address('mailingAddress'), foundedOn: v('foundedOn'),
    members: counts('members'), memberRepresentatives: counts('memberRepresentatives'), directors: counts('directors'),
    supervisors: counts('supervisors'), memberUnions: $('memberUnions-field').hidden ? null : number('memberUnions'),
    contactName: v('contactName'), contactPhone: v('contactPhone'), fax: v('fax'), contactEmail: v('contactEmail'),
    contactEmailConfirm: v('contactEmailConfirm'), backupEmail: v('backupEmail'),
    harassmentPreventionDone: yesNo('harassmentPreventionDone'), genderOneThirdRule: yesNo('genderOneThirdRule'),
    joinedHigherUnion: yesNo('joinedHigherUnion'),
    documents: Uploads.references(state.uploads),
    captchaId: state.captchaId, captchaAnswer: v('captchaAnswer'),
    submissionId: state.submissionId,
  };
}

async function submit(event) {
  event.preventDefault();
  FormErrors.clearAll();
  if (Uploads.stillRunning()) return;
  const button = $('submit');
  button.disabled = true;
  button.textContent = '送出中…';
  const r = await Api.json('POST', '/api/registrations', collect());
  button.disabled = false;
  button.textContent = '送出';
  if (r.ok) {
    keepDraft = false;
    RegistrationDraft.clear();
    sessionStorage.setItem('registration-receipt', JSON.stringify(r.data));
    location.href = `/register/receipt.html?applicationId=${encodeURIComponent(r.data.applicationId)}`;
    return;
  }
  // the server used the captcha up, right or wrong: the next attempt needs a new one
  await refreshCaptcha();
  FormErrors.show(FormErrors.of(r));
}

function clearForm() {
  if (!confirm('確定要清除所有已填寫的資料與已上傳的檔案嗎？')) return;
  $('registration').reset();
  RegistrationDraft.clear();
  state.submissionId = newSubmissionId(); // a new form from here on
  // emptied in place: the upload fields hold this object
  for (const kind of Object.keys(state.uploads)) delete state.uploads[kind];
  for (const u of UPLOADS) Uploads.reset(u.kind);
  for (const c of COUNTS) $(`${c.key}-total`).value = 0;
  for (const li of $('password-rules').children) li.classList.remove('met');
  $('memberUnions-field').hidden = true;
  $('contactEmail-warning').textContent = '';
  for (const id of ['mailingAddress-district', 'mailingAddress-street']) $(id).disabled = false;
  FormErrors.clearAll();
  refreshCaptcha();
}
