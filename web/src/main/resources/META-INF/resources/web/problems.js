// A refused request shown to the person who sent it. Two displays, one per kind of page:
// - FormErrors, the union forms': each message beside its field and all of them in the error summary
//   at the top (GOV.UK style: #summary with #summary-list, each message a link to its field);
// - Problems, the officers' panels: the detail and every message in the panel's alert area, each message
//   also under its field.
// Needs dom.js.
'use strict';

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

const Problems = {
  /** Empties the alert and takes the marks off the fields of `scope`. */
  clear(scope, alert) {
    if (alert) alert.replaceChildren();
    scope.querySelectorAll('[aria-invalid=true]').forEach(el => el.removeAttribute('aria-invalid'));
    scope.querySelectorAll('.error[data-field-error]').forEach(el => { el.textContent = ''; });
  },

  /** Shows one message under a field; the error element is {id}-error, created when the page has none. */
  fieldError(target, message) {
    let error = Dom.byId(target.id + '-error');
    if (!error) {
      error = Dom.h('p', { id: target.id + '-error', class: 'error' });
      target.after(error);
    }
    error.setAttribute('data-field-error', '');
    error.textContent = error.textContent ? error.textContent + ' ' + message : message;
    if (/^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) {
      target.setAttribute('aria-invalid', 'true');
      const described = (target.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
      if (!described.includes(error.id)) target.setAttribute('aria-describedby', [...described, error.id].join(' '));
    }
  },

  /**
   * @param fieldId maps a problem's field name (e.g. "documents[0].reason") to an element id, or null
   * @returns the first element with an error (to move the focus there), or the alert
   */
  show(problem, alert, fieldId = () => null) {
    const p = problem || {};
    const errors = Array.isArray(p.errors) ? p.errors : [];
    const detail = p.detail || p.title || Api.statusMessage(p.status || 400);
    alert.replaceChildren(Dom.h('p', { class: 'detail' }, detail));
    const messages = errors.map(e => e.message).filter(m => m && m !== detail);
    if (messages.length) alert.append(Dom.h('ul', null, messages.map(m => Dom.h('li', null, m))));
    let first = null;
    for (const e of errors) {
      const id = e.field ? fieldId(e.field) : null;
      const target = id && Dom.byId(id);
      if (!target) continue;
      Problems.fieldError(target, e.message);
      first = first || target;
    }
    return first || alert;
  },
};
