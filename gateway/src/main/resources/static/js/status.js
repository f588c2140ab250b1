'use strict';
const STEPS = [
  ['RECEIVED', '已收件'],
  ['UNDER_REVIEW', '文件已檢核，審查中'],
  ['DECIDED', '審查結果'],
  ['ACCOUNT_ACTIVATED', '帳號已開通'],
];

document.addEventListener('DOMContentLoaded', () => {
  const params = new URLSearchParams(location.search);
  document.getElementById('applicationId').value = params.get('applicationId') || '';
  document.getElementById('certificateNo').value = params.get('certificateNo') || '';
  document.getElementById('lookup').addEventListener('submit', e => { e.preventDefault(); lookup(); });
  if (params.get('applicationId') && params.get('certificateNo')) lookup();
});

async function lookup() {
  const applicationId = document.getElementById('applicationId').value.trim();
  const certificateNo = document.getElementById('certificateNo').value.trim();
  const error = document.getElementById('lookup-error');
  error.textContent = '';
  if (!applicationId || !certificateNo) { error.textContent = '請輸入申請案號與立案證書字號。'; return; }
  const r = await Api.json('GET', `/api/registrations/${encodeURIComponent(applicationId)}?certificateNo=${encodeURIComponent(certificateNo)}`);
  if (!r.ok) { error.textContent = r.problem.detail || Api.statusMessage(r.status); document.getElementById('result').hidden = true; return; }
  render(r.data);
}

function render(s) {
  const order = { RECEIVED: 0, UNDER_REVIEW: 1, RETURNED_FOR_SUPPLEMENTS: 2, APPROVED: 2, REJECTED: 2, ACCOUNT_ACTIVATED: 3 };
  const at = order[s.status] ?? 0;
  const decisionLabel = { RETURNED_FOR_SUPPLEMENTS: '退回補件', APPROVED: '審核通過，帳號開通中', REJECTED: '未通過' }[s.status];
  document.getElementById('result-title').textContent = `${s.unionName}（${s.applicationId}）：${s.statusLabel}`;
  document.getElementById('steps').innerHTML = STEPS.map(([key, label], i) => {
    const text = key === 'DECIDED' && decisionLabel ? decisionLabel : label;
    const cls = i < at || s.status === 'ACCOUNT_ACTIVATED' ? 'done' : i === at ? 'current' : '';
    return `<li class="${cls}"${i === at ? ' aria-current="step"' : ''}>${escapeHtml(text)}</li>`;
  }).join('');
  document.getElementById('email-confirmed').innerHTML = s.contactEmailConfirmed
    ? '<span class="ok">✓ 聯絡人電子郵件已確認</span>'
    : '<span class="warning">聯絡人電子郵件尚未確認：請開啟認證信中的連結。</span>';
  let detail = '';
  if (s.status === 'REJECTED' && s.rejectionReason) detail = `<div class="notice"><strong>未通過原因：</strong>${escapeHtml(s.rejectionReason)}</div>`;
  if (s.status === 'RETURNED_FOR_SUPPLEMENTS') {
    const docs = (s.supplementDocuments || []).map(d => `<li>${escapeHtml(d.kind)}：${escapeHtml(d.reason)}</li>`).join('');
    detail = `<div class="notice"><strong>請補正以下文件：</strong><ul>${docs}</ul>${escapeHtml(s.supplementNote || '')}</div>`;
  }
  if (s.status === 'ACCOUNT_ACTIVATED') detail = '<div class="notice">帳號已開通，請以立案證書字號及註冊時設定的密碼 <a href="/portal">登入</a>。</div>';
  document.getElementById('detail').innerHTML = detail;
  document.getElementById('result').hidden = false;
}
