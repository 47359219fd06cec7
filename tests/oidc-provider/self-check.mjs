// Checks that provider.mjs behaves as README.md says, by walking the same HTTP sequence a Rust
// test does (redirects by hand, a small cookie jar): node tests/oidc-provider/self-check.mjs
// Exits non-zero on the first failure, with the provider's log.
import { spawn } from 'node:child_process';
import { createHash, createPublicKey, randomBytes, randomInt, verify } from 'node:crypto';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const child = spawn(process.execPath, [fileURLToPath(new URL('provider.mjs', import.meta.url))], {
  stdio: ['pipe', 'pipe', 'pipe'],
});
let providerLog = '';
child.stderr.on('data', (chunk) => { providerLog += chunk; });
const [firstLine] = await Promise.race([
  once(createInterface({ input: child.stdout }), 'line'),
  once(child, 'exit').then(() => { throw new Error(`provider exited before listening:\n${providerLog}`); }),
]);
const issuer = /^issuer=(http:\/\/127\.0\.0\.1:\d+)$/.exec(firstLine)?.[1];

let passed = 0;
function check(condition, what, detail = '') {
  if (!condition) throw new Error(`FAILED: ${what}${detail ? `\n  ${detail}` : ''}`);
  passed += 1;
  console.log(`ok - ${what}`);
}

const b64url = (buf) => Buffer.from(buf).toString('base64url');
const decode = (jwt) => jwt.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url')));

// Cookies by name only: the provider's paths (/interaction/UID, /auth/UID) never clash here.
class Jar {
  cookies = new Map();
  store(response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      const expired = attributes.some((a) => /^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]) < Date.now());
      if (expired) this.cookies.delete(name); else this.cookies.set(name, pair.slice(name.length + 1));
    }
  }
  header() { return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '); }
}

async function request(jar, url, { method = 'GET', form, headers = {} } = {}) {
  const response = await fetch(new URL(url, issuer), {
    method,
    redirect: 'manual',
    headers: { cookie: jar.header(), ...(form && { 'content-type': 'application/x-www-form-urlencoded' }), ...headers },
    body: form && new URLSearchParams(form),
  });
  jar.store(response);
  return { status: response.status, location: response.headers.get('location'), text: await response.text(), response };
}

// Authorization request up to the sign-in form: returns what the rest of the flow needs.
async function startFlow(clientId, jar = new Jar()) {
  const verifier = b64url(randomBytes(32));
  const redirectUri = `http://127.0.0.1:${randomInt(20000, 60000)}/callback`;
  const state = b64url(randomBytes(12));
  const nonce = b64url(randomBytes(12));
  const auth = new URL('/auth', issuer);
  auth.search = new URLSearchParams({
    client_id: clientId, redirect_uri: redirectUri, response_type: 'code', scope: 'openid email profile',
    state, nonce, code_challenge: b64url(createHash('sha256').update(verifier).digest()), code_challenge_method: 'S256',
  });
  const start = await request(jar, auth);
  check(start.status === 303 && /^\/interaction\/[\w-]+$/.test(start.location), `${clientId}: GET /auth is a 303 to /interaction/UID`, `${start.status} ${start.location} ${start.text}`);
  check(jar.cookies.has('_interaction') && jar.cookies.has('_interaction_resume'), `${clientId}: it sets _interaction and _interaction_resume`, [...jar.cookies.keys()].join(', '));
  const form = await request(jar, start.location);
  check(form.status === 200 && form.text.includes('name="password"'), `${clientId}: GET /interaction/UID shows the sign-in form`);
  return { jar, verifier, redirectUri, state, nonce, interaction: start.location, clientId };
}

// Follows the 303s after the interaction to the client's redirect URI, whose query it returns.
async function finishFlow(flow, interactionResponse) {
  let { status, location } = interactionResponse;
  for (let hop = 0; hop < 5 && !location?.startsWith(flow.redirectUri); hop += 1) {
    check(status === 303 && location, `${flow.clientId}: a 303 on the way back (${location})`, `${status} ${interactionResponse.text}`);
    ({ status, location } = await request(flow.jar, location));
  }
  check(status === 303 && location.startsWith(`${flow.redirectUri}?`), `${flow.clientId}: the last 303 goes to ${flow.redirectUri}`, `${status} ${location}`);
  const query = new URL(location).searchParams;
  check(query.get('state') === flow.state, `${flow.clientId}: state comes back`);
  check(query.get('iss') === issuer, `${flow.clientId}: iss (RFC 9207) is the issuer`, location);
  return query;
}

async function signIn(clientId, login = 'pat@example.com', extra = {}, jar = undefined) {
  const flow = await startFlow(clientId, jar);
  const posted = await request(flow.jar, `${flow.interaction}/login`, { method: 'POST', form: { login, password: 'provider-password', ...extra } });
  const query = await finishFlow(flow, posted);
  check(query.has('code'), `${clientId}: a code`);
  return { ...flow, code: query.get('code') };
}

function redeem(flow, { code = flow.code, auth } = {}) {
  const form = { grant_type: 'authorization_code', code, redirect_uri: flow.redirectUri, code_verifier: flow.verifier };
  if (!auth) form.client_id = flow.clientId;
  return fetch(new URL('/token', issuer), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(auth && { authorization: `Basic ${Buffer.from(auth).toString('base64')}` }) },
    body: new URLSearchParams(form),
  }).then(async (r) => ({ status: r.status, body: await r.json() }));
}

async function checkIdToken(flow, idToken, audience) {
  const [header, claims] = decode(idToken);
  const { keys } = await (await fetch(new URL('/jwks', issuer))).json();
  const key = keys.find((k) => k.kid === header.kid);
  const [h, p, s] = idToken.split('.');
  check(header.alg === 'RS256' && key && verify('sha256', Buffer.from(`${h}.${p}`), createPublicKey({ key, format: 'jwk' }), Buffer.from(s, 'base64url')),
    `${flow.clientId}: the ID token is RS256, signed by the key ${header.kid} of the jwks_uri`);
  check(claims.iss === issuer && claims.aud === audience && claims.nonce === flow.nonce, `${flow.clientId}: iss, aud ${audience}, nonce`, JSON.stringify(claims));
  return claims;
}

try {
  check(issuer, 'the first stdout line is issuer=http://127.0.0.1:PORT', firstLine);
  const discovery = await (await fetch(new URL('/.well-known/openid-configuration', issuer))).json();
  check(discovery.issuer === issuer && discovery.token_endpoint === `${issuer}/token`, 'discovery names the issuer and its endpoints');

  // oso-desktop, the whole flow, on a random loopback port the client never registered.
  const desktop = await signIn('oso-desktop', 'Pat@Example.com', { name: 'Pat Tester', locale: 'en' });
  const token = await redeem(desktop);
  check(token.status === 200 && token.body.id_token && token.body.token_type === 'Bearer', 'oso-desktop: the token endpoint answers with an ID token', JSON.stringify(token.body));
  const claims = await checkIdToken(desktop, token.body.id_token, 'oso-desktop');
  console.log(`  token response: ${Object.keys(token.body).sort().join(", ")}; ID token claims: ${JSON.stringify(claims)}`);
  const sub = `sub-${createHash('sha256').update('pat@example.com').digest('hex').slice(0, 16)}`;
  check(claims.sub === sub && claims.email === 'Pat@Example.com' && claims.email_verified === true
    && claims.name === 'Pat Tester' && claims.locale === 'en', 'oso-desktop: sub, email, email_verified, name, locale');

  const replay = await redeem(desktop);
  check(replay.status === 400 && replay.body.error === 'invalid_grant', 'oso-desktop: the same code again is invalid_grant', JSON.stringify(replay));

  // Signed in already (its _session in the jar): a native client is asked again all the same.
  const again = await signIn('oso-desktop', 'pat@example.com', {}, desktop.jar);
  check(decode((await redeem(again)).body.id_token)[1].sub === sub, 'oso-desktop: the same user signs in again in the same session');

  const unverified = await signIn('oso-desktop', 'unverified@example.com');
  const unverifiedClaims = decode((await redeem(unverified)).body.id_token)[1];
  check(unverifiedClaims.email_verified === false && unverifiedClaims.name === 'Pat Provider' && unverifiedClaims.locale === 'nl',
    'oso-desktop: an "unverified" address has email_verified false, and name and locale their defaults', JSON.stringify(unverifiedClaims));

  const short = await signIn('oso-short-code');
  await new Promise((resolve) => { setTimeout(resolve, 1500); });
  const late = await redeem(short);
  check(late.status === 400 && late.body.error === 'invalid_grant', 'oso-short-code: its code after 1.5 s is invalid_grant', JSON.stringify(late));

  const wrong = await signIn('oso-wrong-audience');
  const wrongToken = await redeem(wrong);
  check(wrongToken.status === 200, 'oso-wrong-audience: the token endpoint answers', JSON.stringify(wrongToken));
  await checkIdToken(wrong, wrongToken.body.id_token, 'someone-else');

  const confidential = await signIn('oso-confidential');
  const noSecret = await redeem(confidential);
  check(noSecret.status === 401 && noSecret.body.error === 'invalid_client', 'oso-confidential: without its secret, invalid_client', JSON.stringify(noSecret));
  const withSecret = await redeem(confidential, { auth: 'oso-confidential:oso-test-secret' });
  check(withSecret.status === 200, 'oso-confidential: with client_secret_basic, an ID token', JSON.stringify(withSecret));
  await checkIdToken(confidential, withSecret.body.id_token, 'oso-confidential');

  const cancelled = await startFlow('oso-desktop');
  const abort = await request(cancelled.jar, `${cancelled.interaction}/abort`, { method: 'POST', form: {} });
  const denied = await finishFlow(cancelled, abort);
  check(denied.get('error') === 'access_denied' && !denied.has('code'), 'Cancel: the redirect carries error=access_denied and no code', denied.toString());

  const mistyped = await startFlow('oso-desktop');
  for (const form of [{ login: 'pat@example.com', password: 'wrong' }, { login: 'not-an-address', password: 'provider-password' }]) {
    const again = await request(mistyped.jar, `${mistyped.interaction}/login`, { method: 'POST', form });
    check(again.status === 200 && again.text.includes('role="alert"') && again.text.includes('name="password"'),
      `a wrong ${form.password === 'wrong' ? 'password' : 'login'}: the form again, 200, with an error`, `${again.status} ${again.text}`);
  }
  const retried = await request(mistyped.jar, `${mistyped.interaction}/login`, { method: 'POST', form: { login: 'pat@example.com', password: 'provider-password' } });
  check((await finishFlow(mistyped, retried)).has('code'), 'after a wrong password, the right one still signs in');

  console.log(`oidc-provider self-check: ${passed} passed, 0 failed`);
} catch (error) {
  console.error(`${error.message}\n--- provider log ---\n${providerLog}`);
  process.exitCode = 1;
} finally {
  child.stdin.end(); // the provider exits at EOF on its stdin
  await once(child, 'exit');
}
