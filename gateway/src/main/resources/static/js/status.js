// 查詢申請進度: the application's steps and, when the bureau returned it for supplements,
// the form that uploads the replacements and sends them with the registration's password.
'use strict';
const STEPS = [
  ['RECEIVED', '已收件'],
  ['UNDER_REVIEW', '文件已檢核，審查中'],
  ['DECIDED', '審查結果'],
  ['ACCOUNT_ACTIVATED', '帳號已開通'],
];
const PDF_ONLY = 'application/pdf,.pdf';
const PDF_OR_IMAGE = '.pdf,.jpg,.jpeg,.bmp';

/** The application shown, and the uploads of its supplement form (kind -> { uploadId, ticket }). */
const shown = { status: null, uploads: {} };

document.addEventListener('DOMContentLoaded', () => {
  const params = new URLSearchParams(location.search);
  document.getElementById('applicationId').value = params.get('applicationId') || '';
  document.getElementById('certificateNo').value = params.get('certificateNo') || '';
  document.getElementById('lookup').addEventListener('submit', e => { e.preventDefault(); lookup(); });
  document.getElementById('supplement-form').addEventListener('submit', submitSupplements);
  document.getElementById('supplement-password').addEventListener('input', () => FormErrors.clearField('password'));
  if (params.get('applicationId') && params.get('certificateNo')) lookup();
});

async function lookup() {
  const applicationId = document.getElementById('applicationId').value.trim();
  const certificateNo = document.getElementById('certificateNo').value.trim();
  const error = document.getElementById('lookup-error');
  error.textContent = '';
  document.getElementById('supplement-done').hidden = true;
  if (!applicationId || !certificateNo) { error.textContent = '請輸入申請案號與立案證書字號。'; return; }
  const r = await Api.json('GET', `/api/registrations/${encodeURIComponent(applicationId)}?certificateNo=${encodeURIComponent(certificateNo)}`);
  if (!r.ok) {
    error.textContent = r.problem.detail || Api.statusMessage(r.status);
    document.getElementById('result').hidden = true;
    document.getElementById('supplements').hidden = true;
    return;
  }
  render(r.data);
}

function render(s) {
  const order = { RECEIVED: 0, SUPPLEMENTS_RECEIVED: 1, UNDER_REVIEW: 1, RETURNED_FOR_SUPPLEMENTS: 2, APPROVED: 2, REJECTED: 2, ACCOUNT_ACTIVATED: 3 };
  const at = order[s.status] ?? 0;
  const decisionLabel = { RETURNED_FOR_SUPPLEMENTS: '退回補件', APPROVED: '審核通過，帳號開通中', REJECTED: '未通過' }[s.status];
  document.getElementById('result-title').textContent = `${s.unionName}（${s.applicationId}）：${s.statusLabel}`;
  document.getElementById('steps').innerHTML = STEPS.map(([key, label], i) => {
    let text = key === 'DECIDED' && decisionLabel ? decisionLabel : label;
    if (key === 'UNDER_REVIEW' && s.status === 'SUPPLEMENTS_RECEIVED') text = s.statusLabel;
    const cls = i < at || s.status === 'ACCOUNT_ACTIVATED' ? 'done' : i === at ? 'current' : '';
    return `<li class="${cls}"${i === at ? ' aria-current="step"' : ''}>${escapeHtml(text)}</li>`;
  }).join('');
  document.getElementById('email-confirmed').innerHTML = s.contactEmailConfirmed
    ? '<span class="ok">✓ 聯絡人電子郵件已確認</span>'
    : '<span class="warning">聯絡人電子郵件尚未確認：請開啟認證信中的連結。</span>';
  let detail = '';
  if (s.status === 'REJECTED' && s.rejectionReason) detail = `<div class="notice"><strong>未通過原因：</strong>${escapeHtml(s.rejectionReason)}</div>`;
  if (s.status === 'RETURNED_FOR_SUPPLEMENTS') detail = '<div class="notice">勞工局請貴會補正文件，請依下方「補正文件」說明重新上傳。</div>';
  if (s.status === 'SUPPLEMENTS_RECEIVED') {
    detail = `<div class="notice">已於 ${escapeHtml(formatDateTime(s.supplementsReceivedAt))} 收到貴會的補正文件，勞工局將重新檢核文件後繼續審查。</div>`;
  }
  if (s.status === 'ACCOUNT_ACTIVATED') detail = '<div class="notice">帳號已開通，請以立案證書字號及註冊時設定的密碼 <a href="/portal">登入</a>。</div>';
  document.getElementById('detail').innerHTML = detail;
  document.getElementById('copy-link').href = submissionCopyUrl(s.applicationId, s.certificateNo);
  document.getElementById('result').hidden = false;
  renderSupplements(s);
}

/** The supplement form, built afresh for the documents the bureau asked for. */
function renderSupplements(s) {
  shown.status = s;
  for (const kind of Object.keys(shown.uploads)) delete shown.uploads[kind];
  const section = document.getElementById('supplements');
  section.hidden = s.status !== 'RETURNED_FOR_SUPPLEMENTS';
  if (section.hidden) return;
  const note = document.getElementById('supplement-note');
  note.hidden = !s.supplementNote;
  note.innerHTML = s.supplementNote ? `<strong>承辦人說明：</strong>${escapeHtml(s.supplementNote)}` : '';
  // kinds become element ids: only the service's own names
  const fields = (s.supplementDocuments || []).filter(d => /^[A-Z_]+$/.test(d.kind)).map(d => ({
    kind: d.kind,
    label: d.label,
    required: true,
    accept: d.kind === 'CHARTER' ? PDF_ONLY : PDF_OR_IMAGE,
    hint: `補正原因：${d.reason || '（未註明）'}。${d.kind === 'CHARTER' ? '請上傳 PDF 檔' : '請上傳 PDF、JPG 或 BMP 檔'}`,
  }));
  document.getElementById('supplement-uploads').innerHTML = fields.map(Uploads.fieldHtml).join('');
  for (const u of fields) Uploads.wire(u, shown.uploads, () => FormErrors.clearField(`documents.${u.kind}`));
  document.getElementById('supplement-password').value = '';
}

async function submitSupplements(event) {
  event.preventDefault();
  FormErrors.clearAll();
  if (Uploads.stillRunning()) return;
  const s = shown.status;
  const button = document.getElementById('supplement-submit');
  const password = document.getElementById('supplement-password');
  button.disabled = true;
  button.textContent = '送出中…';
  const r = await Api.json('POST', `/api/registrations/${encodeURIComponent(s.applicationId)}/supplements`, {
    certificateNo: s.certificateNo,
    password: password.value,
    documents: Uploads.references(shown.uploads),
  });
  button.disabled = false;
  button.textContent = '送出補正文件';
  if (r.ok) {
    render(r.data);
    const done = document.getElementById('supplement-done');
    done.innerHTML = `<span class="ok">✓ 補正文件已送出。</span>目前狀態：${escapeHtml(r.data.statusLabel)}。勞工局將重新檢核文件，請留意本頁的審查進度。`;
    done.hidden = false;
    done.focus();
    return;
  }
  const errors = FormErrors.of(r);
  if (errors.some(e => e.field === 'password')) password.value = '';
  FormErrors.show(errors);
  // sent already (another tab) or no longer awaited: show where the application stands now
  if (r.status === 409) lookup();
}
