// Shared helpers of the union pages: API calls through the gateway and problem-details errors.
'use strict';

const Api = {
  /** Gateway CSRF: only requests carrying the browser session need the token. */
  csrfHeaders() {
    const m = document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]+)/);
    return m ? { 'X-XSRF-TOKEN': decodeURIComponent(m[1]) } : {};
  },

  async json(method, url, body) {
    const headers = { Accept: 'application/json, application/problem+json', ...Api.csrfHeaders() };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response;
    try {
      response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (e) {
      return { ok: false, status: 0, problem: { detail: '無法連線，請檢查網路後再試一次。' } };
    }
    const text = await response.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
    if (response.ok) return { ok: true, status: response.status, data };
    return { ok: false, status: response.status, problem: data || { detail: Api.statusMessage(response.status) } };
  },

  statusMessage(status) {
    if (status === 429) return '送出太頻繁，請稍候再試。';
    if (status >= 500) return '系統暫時無法處理，請稍後再試。';
    return '送出的資料有誤，請檢查後再試。';
  },
};

function formatBytes(n) {
  if (n < 1024) return n + ' B';
  if (n < 1024 * 1024) return (n / 1024).toFixed(1) + ' KB';
  return (n / 1024 / 1024).toFixed(2) + ' MB';
}

function escapeHtml(s) {
  return String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

function formatDateTime(iso) {
  if (!iso) return '';
  return new Date(iso).toLocaleString('zh-TW', { timeZone: 'Asia/Taipei', hour12: false });
}
