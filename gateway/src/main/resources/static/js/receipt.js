'use strict';
document.addEventListener('DOMContentLoaded', () => {
  const params = new URLSearchParams(location.search);
  let receipt = null;
  try { receipt = JSON.parse(sessionStorage.getItem('registration-receipt')); } catch (e) { receipt = null; }
  if (!receipt || receipt.applicationId !== params.get('applicationId')) {
    receipt = { applicationId: params.get('applicationId') || '' };
  }
  const set = (id, value) => { document.getElementById(id).textContent = value || '—'; };
  set('applicationId', receipt.applicationId);
  set('certificateNo', receipt.certificateNo);
  set('unionName', receipt.unionName);
  set('submittedAt', formatDateTime(receipt.submittedAt));
  set('statusLabel', receipt.statusLabel);
  document.getElementById('warnings').textContent = (receipt.warnings || []).join(' ');
  if (receipt.certificateNo) {
    document.getElementById('status-link').href = `/register/status.html?applicationId=${encodeURIComponent(receipt.applicationId)}&certificateNo=${encodeURIComponent(receipt.certificateNo)}`;
    const copy = document.getElementById('copy-link');
    copy.href = submissionCopyUrl(receipt.applicationId, receipt.certificateNo);
    copy.hidden = false;
  }
});
