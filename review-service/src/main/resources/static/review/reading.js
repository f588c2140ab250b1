// The case page's 立案證書判讀 section: what document-service read on the registration certificate,
// beside what the form says, with the read values marked on the page's image (boxes in fractions of
// the page, so they sit on a preview of any size). An aid; the officer decides.
'use strict';

const CertificateReadingPanel = (() => {
  const { h, previewUrl, openPreview } = Review;

  const READING_FIELDS = [
    { key: 'number', label: '立案證書字號', match: 'numberMatch', form: v => v.certificateNo },
    { key: 'unionName', label: '工會名稱', match: 'nameMatch', form: v => v.unionName },
    { key: 'issuer', label: '發證機關', match: 'issuerMatch', form: () => '新北市政府' },
    { key: 'issuedOn', label: '核准日期', match: null, form: () => null },
  ];
  const MATCH_LABELS = { EQUAL: '相符', SIMILAR: '近似', DIFFERENT: '不符', UNREADABLE: '無法辨識' };
  const NOT_READ = {
    READER_UNAVAILABLE: '未判讀：本系統未安裝文字辨識元件。',
    TIMED_OUT: '未判讀：辨識逾時。',
    NOT_RENDERED: '未判讀：檔案無法顯示。',
    FAILED: '未判讀：辨識失敗。',
  };

  /** Fills body with the reading of the registration certificate of the case v (a CaseView). */
  function render(body, v) {
    const scan = (v.documents || []).find(d => d.kind === 'CERTIFICATE_SCAN' && d.uploadId);
    if (!scan) return body.replaceChildren(h('p', { class: 'unavailable' }, '未上傳立案證書。'));
    if (!scan.verified) return body.replaceChildren(h('p', { class: 'pending' }, '判讀中…'));
    const r = scan.reading;
    if (!r || r.outcome !== 'READ') {
      return body.replaceChildren(h('p', { class: 'unavailable', 'data-not-read': r ? r.notRead : 'NONE' },
        (r && NOT_READ[r.notRead]) || '未判讀。'));
    }
    const rows = READING_FIELDS.map(f => readingRow(f, r, v));
    const page = h('div', { class: 'reading-page' },
      h('button', { type: 'button', title: '放大檢視', onclick: () => openPreview(scan.uploadId, scan.label || '立案證書') },
        h('img', { src: previewUrl(scan.uploadId), alt: '立案證書（標示辨識位置）' })),
      ...READING_FIELDS.filter(f => r[f.key] && r[f.key].box).map(f => readingBox(f, r)));
    body.replaceChildren(
      h('div', { class: 'reading' }, page,
        h('div', null,
          h('table', { class: 'reading-table' },
            h('thead', null, h('tr', null, h('th', { scope: 'col' }, '項目'), h('th', { scope: 'col' }, '證書上讀到'),
              h('th', { scope: 'col' }, '申請書'), h('th', { scope: 'col' }, '比對'))),
            h('tbody', null, ...rows)),
          h('p', { class: 'note' }, `辨識信心 ${r.confidence}%・耗時 ${(r.millis / 1000).toFixed(1)} 秒`))));
  }

  function readingRow(f, r, v) {
    const read = r[f.key];
    const match = f.match ? r[f.match] : null;
    const differences = f.key === 'unionName' && (r.nameDifferences || []).length
      ? h('span', { class: 'differences' }, `（相異字：${r.nameDifferences.join('、')}）`) : null;
    const text = read ? [read.text, f.key === 'issuedOn' && r.issuedOnIso ? `（${r.issuedOnIso}）` : null].filter(Boolean).join('') : '（未讀到）';
    return h('tr', { 'data-field': f.key, class: match ? match.toLowerCase() : null },
      h('th', { scope: 'row' }, f.label),
      h('td', { class: 'read' }, text, read ? h('span', { class: 'confidence' }, ` ${read.confidence}%`) : null),
      h('td', null, f.form(v) || '—'),
      h('td', { class: 'match' }, match ? MATCH_LABELS[match] || match : '—', differences));
  }

  function readingBox(f, r) {
    const { x, y, width, height } = r[f.key].box;
    const match = f.match ? r[f.match] : 'EQUAL';
    const percent = n => `${(n * 100).toFixed(2)}%`;
    const box = h('span', {
      class: `reading-box ${String(match).toLowerCase()}`, 'data-field': f.key, title: `${f.label}：${r[f.key].text}`,
    });
    // set as properties, not a style attribute: nothing inline for a content security policy to refuse
    Object.assign(box.style, { left: percent(x), top: percent(y), width: percent(width), height: percent(height) });
    return box;
  }

  return { render };
})();
