// A real OpenID Provider (npm oidc-provider, OpenID certified) on loopback for the sign-in tests.
//   node provider.mjs '{"port":1234,"clients":[...],"users":{...}}'
// Prints {"issuer": ...} once it listens. Its signing keys are fixed for the life of the process (JWKS of two RSA keys,
// the first signs); POST /test/roteer swaps them in place (the second signs, both stay published) without a restart,
// keeping grants and sessions (one in-memory adapter). Test users carry the gemeente and roles claims.
import http from 'node:http';
import crypto from 'node:crypto';
import Provider from 'oidc-provider';

const config = JSON.parse(process.argv[2]);
const issuer = `http://127.0.0.1:${config.port}`;

const keys = ['sleutel-1', 'sleutel-2'].map((kid) => ({
  ...crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256',
}));

// One store for every Provider instance of this process, so a key rotation keeps sessions, grants and refresh tokens.
const store = new Map();
class MemoryAdapter {
  constructor(name) { this.name = name; }
  key(id) { return `${this.name}:${id}`; }
  async upsert(id, payload, expiresIn) {
    store.set(this.key(id), { payload, expires: expiresIn ? Date.now() + expiresIn * 1000 : undefined });
    if (payload.grantId) store.set(`grant:${payload.grantId}:${this.key(id)}`, true);
    if (payload.uid) store.set(`uid:${this.name}:${payload.uid}`, id);
  }
  async find(id) {
    const entry = store.get(this.key(id));
    if (!entry || (entry.expires && entry.expires < Date.now())) return undefined;
    return entry.payload;
  }
  async findByUid(uid) { const id = store.get(`uid:${this.name}:${uid}`); return id ? this.find(id) : undefined; }
  async findByUserCode() { return undefined; }
  async consume(id) { const entry = store.get(this.key(id)); if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000); }
  async destroy(id) { store.delete(this.key(id)); }
  async revokeByGrantId(grantId) {
    for (const k of [...store.keys()]) {
      if (k.startsWith(`grant:${grantId}:`)) { store.delete(k.slice(`grant:${grantId}:`.length)); store.delete(k); }
    }
  }
}

const account = (sub) => config.users[sub] && {
  accountId: sub,
  claims: async () => ({ sub, name: sub, gemeente: config.users[sub].gemeente, roles: config.users[sub].roles }),
};

function build(jwks) {
  const provider = new Provider(issuer, {
    adapter: MemoryAdapter,
    clients: config.clients,
    jwks: { keys: jwks },
    cookies: { keys: ['oidc-testprovider-cookie-key'] },
    findAccount: async (_ctx, sub) => account(sub),
    claims: { openid: ['sub', 'gemeente', 'roles'], profile: ['name'] },
    // The gemeente and roles in the ID token itself, as Entra ID and Keycloak put them there.
    conformIdTokenClaims: false,
    extraClientMetadata: { properties: ['gemeente', 'roles', 'access_token_ttl'] },
    features: {
      devInteractions: { enabled: true },
      clientCredentials: { enabled: true },
      rpInitiatedLogout: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => 'urn:geohandhaving',
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource, client) => ({
          scope: 'api', audience: resource, accessTokenFormat: 'jwt', accessTokenTTL: client.access_token_ttl ?? 3600,
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    // First-party client: no consent screen, the grant is the user's sign-in.
    loadExistingGrant: async (ctx) => {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid profile offline_access');
      grant.addOIDCClaims(['gemeente', 'roles', 'name']);
      grant.addResourceScope('urn:geohandhaving', 'api');
      await grant.save();
      return grant;
    },
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    extraTokenClaims: async (ctx, token) => {
      if (token.accountId && config.users[token.accountId]) {
        return { gemeente: config.users[token.accountId].gemeente, roles: config.users[token.accountId].roles };
      }
      const client = await ctx.oidc.provider.Client.find(token.clientId);
      return client?.gemeente ? { gemeente: client.gemeente, roles: client.roles } : undefined;
    },
    pkce: { required: () => true },
  });
  provider.on('server_error', (_ctx, error) => console.error(error));
  return provider.callback();
}

let handler = build(keys);
const server = http.createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/test/roteer') {
    handler = build([keys[1], keys[0]]);
    res.writeHead(204).end();
    return;
  }
  handler(req, res);
});
server.listen(config.port, '127.0.0.1', () => console.log(JSON.stringify({ issuer })));
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
