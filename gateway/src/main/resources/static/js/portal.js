// The union portal pages: who is logged in, the union's name, and the logout form's CSRF token.
'use strict';

(async function portal() {
  const $ = id => document.getElementById(id);
  const me = await Api.json('GET', '/portal/me');
  const loading = $('loading');
  if (loading) loading.hidden = true;
  if (!me.ok) {
    // the session ended meanwhile: a fresh load of the page leads through the login again
    if (me.status === 401 || me.status === 0) { location.reload(); return; }
    if ($('error')) $('error').textContent = '系統暫時無法取得登入資料，請稍後再試。';
    return;
  }
  const who = me.data;
  if (who.csrf) {
    document.querySelectorAll('form#logout input[type=hidden]').forEach(input => {
      input.name = who.csrf.parameterName;
      input.value = who.csrf.token;
    });
  }
  $('who').textContent = who.username;

  if (!$('union-portal')) return; // a page below the portal: header only
  if (!who.union) {
    $('staff-name').textContent = who.username;
    $('not-union').hidden = false;
    return;
  }
  $('certificate-no').textContent = who.username;
  $('union-name').textContent = who.username;
  $('union-portal').hidden = false;
  // the union's register entry (filled from the activation event; may lag a moment behind the login)
  const profile = await Api.json('GET', '/api/union/profile');
  if (profile.ok && profile.data) {
    $('union-name').textContent = profile.data.unionName || who.username;
    $('certificate-no').textContent = profile.data.certificateNo || who.username;
  }
})();
