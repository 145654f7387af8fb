// The standalone server's sign-in page. With a one-time code in the address's fragment (the link that
// `cluster-deploy serve` prints; a fragment is never sent to a server nor put in a Referer), it posts the code once
// and goes on to the cluster view. Without one, or when the code was used or has expired, it offers a form to paste
// the API token, which is posted once and kept nowhere. Either way the server answers with an HttpOnly cookie, so no
// script ever holds a credential.

async function post(url, body) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
    credentials: 'same-origin',
    cache: 'no-store',
  });
  const answer = await response.json().catch(() => null);
  return { ok: response.ok, status: response.status, answer };
}

function mount(root) {
  const session = new URL(root.dataset.session || '../api/session', document.baseURI);
  const view = new URL(root.dataset.view || './', document.baseURI);
  const status = root.querySelector('[data-sign-in-status]');
  const form = root.querySelector('[data-token-form]');
  const input = form.querySelector('input');

  function say(text, kind) {
    status.textContent = text;
    status.dataset.kind = kind;
  }

  async function signIn(body) {
    const r = await post(session, body);
    if (r.ok) {
      say(`Signed in as ${r.answer.actor}.`, 'ok');
      window.location.replace(view.href);
      return true;
    }
    say(r.answer && r.answer.message ? r.answer.message : `Sign-in failed (HTTP ${r.status}).`, 'error');
    return false;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const token = input.value;
    input.value = '';
    say('Signing in…', 'busy');
    await signIn({ token });
  });

  const code = window.location.hash.slice(1);
  // Out of the address bar and the history at once: the code is good once, and nobody should see it again.
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
  (async () => {
    if (code && await signIn({ code })) {
      return;
    }
    if (!code) {
      say('Not signed in.', 'idle');
    }
    form.hidden = false;
    input.focus();
  })();
}

for (const root of document.querySelectorAll('[data-sign-in]')) {
  mount(root);
}
