// Building the pages' elements without markup strings, and the labels the server wrote into the page.
'use strict';

const Dom = {
  /**
   * Builds an element. Children are nodes or plain strings (added as text, never parsed as
   * HTML, so server text cannot inject markup). Attributes that are null/false are left out.
   */
  h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
      else el.setAttribute(name === 'className' ? 'class' : name, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      el.append(child instanceof Node ? child : String(child));
    }
    return el;
  },

  byId: id => document.getElementById(id),

  /**
   * The zh-TW labels of codes the APIs send (documentKinds, unionTypes), as the layout wrote them
   * into body[data-labels] from the event contracts, the one place they are kept.
   */
  labels: (() => {
    let parsed = null;
    return () => {
      if (!parsed) {
        try { parsed = JSON.parse(document.body.dataset.labels || '{}'); } catch (e) { parsed = {}; }
      }
      return parsed;
    };
  })(),

  /** The label of a code in one of the tables, or the code itself when it has none. */
  label(table, code) {
    return (code && (Dom.labels()[table] || {})[code]) || code || '';
  },
};
