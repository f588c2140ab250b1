// 工會會務申請或備查 (/portal/affairs): the union's profile, the filing types it can start and
// its filings so far. The header (who, logout) is portal.js's.
'use strict';

document.addEventListener('DOMContentLoaded', async () => {
  const $ = id => document.getElementById(id);
  const loaded = await Filings.loadAll(['/api/union/profile', '/api/union/filing-types', '/api/union/filings']);
  const [profile, types, filings] = loaded.results;
  if (loaded.refused) {
    $('affairs-message').textContent = '';
    $('error').textContent = Filings.problemText(loaded.refused);
    return;
  }
  renderProfile(profile.data);
  renderNewFiling(types.data, profile.data.status === 'DISSOLVED');
  renderFilings(filings.data);
  renderChanges(profile.data.changes || []);
  // a draft deleted on the filing page comes back here with ?deleted=
  const deleted = new URLSearchParams(location.search).get('deleted');
  $('affairs-message').textContent = deleted ? `草稿 ${deleted} 已刪除。` : '';
});

/** 12 人（男 7、女 5）; a plain number where the register keeps only a total. */
function countText(c) {
  if (c === null || c === undefined) return '—';
  if (typeof c === 'number') return `${c} 人`;
  const total = c.total ?? (Number(c.male || 0) + Number(c.female || 0));
  return `${total} 人（男 ${c.male ?? 0}、女 ${c.female ?? 0}）`;
}

function renderProfile(p) {
  const set = (id, text) => { document.getElementById(id).textContent = text || '—'; };
  const dissolved = p.status === 'DISSOLVED';
  set('profile-name', p.unionName);
  set('profile-certificate-no', p.certificateNo);
  set('profile-type', p.unionTypeLabel || p.unionType);
  set('profile-representative', p.representative);
  set('profile-address', formatAddress(p.address));
  set('profile-members', countText(p.members));
  set('profile-directors', countText(p.directors));
  set('profile-supervisors', countText(p.supervisors));
  set('profile-status', dissolved ? '已解散' : '存續中');
  document.getElementById('profile-dissolved').hidden = !dissolved;
  document.getElementById('profile').hidden = false;
}

/** Both ways to start: the select with its button, and one link per type with its description and deadline. */
function renderNewFiling(types, dissolved) {
  const section = document.getElementById('new');
  section.hidden = dissolved; // the profile section says why
  if (dissolved) return;
  const select = document.getElementById('new-filing-type');
  for (const t of types) select.add(new Option(t.label, t.type));
  document.getElementById('filing-types').innerHTML = types.map(t => `
    <li>
      <a class="service new-filing" data-type="${escapeHtml(t.type)}" href="${escapeHtml(Filings.newPageOf(t.type))}">
        <strong>${escapeHtml(t.label)}</strong>
        <span>${escapeHtml(t.description)}</span>
        ${t.deadline ? `<span class="deadline-rule">辦理期限：${escapeHtml(t.deadline)}</span>` : ''}
      </a>
    </li>`).join('');
  document.getElementById('new-filing-form').addEventListener('submit', e => {
    e.preventDefault();
    const error = document.getElementById('new-filing-error');
    if (!select.value) {
      error.textContent = '請先選擇申請或備查項目。';
      select.setAttribute('aria-invalid', 'true');
      select.focus();
      return;
    }
    location.href = Filings.newPageOf(select.value);
  });
  select.addEventListener('change', () => {
    select.removeAttribute('aria-invalid');
    document.getElementById('new-filing-error').textContent = '';
  });
}

function renderFilings(filings) {
  document.getElementById('list').hidden = false;
  document.getElementById('filings-empty').hidden = filings.length > 0;
  document.getElementById('filings').hidden = filings.length === 0;
  document.querySelector('#filings tbody').innerHTML = filings.map(filingRow).join('');
}

function filingRow(f) {
  const reason = f.status === 'RETURNED' && f.returnReason
    ? `<div class="return-reason-short">退回原因：${escapeHtml(f.returnReason)}</div>` : '';
  const round = Filings.roundText(f);
  return `
    <tr data-filing-id="${escapeHtml(f.filingId)}">
      <td data-label="項目及案號"><a class="open-filing" href="${escapeHtml(Filings.pageOf(f.filingId))}">${escapeHtml(f.typeLabel)}</a>
        <div class="hint">${escapeHtml(f.filingId)}</div></td>
      <td data-label="狀態">${Filings.statusHtml(f)}${round ? `<div class="hint">${escapeHtml(round)}</div>` : ''}${reason}</td>
      <td data-label="建立日期">${escapeHtml(formatDate(f.createdAt)) || '—'}</td>
      <td data-label="送出日期">${escapeHtml(formatDate(f.submittedAt)) || '—'}</td>
      <td data-label="結案日期">${escapeHtml(formatDate(f.decidedAt)) || '—'}</td>
      <td data-label="辦理期限">${Filings.deadlineHtml(f) || '—'}</td>
    </tr>`;
}

/** What the accepted filings changed in the register, newest first as the server keeps them. */
function renderChanges(changes) {
  document.getElementById('changes').hidden = changes.length === 0;
  document.getElementById('changes-list').innerHTML = changes.map(c => `
    <li><time datetime="${escapeHtml(c.at)}">${escapeHtml(formatDateTime(c.at))}</time>
      ${escapeHtml(c.description)}
      ${c.filingId ? `（<a href="${escapeHtml(Filings.pageOf(c.filingId))}">${escapeHtml(c.filingId)}</a>）` : ''}</li>`).join('');
}
