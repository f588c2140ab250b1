// A document of a case or a filing: its preview, which opens the larger viewer (#preview-dialog), and the original.
'use strict';

Object.assign(Review, (() => {
  const { h, $, call, label, time, setBusy, showProblem, clearProblems, terms } = Review;

  // ---- documents: a preview that opens the larger viewer (#preview-dialog on the page), and the original

  const previewUrl = uploadId => `/api/documents/${encodeURIComponent(uploadId)}/preview`;
  const contentUrl = uploadId => `/api/documents/${encodeURIComponent(uploadId)}/content`;

  /**
   * One document as figure.document[data-kind]: the preview button, the caption (name and facts),
   * the a.original link, then whatever the page adds (e.g. the findings list).
   * @param doc {kind, uploadId, name, facts, pages, attention}
   */
  function documentFigure(doc, ...extra) {
    const nameId = `document-name-${doc.kind}`;
    return h('figure', { class: doc.attention ? 'document attention' : 'document', 'data-kind': doc.kind },
      doc.uploadId ? previewButton(doc) : h('div', { class: 'no-preview' }, '未上傳'),
      h('figcaption', null, h('strong', { id: nameId }, doc.name), doc.facts || null),
      doc.uploadId ? h('a', { class: 'original', href: contentUrl(doc.uploadId), 'aria-describedby': nameId }, '開啟原檔') : null,
      ...extra);
  }

  function previewButton({ uploadId, name, pages }) {
    const image = h('img', {
      class: 'preview', src: previewUrl(uploadId), loading: 'lazy',
      alt: `「${name}」預覽${pages > 1 ? `（第 1 頁，共 ${pages} 頁）` : ''}`,
    });
    const button = h('button', { type: 'button', class: 'preview-button', title: '放大檢視', onclick: () => openPreview(uploadId, name) }, image);
    image.addEventListener('error', () => button.replaceWith(h('div', { class: 'no-preview' }, '無法產生預覽，請開啟原檔')));
    return button;
  }

  function openPreview(uploadId, name) {
    $('preview-dialog-title').textContent = name;
    $('preview-dialog-image').src = previewUrl(uploadId);
    $('preview-dialog-image').alt = `「${name}」預覽（放大）`;
    $('preview-dialog-original').href = contentUrl(uploadId);
    $('preview-dialog').showModal();
  }

  function wireViewer() {
    const viewer = $('preview-dialog');
    if (!viewer) return;
    $('preview-dialog-close').addEventListener('click', () => viewer.close());
    // a click on the dimmed backdrop (the dialog element itself, outside its content) closes the viewer
    viewer.addEventListener('click', event => { if (event.target === viewer) viewer.close(); });
  }

  wireViewer();

  return {
    previewUrl, contentUrl, documentFigure, openPreview,
  };
})());
