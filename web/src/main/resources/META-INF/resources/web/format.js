// How the pages write sizes, times, dates (both calendars) and addresses, and text made safe for markup.
'use strict';

function formatBytes(n) {
  if (n < 1024) return n + ' B';
  if (n < 1024 * 1024) return (n / 1024).toFixed(1) + ' KB';
  return (n / 1024 / 1024).toFixed(2) + ' MB';
}

function escapeHtml(s) {
  return String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

/** An instant in Taipei time, e.g. 2026/11/27 14:05:09. */
function formatDateTime(iso) {
  if (!iso) return '';
  return new Date(iso).toLocaleString('zh-TW', { timeZone: 'Asia/Taipei', hour12: false });
}

/** A day in Taipei as 2026/11/27: a calendar date (2026-11-27) as it is, an instant converted. */
function formatDate(value) {
  if (!value) return '';
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) return `${day[1]}/${day[2]}/${day[3]}`;
  return new Date(value).toLocaleDateString('zh-TW', { timeZone: 'Asia/Taipei', year: 'numeric', month: '2-digit', day: '2-digit' });
}

/** A calendar date (yyyy-MM-dd) in the ROC calendar, as the bureau's own papers write it: 民國 103/05/12. */
function rocDate(date) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date || '');
  return m ? `民國 ${Number(m[1]) - 1911}/${m[2]}/${m[3]}` : '';
}

/** A calendar date with its ROC date beside it: 2014-05-12（民國 103/05/12）. */
function formatLocalDate(date) {
  const roc = rocDate(date);
  return roc ? `${date}（${roc}）` : (date || '');
}

/** 220 新北市板橋區文化路一段 1 號 (an address without a city is New Taipei City's, the only one served). */
function formatAddress(a) {
  if (!a) return '';
  return [a.postalCode, (a.city || '新北市') + (a.district || '') + (a.street || '')].filter(Boolean).join(' ');
}
