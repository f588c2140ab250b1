// The registration form's draft, kept in this browser while it is filled in: every field but the
// password, its confirmation and the captcha, and the uploads already made (their ids, tickets, file
// names and when the service lets them expire). Offered again when the form is opened; cleared when
// the application is sent or the form is cleared. Nothing of it leaves the browser.
'use strict';

const RegistrationDraft = (() => {
  const KEY = 'registration-draft';
  const NEVER_KEPT = new Set(['password', 'passwordConfirm', 'captchaAnswer']);

  function fields(form) {
    return [...form.elements].filter(el => !NEVER_KEPT.has(el.id) && !NEVER_KEPT.has(el.name)
      && (el.id || el.type === 'radio') && !['file', 'submit', 'button', 'reset'].includes(el.type)
      && el.tagName !== 'BUTTON' && el.tagName !== 'OUTPUT' && el.tagName !== 'FIELDSET');
  }

  /** Writes the form as it stands; uploads: { kind: { uploadId, ticket, name, size, expiresAt } }. */
  function save(form, uploads, submissionId) {
    const values = {};
    for (const el of fields(form)) {
      if (el.type === 'radio') { if (el.checked) values[`radio:${el.name}`] = el.value; }
      else if (el.type === 'checkbox') values[el.id] = el.checked;
      else values[el.id] = el.value;
    }
    try {
      localStorage.setItem(KEY, JSON.stringify({ savedAt: Date.now(), submissionId, values, uploads }));
    } catch (e) {
      // storage full or switched off: the form works as before, without a draft
    }
  }

  function load() {
    try {
      const draft = JSON.parse(localStorage.getItem(KEY) || 'null');
      return draft && draft.values ? draft : null;
    } catch (e) {
      return null;
    }
  }

  function clear() {
    try { localStorage.removeItem(KEY); } catch (e) { /* nothing kept */ }
  }

  /**
   * Puts the draft's values back and lets the form react as to typing (totals, postal codes,
   * the mailing address, the federation's field). Returns the uploads still valid for at least
   * ten more minutes, and the labels of those that expired.
   */
  function restore(form, draft) {
    for (const el of fields(form)) {
      if (el.type === 'radio') {
        el.checked = draft.values[`radio:${el.name}`] === el.value;
        continue;
      }
      if (!(el.id in draft.values)) continue;
      if (el.type === 'checkbox') el.checked = Boolean(draft.values[el.id]);
      else el.value = draft.values[el.id];
    }
    for (const el of fields(form)) {
      el.dispatchEvent(new Event(el.tagName === 'SELECT' || el.type === 'checkbox' ? 'change' : 'input', { bubbles: true }));
    }
    const usable = {}, expired = [];
    const soon = Date.now() + 10 * 60 * 1000;
    for (const [kind, upload] of Object.entries(draft.uploads || {})) {
      if (upload.expiresAt && Date.parse(upload.expiresAt) > soon) usable[kind] = upload;
      else expired.push(kind);
    }
    return { usable, expired };
  }

  return { save, load, clear, restore };
})();
