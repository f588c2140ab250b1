'use strict';
document.addEventListener('DOMContentLoaded', async () => {
  const params = new URLSearchParams(location.search);
  const applicationId = params.get('applicationId'), token = params.get('token');
  const message = document.getElementById('message');
  if (!applicationId || !token) { message.textContent = '連結不完整，請直接點選認證信中的連結。'; return; }
  const r = await Api.json('POST', `/api/registrations/${encodeURIComponent(applicationId)}/email-confirmation`, { token });
  if (r.ok) {
    message.innerHTML = `<span class="ok">✓ 已確認聯絡人電子郵件。</span>申請案號 ${escapeHtml(applicationId)} 將進入審查，結果會寄到此信箱。`;
    document.getElementById('status-link').href = `/register/status.html?applicationId=${encodeURIComponent(applicationId)}&certificateNo=${encodeURIComponent(r.data.certificateNo)}`;
  } else {
    message.textContent = r.problem.detail || Api.statusMessage(r.status);
  }
});
