// The upload widget: a file field that sends its file at once, with progress, to the document service.
// Needs api.js, format.js and problems.js.
'use strict';

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
