// The API client of every page, the union pages' and the officers': JSON and multipart calls that carry the
// gateway's CSRF token, end with a message instead of waiting for ever, and answer { ok, status, data } or
// { ok: false, status, problem } (RFC 9457 problem details; status 0 when no answer came).
'use strict';

const Api = {
  /** Gateway CSRF: only requests carrying the browser session need the token. */
  csrfHeaders() {
    const m = document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]+)/);
    return m ? { 'X-XSRF-TOKEN': decodeURIComponent(m[1]) } : {};
  },

  /** A JSON call not answered within this time ends with a message instead of a page that waits forever. */
  TIMEOUT_MS: 30_000,

  json(method, url, body) {
    return body === undefined
      ? Api.send(method, url, undefined, {}, Api.TIMEOUT_MS)
      : Api.send(method, url, JSON.stringify(body), { 'Content-Type': 'application/json' }, Api.TIMEOUT_MS);
  },

  /** A form with files (the register's import, a seal): no time limit, a large file may take long. */
  multipart(method, url, formData) {
    return Api.send(method, url, formData, {}, 0);
  },

  async send(method, url, body, headers, timeoutMs) {
    const all = { Accept: 'application/json, application/problem+json', ...Api.csrfHeaders(), ...headers };
    const timeout = new AbortController();
    const timer = timeoutMs ? setTimeout(() => timeout.abort(), timeoutMs) : null;
    let response, text;
    try {
      response = await fetch(url, { method, headers: all, body, signal: timeout.signal });
      text = await response.text();
    } catch (e) {
      const detail = timeout.signal.aborted ? '系統回應逾時，請稍後再試。' : '無法連線，請檢查網路後再試一次。';
      return { ok: false, status: 0, problem: { detail } };
    } finally {
      clearTimeout(timer);
    }
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
    if (response.ok) return { ok: true, status: response.status, data };
    const problem = data && typeof data === 'object' && (data.detail || data.title || data.errors)
      ? data : { detail: Api.statusMessage(response.status) };
    return { ok: false, status: response.status, problem };
  },

  statusMessage(status) {
    if (status === 413) return '檔案太大，請分批上傳或縮小檔案。';
    if (status === 429) return '送出太頻繁，請稍候再試。';
    if (status >= 500) return '系統暫時無法處理，請稍後再試。';
    return '送出的資料有誤，請檢查後再試。';
  },
};
