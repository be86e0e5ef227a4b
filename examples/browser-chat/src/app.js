// The chat page's script: an AICC chat session through tokenwire's edge worker (the gateway holds the AK/SK; this
// page only ever holds its user's JWT and its own ccmessaging-token). Plain ESM; server.mjs bundles it with
// esbuild so the browser gets @tokenwire/aicc-messaging's built ESM in one file.
import { createAiccGatewayClient, createAiccSession } from '@tokenwire/aicc-messaging';

const statusLine = document.getElementById('status');
const list = document.getElementById('messages');
const form = document.getElementById('composer');
const input = document.getElementById('message');
const sendButton = document.getElementById('send');

function showStatus(text, kind = 'info') {
  statusLine.textContent = text;
  statusLine.dataset.kind = kind;
}

/** Appends one message bubble. `who` is `user`, `robot`, `agent` or `system`. */
function render(who, sender, text) {
  const item = document.createElement('li');
  item.className = `message ${who}`;
  const name = document.createElement('span');
  name.className = 'sender';
  name.textContent = sender;
  const body = document.createElement('span');
  body.className = 'text';
  body.textContent = text;
  item.append(name, body);
  list.append(item);
  list.scrollTop = list.scrollHeight;
  return item;
}

/**
 * The signed-in user and their gateway credential, from this site's own backend (here the demo login of
 * server.mjs; in your app, your auth system). Fetched again shortly before the JWT expires.
 */
let login;
async function currentLogin() {
  if (login === undefined || login.expiresAtMs - Date.now() < 60_000) {
    const response = await fetch('./demo/login', { method: 'POST' });
    if (!response.ok) throw new Error(`login failed: HTTP ${response.status}`);
    login = await response.json();
  }
  return login;
}

async function start() {
  const { gatewayUrl, channelId, userId, userName } = await currentLogin();
  const client = createAiccGatewayClient({
    gatewayUrl,
    getAuthorization: async () => `Bearer ${(await currentLogin()).jwt}`,
  });
  const locale = navigator.language.startsWith('zh') ? 'zh' : 'en';
  const session = createAiccSession(client, { userId, userName, channelId, locale });
  await session.connect();
  showStatus(`Connected as ${userName}`);
  input.disabled = false;
  sendButton.disabled = false;
  document.body.dataset.ready = 'true';

  const stop = new AbortController();
  addEventListener('pagehide', () => {
    stop.abort();
    session.disconnect().catch(() => {});
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (text === '') return;
    sendButton.disabled = true;
    // Shown at once (the answer may arrive before send() returns), marked when it failed.
    const bubble = render('user', userName, text);
    input.value = '';
    try {
      await session.send(text);
    } catch (error) {
      bubble.classList.add('failed');
      showStatus(`Not sent: ${error.message}`, 'error');
    } finally {
      sendButton.disabled = false;
      input.focus();
    }
  });

  try {
    for await (const message of session.messages({ signal: stop.signal })) {
      if (message.mediaType !== undefined && message.mediaType !== 'TEXT') continue;
      const who = message.sourceType === 'AGENT' ? 'agent' : message.sourceType === 'SYSTEM' ? 'system' : 'robot';
      render(who, message.senderNickname ?? who, String(message.content ?? ''));
      if (message.isOfflineStatus) showStatus('The conversation has ended');
    }
  } catch (error) {
    if (!stop.signal.aborted) showStatus(`Disconnected: ${error.message}`, 'error');
  }
}

start().catch((error) => showStatus(`Could not connect: ${error.message}`, 'error'));
