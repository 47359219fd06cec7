// A real OpenID Connect provider (the certified `oidc-provider` package) on 127.0.0.1, for OSO's
// tests. See README.md for its clients, users and the HTTP sequence a test follows.
//   node tests/oidc-provider/provider.mjs [--port N]     (0, the default, takes a free port)
// The first stdout line is `issuer=http://127.0.0.1:PORT`; it exits when stdin reaches EOF, so it
// dies with the test that spawned it, and on SIGTERM. Everything else goes to stderr.
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';

// oidc-provider prints its notices with console.info, i.e. on stdout, where the only line is the
// issuer's: send them to stderr before the library is loaded (hence the dynamic imports).
console.log = console.info = (...args) => console.error(...args);
const { default: Provider, errors } = await import('oidc-provider');
// jose comes with oidc-provider (its dependency, hoisted in package-lock.json).
const { SignJWT, decodeJwt, decodeProtectedHeader } = await import('jose');

const { values: { port: portArg } } = parseArgs({ options: { port: { type: 'string', default: '0' } } });
const PASSWORD = 'provider-password';
const CALLBACK = 'http://127.0.0.1/callback';

// A fresh signing key every start: nothing outlives the process, and tests read the keys from
// the provider's jwks_uri like any relying party.
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingJwk = { ...privateKey.export({ format: 'jwk' }), kid: randomBytes(8).toString('hex'), alg: 'RS256', use: 'sig' };

const client = (clientId, extra = {}) => ({
  client_id: clientId,
  application_type: 'native',
  token_endpoint_auth_method: 'none',
  grant_types: ['authorization_code'],
  response_types: ['code'],
  // A native client's loopback redirect matches on any port (RFC 8252 §7.3): oidc-provider does
  // that itself for application_type native, so the registered URI carries no port.
  redirect_uris: [CALLBACK],
  ...extra,
});

// Logins are e-mail addresses; what a login posted last (name, locale) is what its claims say.
const accounts = new Map();
const subFor = (email) => `sub-${createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 16)}`;

// Listen first: the issuer names the port, which the system may choose.
const server = createServer();
await new Promise((resolve, reject) => server.once('error', reject).listen(Number(portArg), '127.0.0.1', resolve))
  .catch((err) => { console.error(`cannot listen on 127.0.0.1:${portArg}: ${err.message}`); process.exit(1); });
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [
    client('oso-desktop'),
    client('oso-short-code'),
    client('oso-wrong-audience'),
    client('oso-confidential', { token_endpoint_auth_method: 'client_secret_basic', client_secret: 'oso-test-secret' }),
  ],
  jwks: { keys: [signingJwk] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  scopes: ['openid', 'email', 'profile'],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'locale'] },
  // The claims of the granted scopes go into the ID token too, not only to userinfo: the relying
  // party under test reads who signed in from the ID token.
  conformIdTokenClaims: false,
  pkce: { required: () => true }, // S256 is the only method oidc-provider 9 knows
  ttl: {
    // Whole seconds: a code of oso-short-code is dead within 1 s of being issued.
    AuthorizationCode: (ctx, code, c) => (c.clientId === 'oso-short-code' ? 1 : 60),
  },
  features: { devInteractions: { enabled: false } },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(ctx, sub) {
    const account = accounts.get(sub);
    return account && { accountId: sub, claims: () => ({ sub, ...account }) };
  },
});
server.on('request', provider.callback());

provider.on('server_error', (ctx, err) => console.error('server error:', err));

// One line a request, on stderr.
provider.use(async (ctx, next) => {
  await next();
  console.error(`${ctx.method} ${ctx.path} ${ctx.status}${ctx.oidc?.client ? ` (${ctx.oidc.client.clientId})` : ''}`);
});

// The misbehaving provider: oso-wrong-audience's ID token is for someone else, properly signed.
provider.use(async (ctx, next) => {
  await next();
  if (ctx.path !== '/token' || ctx.status !== 200 || ctx.oidc?.client?.clientId !== 'oso-wrong-audience') return;
  const { id_token: idToken } = ctx.body ?? {};
  if (!idToken) return;
  const header = decodeProtectedHeader(idToken);
  ctx.body = { ...ctx.body, id_token: await new SignJWT({ ...decodeJwt(idToken), aud: 'someone-else' }).setProtectedHeader(header).sign(privateKey) };
});

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const loginPage = (uid, clientId, error) => `<!doctype html>
<html><head><meta charset="utf-8"><title>Sign in</title></head><body>
<h1>Sign in to ${escape(clientId)}</h1>
${error ? `<p id="error" role="alert">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login">
<label>E-mail <input name="login" autofocus></label>
<label>Password <input name="password" type="password"></label>
<label>Name <input name="name" value="Pat Provider"></label>
<label>Locale <input name="locale" value="nl"></label>
<button type="submit">Sign in</button>
</form>
<form method="post" action="/interaction/${escape(uid)}/abort"><button type="submit">Cancel</button></form>
</body></html>`;

async function formBody(req) {
  let raw = '';
  for await (const chunk of req) {
    raw += chunk;
    if (raw.length > 10_000) throw new errors.InvalidRequest('form too large');
  }
  return Object.fromEntries(new URLSearchParams(raw));
}

// Our own interactions instead of the development ones: login and consent in one form.
provider.use(async (ctx, next) => {
  const match = /^\/interaction\/([^/]+)(?:\/(login|abort))?$/.exec(ctx.path);
  if (!match) return next();
  const [, uid, action] = match;
  // Throws SessionNotFound (400) without the _interaction cookie of this uid.
  const { uid: cookieUid, params } = await provider.interactionDetails(ctx.req, ctx.res);
  if (cookieUid !== uid) throw new errors.SessionNotFound('interaction mismatch');
  ctx.set('cache-control', 'no-store');

  if (ctx.method === 'GET' && !action) {
    ctx.type = 'html';
    ctx.body = loginPage(uid, params.client_id);
    return;
  }
  if (ctx.method !== 'POST' || !action) return next();

  let result;
  if (action === 'abort') {
    result = { error: 'access_denied', error_description: 'the user cancelled the sign-in' };
  } else {
    const form = await formBody(ctx.req);
    const login = form.login ?? '';
    if (!/^[^@\s]+@[^@\s]+$/.test(login) || form.password !== PASSWORD) {
      ctx.type = 'html';
      ctx.body = loginPage(uid, params.client_id, 'Wrong e-mail address or password.');
      return;
    }
    const accountId = subFor(login);
    accounts.set(accountId, {
      email: login,
      email_verified: !login.toLowerCase().includes('unverified'),
      name: form.name || 'Pat Provider',
      locale: form.locale || 'nl',
    });
    // Consent given with the login: a grant of every scope the client asked for.
    const grant = new provider.Grant({ accountId, clientId: params.client_id });
    grant.addOIDCScope(params.scope); // (the claims parameter is off, so scopes say it all)
    result = { login: { accountId }, consent: { grantId: await grant.save() } };
  }
  const returnTo = await provider.interactionResult(ctx.req, ctx.res, result, { mergeWithLastSubmission: false });
  ctx.redirect(returnTo);
  ctx.status = 303;
});

process.stdout.write(`issuer=${issuer}\n`);

const stop = () => process.exit(0);
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop).on('error', stop).resume();
