// Shared helpers of the union pages: API calls through the gateway and problem-details errors.
'use strict';

const Api = {
  /** Gateway CSRF: only requests carrying the browser session need the token. */
  csrfHeaders() {
    const m = document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]+)/);
    return m ? { 'X-XSRF-TOKEN': decodeURIComponent(m[1]) } : {};
  },

  /** A call not answered within this time ends with a message instead of a page that waits forever. */
  TIMEOUT_MS: 30_000,

  async json(method, url, body) {
    const headers = { Accept: 'application/json, application/problem+json', ...Api.csrfHeaders() };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), Api.TIMEOUT_MS);
    let response, text;
    try {
      response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: timeout.signal });
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
 * progress bar), used by the registration form, the supplement form of the status page and
 * the union-affairs filing form.
 * A field u = { kind, label, hint, accept, required, idPrefix?, fieldPrefix? }; its elements are
 * PREFIX-KIND and PREFIX-KIND-hint/-progress/-info/-remove/-error (PREFIX = idPrefix, default
 * "file"); its server errors are FIELDPREFIX.KIND (default "documents", as the registration API
 * names them). Accepted uploads go into `store` (kind -> { uploadId, ticket }): the ticket from the
 * upload's answer goes with the id when the form is sent (Uploads.references), so the service that
 * takes the form knows the upload without asking the document service.
 */
const Uploads = {
  MAX_BYTES: 10 * 1024 * 1024,
  TYPE_LABELS: { 'application/pdf': 'PDF', 'image/jpeg': 'JPG', 'image/bmp': 'BMP' },

  /** The id of one of the field's elements, e.g. id(u, '-info'). */
  id(u, suffix = '') {
    return `${u.idPrefix || 'file'}-${u.kind}${suffix}`;
  },

  fieldHtml(u) {
    const mark = u.required ? '<span class="required-mark" aria-hidden="true">*</span>' : '';
    const id = suffix => Uploads.id(u, suffix);
    return `
    <div class="field upload" id="upload-${u.kind}">
      <label for="${id()}">${mark}${escapeHtml(u.label)}</label>
      <span class="hint" id="${id('-hint')}">${escapeHtml(u.hint)}，檔案不能超過 10MB</span>
      <input type="file" id="${id()}" data-field="${u.fieldPrefix || 'documents'}.${u.kind}" accept="${escapeHtml(u.accept)}"
             aria-describedby="${id('-hint')} ${id('-info')} ${id('-error')}">
      <progress id="${id('-progress')}" max="100" value="0" hidden aria-label="${escapeHtml(u.label)}上傳進度"></progress>
      <span class="info" id="${id('-info')}" aria-live="polite"></span>
      <button type="button" class="secondary small" id="${id('-remove')}" hidden>移除</button>
      <span id="${id('-error')}" class="error" aria-live="polite"></span>
    </div>`;
  },

  /** Uploads on every file choice, removes on 移除; onAccepted() runs after a file was accepted. */
  wire(u, store, onAccepted) {
    document.getElementById(Uploads.id(u)).addEventListener('change', e => Uploads.send(u, e.target.files[0], store, onAccepted));
    document.getElementById(Uploads.id(u, '-remove')).addEventListener('click', () => Uploads.remove(u.kind, store, u.idPrefix));
  },

  /** Uploads under way: a form is not sent while a file it names is still on its way. */
  running: 0,

  /** Shows why the form waits and returns true while an upload runs. */
  stillRunning() {
    if (Uploads.running === 0) return false;
    FormErrors.show([{ field: null, message: '檔案仍在上傳中，請等上傳完成（顯示「已上傳」）後再送出。' }]);
    return true;
  },

  send(u, file, store, onAccepted) {
    const el = suffix => document.getElementById(Uploads.id(u, suffix));
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
    Uploads.running++;
    xhr.onloadend = () => { Uploads.running--; };
    xhr.onerror = () => { progress.hidden = true; info.textContent = ''; error.textContent = '上傳失敗：無法連線，請再試一次。'; };
    xhr.onload = () => {
      progress.hidden = true;
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
      if (xhr.status === 201 && body) {
        store[u.kind] = { uploadId: body.uploadId, ticket: body.ticket, name: file.name, size: body.size, expiresAt: body.expiresAt };
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

  /**
   * A file uploaded earlier (kept in a saved draft: { uploadId, ticket }, and from this browser's own
   * draft also name, size, expiresAt): shown as attached, removable and replaceable.
   */
  showAttached(u, store, attached) {
    store[u.kind] = { ...attached };
    const kept = attached.expiresAt ? `，保留至 ${formatDateTime(attached.expiresAt)}，逾時須重新上傳` : '';
    const name = attached.name ? `：${escapeHtml(attached.name)}${attached.size ? `（${formatBytes(attached.size)}）` : ''}` : '';
    document.getElementById(Uploads.id(u, '-info')).innerHTML = `<span class="ok">✓ 已附檔案</span>${name}（先前上傳${kept}）。要更換請重新選擇檔案。`;
    document.getElementById(Uploads.id(u, '-remove')).hidden = false;
  },

  /**
   * The store's uploads as the APIs take them: [{ kind, uploadId, ticket }]. The ticket also tells the file's name,
   * size and SHA-256 as document-service stored it (registration-service prints them on the 送件副本).
   */
  references(store) {
    return Object.entries(store).map(([kind, u]) => ({ kind, uploadId: u.uploadId, ticket: u.ticket }));
  },

  remove(kind, store, idPrefix = 'file') {
    const el = suffix => document.getElementById(Uploads.id({ kind, idPrefix }, suffix));
    delete store[kind];
    el('').value = '';
    el('-info').textContent = '已移除，請重新選擇檔案。';
    el('-remove').hidden = true;
  },

  /** Back to an empty field (the page clears its store itself). */
  reset(kind, idPrefix = 'file') {
    const el = suffix => document.getElementById(Uploads.id({ kind, idPrefix }, suffix));
    el('').value = '';
    el('-info').textContent = '';
    el('-remove').hidden = true;
  },
};

/**
 * The server's refusals shown as the forms show them: each message beside its field (the
 * element with data-field = the violation's field, its .error span) and all of them in the
 * summary at the top (#summary with #summary-list), linked to their fields.
 */
const FormErrors = {
  /**
   * The element of a field: the one named so, else its first part (a group's error, e.g.
   * members -> members.male, address -> address.district), else the nearest enclosing
   * group's (form.directors[2].name -> form.directors.2.name -> ... -> form.directors).
   */
  elementFor(field) {
    if (!field) return null;
    let name = String(field).replace(/\[(\d+)\]/g, '.$1');
    while (name) {
      const el = document.querySelector(`[data-field="${CSS.escape(name)}"]`)
        || document.querySelector(`[data-field^="${CSS.escape(name + '.')}"]`);
      if (el) return el;
      name = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : '';
    }
    return null;
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

/** The submission copy (送件副本, a PDF) of a registration: asked with both numbers, as the status look-up. */
function submissionCopyUrl(applicationId, certificateNo) {
  return `/api/registrations/${encodeURIComponent(applicationId)}/copy.pdf?certificateNo=${encodeURIComponent(certificateNo)}`;
}

/** A date in Taipei as 2026/11/27: a calendar date (2026-11-27) as it is, an instant converted. */
function formatDate(value) {
  if (!value) return '';
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) return `${day[1]}/${day[2]}/${day[3]}`;
  return new Date(value).toLocaleDateString('zh-TW', { timeZone: 'Asia/Taipei', year: 'numeric', month: '2-digit', day: '2-digit' });
}

/** 220 新北市板橋區文化路一段 1 號 (the city is always New Taipei City's). */
function formatAddress(a) {
  if (!a) return '';
  return [a.postalCode, (a.city || '新北市') + (a.district || '') + (a.street || '')].filter(Boolean).join(' ');
}

/** Shared pieces of the union-affairs pages (the list /portal/affairs and one filing /portal/filing.html). */
const Filings = {
  LIST_PAGE: '/portal/affairs',

  pageOf(filingId) {
    return `/portal/filing.html?id=${encodeURIComponent(filingId)}`;
  },

  newPageOf(type) {
    return `/portal/filing.html?type=${encodeURIComponent(type)}`;
  },

  /** The status as a badge; the code picks the colour, the server's label is the text. */
  statusHtml(f) {
    const code = /^[A-Z_]+$/.test(f.status || '') ? f.status : 'UNKNOWN';
    return `<span class="status status-${code}">${escapeHtml(f.statusLabel || f.status)}</span>`;
  },

  /** 第 2 次送件, or nothing before the first submission. */
  roundText(f) {
    return f.round > 0 ? `第 ${f.round} 次送件` : '';
  },

  /**
   * The deadline of a filing that has one: its date and either the days left or a 逾期 mark
   * (words, not colour only). The service counts days only until the first submission
   * (daysLeft null after it): from then on only whether that was late matters.
   */
  deadlineHtml(f) {
    if (!f.dueBy) return '';
    const date = escapeHtml(formatDate(f.dueBy));
    const counting = f.daysLeft !== null && f.daysLeft !== undefined;
    if (f.overdue) {
      const late = counting ? `已逾期 ${escapeHtml(-f.daysLeft)} 天` : '逾期送出';
      return `${date} <strong class="due overdue">逾期</strong><span class="due overdue">（${late}）</span>`;
    }
    if (!counting) return `${date} <span class="due">期限內送出</span>`;
    if (f.daysLeft === 0) return `${date} <strong class="due soon">今天到期</strong>`;
    const soon = f.daysLeft <= 7 ? ' soon' : '';
    return `${date} <span class="due${soon}">剩 ${escapeHtml(f.daysLeft)} 天</span>`;
  },

  /** A refusal's words for the page: the server's detail, or what its status means. */
  problemText(r) {
    if (r.problem && r.problem.detail) return r.problem.detail;
    if (r.status === 401) return '登入已逾時，請重新整理頁面並再次登入。';
    if (r.status === 403) return '此帳號不能使用工會會務申請或備查，請以工會帳號登入。';
    if (r.status === 404) return '查無資料。';
    return Api.statusMessage(r.status);
  },

  /** GETs what a page needs at once; the first refusal, if any, is for the page to show. */
  async loadAll(urls) {
    const results = await Promise.all(urls.map(url => Api.json('GET', url)));
    return { results, refused: results.find(r => !r.ok) || null };
  },
};
