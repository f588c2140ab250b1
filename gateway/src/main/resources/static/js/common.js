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

/**
 * File fields that upload at once to the document service (one file per request, with a
 * progress bar), used by the registration form and the supplement form of the status page.
 * A field u = { kind, label, hint, accept, required }; its elements are file-KIND and
 * file-KIND-hint/-progress/-info/-remove/-error. Accepted upload ids go into `store` (kind -> id).
 */
const Uploads = {
  MAX_BYTES: 10 * 1024 * 1024,
  TYPE_LABELS: { 'application/pdf': 'PDF', 'image/jpeg': 'JPG', 'image/bmp': 'BMP' },

  fieldHtml(u) {
    const mark = u.required ? '<span class="required-mark" aria-hidden="true">*</span>' : '';
    return `
    <div class="field upload" id="upload-${u.kind}">
      <label for="file-${u.kind}">${mark}${escapeHtml(u.label)}</label>
      <span class="hint" id="file-${u.kind}-hint">${escapeHtml(u.hint)}，檔案不能超過 10MB</span>
      <input type="file" id="file-${u.kind}" data-field="documents.${u.kind}" accept="${escapeHtml(u.accept)}"
             aria-describedby="file-${u.kind}-hint file-${u.kind}-info file-${u.kind}-error">
      <progress id="file-${u.kind}-progress" max="100" value="0" hidden aria-label="${escapeHtml(u.label)}上傳進度"></progress>
      <span class="info" id="file-${u.kind}-info" aria-live="polite"></span>
      <button type="button" class="secondary small" id="file-${u.kind}-remove" hidden>移除</button>
      <span id="file-${u.kind}-error" class="error" aria-live="polite"></span>
    </div>`;
  },

  /** Uploads on every file choice, removes on 移除; onAccepted() runs after a file was accepted. */
  wire(u, store, onAccepted) {
    document.getElementById(`file-${u.kind}`).addEventListener('change', e => Uploads.send(u, e.target.files[0], store, onAccepted));
    document.getElementById(`file-${u.kind}-remove`).addEventListener('click', () => Uploads.remove(u.kind, store));
  },

  send(u, file, store, onAccepted) {
    const el = suffix => document.getElementById(`file-${u.kind}${suffix}`);
    const input = el(''), error = el('-error'), info = el('-info'), progress = el('-progress');
    delete store[u.kind];
    error.textContent = '';
    info.textContent = '';
    input.removeAttribute('aria-invalid');
    if (!file) return;
    if (file.size > Uploads.MAX_BYTES) {
      error.textContent = `檔案太大（${formatBytes(file.size)}），每個檔案不能超過 10MB。`;
      input.setAttribute('aria-invalid', 'true');
      return;
    }
    const form = new FormData();
    form.append('kind', u.kind);
    form.append('file', file);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/documents');
    for (const [k, v] of Object.entries(Api.csrfHeaders())) xhr.setRequestHeader(k, v);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    progress.hidden = false;
    progress.value = 0;
    info.textContent = `上傳中：${file.name}`;
    xhr.upload.onprogress = e => { if (e.lengthComputable) progress.value = Math.round(e.loaded * 100 / e.total); };
    xhr.onerror = () => { progress.hidden = true; info.textContent = ''; error.textContent = '上傳失敗：無法連線，請再試一次。'; };
    xhr.onload = () => {
      progress.hidden = true;
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
      if (xhr.status === 201 && body) {
        store[u.kind] = body.uploadId;
        info.innerHTML = `<span class="ok">✓ 已上傳</span>：${escapeHtml(file.name)}（${Uploads.TYPE_LABELS[body.detectedType] || escapeHtml(body.detectedType)}，${formatBytes(body.size)}）。要更換請重新選擇檔案。`;
        el('-remove').hidden = false;
        if (onAccepted) onAccepted();
      } else {
        info.textContent = '';
        const message = body && body.errors && body.errors[0] ? body.errors[0].message : (body && body.detail) || Api.statusMessage(xhr.status);
        error.textContent = `檔案未被接受：${message}`;
        input.setAttribute('aria-invalid', 'true');
        input.value = '';
      }
    };
    xhr.send(form);
  },

  remove(kind, store) {
    delete store[kind];
    document.getElementById(`file-${kind}`).value = '';
    document.getElementById(`file-${kind}-info`).textContent = '已移除，請重新選擇檔案。';
    document.getElementById(`file-${kind}-remove`).hidden = true;
  },

  /** Back to an empty field (the page clears its store itself). */
  reset(kind) {
    document.getElementById(`file-${kind}`).value = '';
    document.getElementById(`file-${kind}-info`).textContent = '';
    document.getElementById(`file-${kind}-remove`).hidden = true;
  },
};

/**
 * The server's refusals shown as the forms show them: each message beside its field (the
 * element with data-field = the violation's field, its .error span) and all of them in the
 * summary at the top (#summary with #summary-list), linked to their fields.
 */
const FormErrors = {
  /** The element of a field; a count's total (members.total) has none and shows on its first input (members.male). */
  elementFor(field) {
    if (!field) return null;
    return document.querySelector(`[data-field="${CSS.escape(field)}"]`)
      || document.querySelector(`[data-field="${CSS.escape(field.split('.')[0] + '.male')}"]`);
  },

  errorSpanFor(field) {
    const el = FormErrors.elementFor(field);
    return el ? el.closest('.field, fieldset')?.querySelector('.error') || null : null;
  },

  showField(e) {
    const span = FormErrors.errorSpanFor(e.field);
    const el = FormErrors.elementFor(e.field);
    if (el) el.setAttribute('aria-invalid', 'true');
    if (span) span.textContent = span.textContent ? span.textContent + ' ' + e.message : e.message;
  },

  clearField(field) {
    const el = FormErrors.elementFor(field);
    if (!el) return;
    el.removeAttribute('aria-invalid');
    const span = FormErrors.errorSpanFor(field);
    if (span) span.textContent = '';
  },

  clearAll() {
    document.querySelectorAll('.error').forEach(s => { s.textContent = ''; });
    document.querySelectorAll('[aria-invalid]').forEach(el => el.removeAttribute('aria-invalid'));
    document.getElementById('summary').hidden = true;
  },

  labelOf(field) {
    const el = FormErrors.elementFor(field);
    if (!el) return '';
    const fieldset = el.closest('fieldset');
    const label = el.id ? document.querySelector(`label[for="${el.id}"]`) : null;
    const text = (fieldset && fieldset.querySelector('legend')?.textContent) || label?.textContent || '';
    return text.replace('*', '').trim();
  },

  /** Every error beside its field and in the summary, which takes the focus. */
  show(errors) {
    errors.forEach(FormErrors.showField);
    FormErrors.showSummary(errors);
  },

  showSummary(errors) {
    const summary = document.getElementById('summary');
    document.getElementById('summary-list').innerHTML = errors.map(e => {
      const el = FormErrors.elementFor(e.field);
      const label = FormErrors.labelOf(e.field);
      const text = escapeHtml((label ? label + '：' : '') + e.message);
      return el && el.id ? `<li><a href="#${el.id}">${text}</a></li>` : `<li>${text}</li>`;
    }).join('');
    summary.hidden = false;
    summary.focus();
    summary.scrollIntoView({ behavior: 'smooth', block: 'start' });
  },

  /** The errors of a refused request: its field violations, or its detail as one general error. */
  of(r) {
    return r.problem.errors || [{ field: null, message: r.problem.detail || Api.statusMessage(r.status) }];
  },
};
