// A real OpenID Provider (the certified npm package `oidc-provider`) for the SSO tests, on
// loopback. Started by tests/sso with one argument: a JSON file
//   {"port": 8171, "clients": [{client_id, client_secret, redirect_uris, post_logout_redirect_uris}],
//    "accounts": {"ada@acme.test": {"password": "...", "claims": {...}, "amr": ["pwd", "mfa"]}}}
// Its sign-in page is a plain form (email, password); the consent step is granted at once.
// Prints "ready <issuer>" on stdout when it listens.
import fs from 'node:fs';
import http from 'node:http';
import { URLSearchParams } from 'node:url';
import Provider from 'oidc-provider';

const config = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const issuer = `http://127.0.0.1:${config.port}`;
const accounts = config.accounts;
const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const provider = new Provider(issuer, {
  clients: config.clients.map((client) => ({
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
    ...client,
  })),
  cookies: { keys: ['peersupport-test-idp-only'] },
  claims: {
    // How the person authenticated travels in the ID token (RFC 8176 amr; acr).
    openid: ['sub', 'amr', 'acr', 'auth_time'],
    email: ['email', 'email_verified'],
    profile: ['name', 'department', 'manager_email'],
  },
  // The claims go in the ID token too (allauth reads the userinfo endpoint as well).
  conformIdTokenClaims: false,
  acrValues: ['urn:peersupport:test:password', 'urn:peersupport:test:two-factor'],
  pkce: { required: () => false },
  features: { devInteractions: { enabled: false }, rpInitiatedLogout: {
    enabled: true,
    logoutSource: async (ctx, form) => {
      ctx.body = `<!doctype html><html lang="en"><head><title>Signing out</title></head><body>
        ${form}<p>Signing you out of the test identity provider.</p>
        <button type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button>
        <script>document.forms[0].requestSubmit(document.querySelector("button[name=logout]"))</script></body></html>`;
    },
  } },
  findAccount: async (ctx, sub) => {
    const account = accounts[sub];
    if (!account) return undefined;
    return { accountId: sub, claims: async () => ({ sub, email: sub, email_verified: true, ...account.claims }) };
  },
  loadExistingGrant: async (ctx) => {
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
  ttl: { Session: 3600, Interaction: 600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
});

const signInPage = (uid, error) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
  <title>Test identity provider</title></head><body><main>
  <h1>Test identity provider</h1>${error ? `<p role="alert">${escape(error)}</p>` : ''}
  <form method="post" action="/interaction/${escape(uid)}">
  <label>Email <input type="email" name="email" autocomplete="username"></label>
  <label>Password <input type="password" name="password" autocomplete="current-password"></label>
  <button type="submit">Sign in</button></form></main></body></html>`;

const readBody = (req) => new Promise((resolve, reject) => {
  let body = '';
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => resolve(new URLSearchParams(body)));
  req.on('error', reject);
});

const callback = provider.callback();
const server = http.createServer(async (req, res) => {
  const match = req.url.match(/^\/interaction\/([^/?]+)/);
  if (!match) return callback(req, res);
  try {
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'GET') {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      return res.end(signInPage(details.uid));
    }
    const form = await readBody(req);
    const email = (form.get('email') || '').toLowerCase();
    const account = accounts[email];
    if (!account || account.password !== form.get('password')) {
      res.statusCode = 200;
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      return res.end(signInPage(details.uid, 'Wrong email or password.'));
    }
    const login = { accountId: email };
    if (account.amr) login.amr = account.amr;
    if (account.acr) login.acr = account.acr;
    return provider.interactionFinished(req, res, { login }, { mergeWithLastSubmission: false });
  } catch (error) {
    res.statusCode = 400;
    return res.end(String(error));
  }
});
server.listen(config.port, '127.0.0.1', () => { console.log(`ready ${issuer}`); });
