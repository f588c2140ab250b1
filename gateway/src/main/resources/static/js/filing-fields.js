// The fields of a union-affairs filing's form, built from its type's schema (/portal/filing.html, with
// filing.js): each field kind's controls, its value for the API, how a saved value fills it and how it
// reads as text once sent, and the form's delegated listeners.
'use strict';

const REQUIRED = '<span class="required-mark" aria-hidden="true">*</span>';
/** The schema has no line-count hint: these TEXT fields are prose, the others a single line. */
const MULTILINE = ['resolutions', 'summary', 'reason'];
const GENDERS = { M: '男', F: '女' };

const fieldId = (f, part) => `field-${f.name}${part === undefined ? '' : '-' + part}`;
const dataField = (f, part) => `form.${f.name}${part === undefined ? '' : '.' + part}`;

function hintText(f) {
  // the union's current address beside the new one: the filing must differ from it
  const current = f.kind === 'ADDRESS' && page.profile.address ? `目前會址：${formatAddress(page.profile.address)}` : '';
  return [f.hint, current].filter(Boolean).join('；');
}

function describedBy(f) {
  return (hintText(f) ? `${fieldId(f, 'hint')} ` : '') + fieldId(f, 'error');
}

/** A field's frame: its label (or legend for a group), its control(s), hint and error, with data-name for the listeners. */
function fieldHtml(f) {
  const kind = KINDS[f.kind];
  const hint = hintText(f) ? `<span class="hint" id="${fieldId(f, 'hint')}">${escapeHtml(hintText(f))}</span>` : '';
  const error = `<span id="${fieldId(f, 'error')}" class="error" aria-live="polite"></span>`;
  const label = `${f.required ? REQUIRED : ''}${escapeHtml(f.label)}`;
  const wide = kind.wide || (f.kind === 'TEXT' && multiline(f)) ? ' wide' : '';
  if (kind.group) {
    return `<fieldset class="field${wide}" id="${fieldId(f)}" data-name="${f.name}">
      <legend>${label}</legend>${kind.html(f)}${hint}${error}</fieldset>`;
  }
  return `<div class="field${wide}" data-name="${f.name}">
      <label for="${fieldId(f)}">${label}</label>${kind.html(f)}${hint}${error}</div>`;
}

/** The attributes every single control carries. */
function controlAttrs(f) {
  return `id="${fieldId(f)}" data-field="${dataField(f)}" aria-describedby="${describedBy(f)}"${f.required ? ' required' : ''}`;
}

function multiline(f) {
  return f.multiline === true || (f.multiline === undefined && MULTILINE.includes(f.name));
}

const textValue = f => $(fieldId(f)).value.trim() || null;
const numberValue = id => { const v = $(id).value.trim(); return v === '' ? null : Number(v); };
const fillValue = (f, v) => { $(fieldId(f)).value = v ?? ''; };

/** Each field kind of the schema: its controls, its value for the API, how a saved value fills it and reads as text. */
const KINDS = {
  TEXT: {
    html: f => multiline(f)
      ? `<textarea ${controlAttrs(f)} rows="4" maxlength="2000"></textarea>`
      : `<input type="text" ${controlAttrs(f)} maxlength="200">`,
    value: textValue, fill: fillValue, text: (f, v) => String(v),
  },
  DATE: {
    html: f => `<input type="date" ${controlAttrs(f)}>`,
    value: textValue, fill: fillValue, text: (f, v) => formatDate(v),
  },
  NUMBER: {
    html: f => `<input type="number" ${controlAttrs(f)} min="0" step="1" inputmode="numeric">`,
    value: f => numberValue(fieldId(f)), fill: fillValue, text: (f, v) => Number(v).toLocaleString('zh-TW'),
  },
  YEAR: {
    html: f => `<input type="number" ${controlAttrs(f)} min="1900" max="2200" step="1" inputmode="numeric" placeholder="西元年，例如 ${new Date().getFullYear()}">`,
    value: f => numberValue(fieldId(f)), fill: fillValue, text: (f, v) => `${v} 年`,
  },
  CHOICE: {
    html: f => `<select ${controlAttrs(f)}><option value="">請選擇</option>${(f.choices || []).map(c =>
      `<option value="${escapeHtml(c.code)}">${escapeHtml(c.label)}</option>`).join('')}</select>`,
    value: textValue, fill: fillValue,
    text: (f, v) => ((f.choices || []).find(c => c.code === v) || { label: v }).label,
  },
  ADDRESS: {
    group: true, wide: true, html: addressHtml, value: addressValue, fill: fillAddress, update: updatePostalCode,
    text: (f, v) => formatAddress(v),
  },
  COUNTS: {
    group: true, html: countsHtml, value: countsValue, fill: fillCounts, update: updateCountsTotal,
    text: (f, v) => (typeof v === 'object' ? countsText(v.male, v.female) : String(v)),
  },
  NAMES: {
    group: true, wide: true, html: namesHtml, value: namesValue, fill: fillNames, update: updateNamesCounts,
    text: (f, v) => (Array.isArray(v) ? namesText(v) : String(v)),
  },
};

// ADDRESS: district of New Taipei City (its postal code follows) and the street part

function addressHtml(f) {
  const districts = page.districts.map(d => `<option value="${escapeHtml(d.name)}">${escapeHtml(d.name)}</option>`).join('');
  const label = escapeHtml(f.label);
  return `<div class="row">
      <label for="${fieldId(f, 'postalCode')}" class="visually-hidden">${label}郵遞區號</label>
      <input type="text" id="${fieldId(f, 'postalCode')}" class="postal-code" readonly placeholder="郵遞區號">
      <span>新北市</span>
      <label for="${fieldId(f, 'district')}" class="visually-hidden">${label}行政區</label>
      <select id="${fieldId(f, 'district')}" data-field="${dataField(f, 'district')}" aria-describedby="${describedBy(f)}"${f.required ? ' required' : ''}>
        <option value="">請選擇行政區</option>${districts}</select>
      <label for="${fieldId(f, 'street')}" class="visually-hidden">${label}路街及門牌</label>
      <input type="text" id="${fieldId(f, 'street')}" class="street" data-field="${dataField(f, 'street')}" maxlength="100"
             placeholder="路街、巷弄及門牌號碼" aria-describedby="${describedBy(f)}"${f.required ? ' required' : ''}>
    </div>`;
}

function addressValue(f) {
  const district = $(fieldId(f, 'district')).value, street = $(fieldId(f, 'street')).value.trim();
  if (!district && !street) return null;
  return { postalCode: $(fieldId(f, 'postalCode')).value || null, city: '新北市', district, street };
}

function fillAddress(f, v) {
  $(fieldId(f, 'district')).value = (v && v.district) || '';
  $(fieldId(f, 'street')).value = (v && v.street) || '';
}

function updatePostalCode(f) {
  const d = page.districts.find(x => x.name === $(fieldId(f, 'district')).value);
  $(fieldId(f, 'postalCode')).value = d ? d.postalCode : '';
}

// COUNTS: men and women, the total computed

function countsHtml(f) {
  const input = part => `<label for="${fieldId(f, part)}">${GENDERS[part === 'male' ? 'M' : 'F']}</label>
      <input type="number" id="${fieldId(f, part)}" data-field="${dataField(f, part)}" min="0" step="1" inputmode="numeric"
             aria-describedby="${describedBy(f)}"${f.required ? ' required' : ''}>`;
  return `<div class="row">${input('male')}${input('female')}
      <span>總數</span><output id="${fieldId(f, 'total')}" class="total" data-field="${dataField(f, 'total')}"
        for="${fieldId(f, 'male')} ${fieldId(f, 'female')}">0</output></div>`;
}

function countsValue(f) {
  const male = numberValue(fieldId(f, 'male')), female = numberValue(fieldId(f, 'female'));
  return male === null && female === null ? null : { male, female };
}

function fillCounts(f, v) {
  $(fieldId(f, 'male')).value = v ? v.male ?? '' : '';
  $(fieldId(f, 'female')).value = v ? v.female ?? '' : '';
}

function updateCountsTotal(f) {
  const n = id => { const v = Number($(id).value || 0); return Number.isFinite(v) ? v : 0; };
  $(fieldId(f, 'total')).value = n(fieldId(f, 'male')) + n(fieldId(f, 'female'));
}

function countsText(male, female) {
  return `男 ${male ?? 0} 人、女 ${female ?? 0} 人，共 ${Number(male || 0) + Number(female || 0)} 人`;
}

// NAMES: rows of {name, gender}, added and removed by the clerk, with the counts by gender

function namesHtml(f) {
  // no data-field of its own: an error of the whole list (form.directors) goes to its first row
  return `<ol class="name-rows" id="${fieldId(f, 'rows')}"></ol>
    <div class="row">
      <button type="button" class="secondary small" id="${fieldId(f, 'add')}" data-action="add-row">新增一位<span class="visually-hidden">${escapeHtml(f.label)}</span></button>
      <output id="${fieldId(f, 'counts')}" class="total">${countsText(0, 0)}</output>
    </div>`;
}

function nameRowHtml(f, row, i) {
  const who = `<span class="visually-hidden">${escapeHtml(f.label)}第 ${i + 1} 位</span>`;
  const genders = Object.entries(GENDERS).map(([code, label]) =>
    `<option value="${code}"${row.gender === code ? ' selected' : ''}>${label}</option>`).join('');
  // each label stays with its control when a narrow screen wraps the row
  return `<li class="name-row">
      <span class="pair"><label for="${fieldId(f, i + '-name')}">${who}姓名</label>
      <input type="text" id="${fieldId(f, i + '-name')}" data-field="${dataField(f, i + '.name')}" maxlength="50"
             value="${escapeHtml(row.name)}" aria-describedby="${fieldId(f, 'error')}"></span>
      <span class="pair"><label for="${fieldId(f, i + '-gender')}">${who}性別</label>
      <select id="${fieldId(f, i + '-gender')}" data-field="${dataField(f, i + '.gender')}" aria-describedby="${fieldId(f, 'error')}">
        <option value="">請選擇</option>${genders}</select></span>
      <button type="button" class="secondary small" data-action="remove-row" data-index="${i}">移除${who}</button>
    </li>`;
}

/** Every row as typed, empty ones included (the form keeps them; the value leaves them out). */
function nameRows(f) {
  return [...$(fieldId(f, 'rows')).children].map((li, i) => ({
    name: $(fieldId(f, i + '-name')).value.trim(),
    gender: $(fieldId(f, i + '-gender')).value,
  }));
}

function namesValue(f) {
  return nameRows(f).filter(p => p.name || p.gender).map(p => ({ name: p.name, gender: p.gender || null }));
}

function fillNames(f, v) {
  const rows = Array.isArray(v) && v.length ? v : [{ name: '', gender: '' }];
  $(fieldId(f, 'rows')).innerHTML = rows.map((row, i) => nameRowHtml(f, row, i)).join('');
}

function namesText(rows) {
  return `${rows.map(p => `${p.name}（${GENDERS[p.gender] || '—'}）`).join('、')}；${countsText(...genderCounts(rows))}`;
}

function genderCounts(rows) {
  return [rows.filter(p => p.gender === 'M').length, rows.filter(p => p.gender === 'F').length];
}

function updateNamesCounts(f) {
  $(fieldId(f, 'counts')).value = countsText(...genderCounts(nameRows(f)));
}

/**
 * Adds a row (focus on its name) or removes one (focus on the add button), renumbering the rest;
 * one row always stays, where the list's own errors show.
 */
function changeRows(f, action, index) {
  const rows = nameRows(f);
  if (action === 'add-row') rows.push({ name: '', gender: '' });
  else rows.splice(index, 1);
  if (!rows.length) rows.push({ name: '', gender: '' });
  fillNames(f, rows);
  updateNamesCounts(f);
  FormErrors.clearField(dataField(f));
  $(action === 'add-row' ? fieldId(f, (rows.length - 1) + '-name') : fieldId(f, 'add')).focus();
}

// ---- listeners of the form's fields (delegated: the fields are built from the schema)

function fieldOf(target) {
  const frame = target.closest('[data-name]');
  return frame ? page.type.fields.find(f => f.name === frame.dataset.name) : null;
}

function onFieldInput(e) {
  const f = fieldOf(e.target);
  if (!f) return;
  if (KINDS[f.kind].update) KINDS[f.kind].update(f);
  if (e.target.dataset.field) FormErrors.clearField(e.target.dataset.field);
}

function onFieldClick(e) {
  const button = e.target.closest('button[data-action]');
  const f = button && fieldOf(button);
  if (f) changeRows(f, button.dataset.action, Number(button.dataset.index));
}

