// The officers' header: who is logged in, the logout form's CSRF token, and the notices (what waits for
// whom), polled while the page is in view. Review.me resolves once the header is ready.
'use strict';

Object.assign(Review, (() => {
  const { h, $, call, label, time, setBusy, showProblem, clearProblems, terms } = Review;
  const NOTICE_POLL_MS = 30_000;
  const SEEN_KEY = 'review.noticesSeen';
  const { sessionEnded, labels } = Review;

  // ---- header: the logout form's CSRF token, who is logged in, the notices

  async function prepareLogout() {
    // also makes the gateway write the XSRF-TOKEN cookie that Api.json sends back as a header
    const me = await Api.json('GET', '/portal/me');
    // /portal/me is no API: an ended session is redirected to Keycloak, which fetch sees as status 0
    if (me.status === 401 || me.status === 0) return sessionEnded();
    if (me.ok && me.data && me.data.csrf) {
      document.querySelectorAll('form#logout input[type=hidden]').forEach(input => {
        input.name = me.data.csrf.parameterName;
        input.value = me.data.csrf.token;
      });
    }
  }

  function whoText(me) {
    const roles = (me.roles || []).filter(r => labels.roles[r]).map(r => labels.roles[r]);
    return (roles.length ? roles.join('／') + ' ' : '') + me.username;
  }

  function readSeen() {
    try { return JSON.parse(sessionStorage.getItem(SEEN_KEY)) || null; } catch (e) { return null; }
  }

  function writeSeen(counts) {
    try { sessionStorage.setItem(SEEN_KEY, JSON.stringify(counts)); } catch (e) { /* private mode: no memory */ }
  }

  const notices = { current: [], signature: '' };

  /**
   * "Seen" counts are what the officer has acknowledged in this browser session: a count above
   * them is new (a new case to review, a proposal to sign off) and stays highlighted until the
   * officer follows the link or presses 知道了, also across page changes.
   */
  function showNotices(list) {
    const counts = Object.fromEntries(list.map(n => [n.kind, n.count]));
    let seen = readSeen();
    if (!seen) { seen = counts; writeSeen(seen); }
    // a count that fell (cases were handled) lowers the mark, so that the next arrival counts as new
    let lowered = false;
    for (const kind of Object.keys(seen)) {
      if ((counts[kind] || 0) < seen[kind]) { seen[kind] = counts[kind] || 0; lowered = true; }
    }
    if (lowered) writeSeen(seen);
    const fresh = list.filter(n => n.count > (seen[n.kind] || 0));
    const signature = JSON.stringify([list, fresh.map(n => n.kind)]);
    notices.current = list;
    if (signature === notices.signature) return; // unchanged: do not make screen readers repeat it
    notices.signature = signature;
    const acknowledge = () => { writeSeen(Object.fromEntries(notices.current.map(n => [n.kind, n.count]))); showNotices(notices.current); };
    const banner = $('notices');
    banner.classList.toggle('has-new', fresh.length > 0);
    banner.replaceChildren(...list.map(n => h('a', {
      href: n.link, class: fresh.includes(n) ? 'notice new' : 'notice', 'data-kind': n.kind, onclick: acknowledge,
    }, n.message)));
    if (fresh.length) {
      banner.append(h('button', { type: 'button', class: 'small secondary', id: 'notices-ack', onclick: acknowledge }, '知道了'));
    }
    document.title = (fresh.length ? '【新】' : '') + document.title.replace(/^【新】/, '');
  }

  async function loadMe() {
    const me = await call('GET', '/api/review/me');
    if (!me.ok) {
      notices.signature = ''; // the next good answer replaces this message
      $('notices').replaceChildren(h('span', { class: 'error' }, '暫時無法取得通知：' + ((me.problem && me.problem.detail) || '')));
      return null;
    }
    showNotices(me.data.notices || []);
    return me.data;
  }

  async function start() {
    const logout = prepareLogout();
    const me = await loadMe();
    if (me) $('who').textContent = whoText(me);
    // polled only while the page is in view; a tab brought back asks at once
    setInterval(() => { if (!document.hidden) loadMe(); }, NOTICE_POLL_MS);
    document.addEventListener('visibilitychange', () => { if (!document.hidden) loadMe(); });
    await logout;
    const roles = (me && me.roles) || [];
    return { username: me ? me.username : '', roles, reviewer: roles.includes('reviewer'), approver: roles.includes('approver') };
  }

  const ready = start();

  return {
    /** Resolves to {username, roles, reviewer, approver} once the header is ready (POSTs may go after it). */
    me: ready,
    /** Asks for the notices now (after an action that changes what waits for whom). */
    refreshNotices: () => loadMe(),
  };
})());
