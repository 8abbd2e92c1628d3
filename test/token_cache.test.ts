// The cache of verified tokens (server/plugins/auth.ts): entries until their expiry, at most the
// configured number (the oldest goes first), keyed by the token's hash.
import t from 'tap';
import { VerifiedTokenCache } from '../server/plugins/auth.ts';

const auth = (sub: string) => ({ tenantId: 't', sub, issuer: 'i', clientId: 'c', sessionRef: sub });

t.test('an entry answers until its expiry, not after', async (t) => {
  const cache = new VerifiedTokenCache(10);
  const key = VerifiedTokenCache.key('token-a');
  cache.set(key, auth('a'), 2_000);
  t.same(cache.get(key, 1_999), auth('a'));
  t.equal(cache.get(key, 2_000), undefined, 'expired at exp');
  t.equal(cache.size, 0, 'and dropped');
});

t.test('bounded: the oldest entry goes when full', async (t) => {
  const cache = new VerifiedTokenCache(2);
  for (const name of ['a', 'b', 'c']) cache.set(VerifiedTokenCache.key(name), auth(name), Number.MAX_SAFE_INTEGER);
  t.equal(cache.size, 2);
  t.equal(cache.get(VerifiedTokenCache.key('a')), undefined, 'a was the oldest');
  t.same(cache.get(VerifiedTokenCache.key('c')), auth('c'));
  const none = new VerifiedTokenCache(0);
  none.set(VerifiedTokenCache.key('a'), auth('a'), Number.MAX_SAFE_INTEGER);
  t.equal(none.size, 0, 'size 0 remembers nothing');
});

t.test('keyed by a hash: the token itself is not kept', async (t) => {
  const key = VerifiedTokenCache.key('eyJhbGciOi.secret.token');
  t.notMatch(key, /secret|token/);
  t.equal(key, VerifiedTokenCache.key('eyJhbGciOi.secret.token'), 'the same token, the same key');
  t.not(key, VerifiedTokenCache.key('eyJhbGciOi.secret.tokeN'));
});
