// Identity over HTTP with real cognito-local tokens, from the attacker's side: the registration
// email comes only from a verified id token bound to the access token (finding 2), and a user is
// linked to a persona only by accepting an invitation (finding 4).
import { randomUUID } from 'node:crypto';
import t from 'tap';
import { AdminUpdateUserAttributesCommand } from '@aws-sdk/client-cognito-identity-provider';
import { bearer, cognitoEndpoint, makePoolTenant, testApp } from './helpers/app.ts';
import { testDatabase } from './helpers/db.ts';
import { decodePayload, signJwt, tamperPayload } from './helpers/tokens.ts';
import { activatePlan } from '../scripts/lib/stripe_events.ts';
import { cognitoAdmin } from '../scripts/lib/cognito_local.ts';

const db = await testDatabase(t);
const app = await testApp(t, db);
const home = await makePoolTenant(db, 'home');
const away = await makePoolTenant(db, 'away');

const post = (url: string, token: string, payload?: object) =>
  app.inject({ method: 'POST', url, headers: bearer(token), ...(payload ? { payload } : {}) });
const get = (url: string, token: string) => app.inject({ method: 'GET', url, headers: bearer(token) });

type SignedUp = Awaited<ReturnType<typeof home.signUp>>;
async function register(user: SignedUp, firstName: string) {
  const res = await post('/v1/registrations', user.accessToken, { idToken: user.idToken, firstName, lastName: 'Http' });
  if (res.statusCode !== 201) throw new Error(`${firstName} could not register: ${res.body}`);
  return { ...user, ...res.json<{ userId: string; personaId: string }>() };
}
const usersWithSub = async (sub: string) =>
  (await db.admin.query('select count(*)::int as n from app.users where cognito_sub = $1', [sub])).rows[0].n as number;

const owner = await register(await home.signUp(), 'Olga');
await activatePlan(db.api, home.tenantId, owner.sub, 'family');

t.test('registration takes the email from the verified id token, never from the body (finding 2)', async (t) => {
  // The attack: the circle invites victim@; the attacker, signed in as himself, claims that address.
  const victimEmail = `victim-${randomUUID().slice(0, 8)}@example.com`;
  const circle = await post('/v1/ffcs', owner.accessToken, { name: 'Olga family' });
  const invite = await post(`/v1/ffcs/${circle.json().ffcId}/invitations`, owner.accessToken, {
    email: victimEmail,
    role: 'member',
  });
  t.equal(invite.statusCode, 201);
  const victim = await home.signUp(victimEmail);
  const attacker = await home.signUp();

  const typed = await post('/v1/registrations', attacker.accessToken, {
    email: victimEmail,
    firstName: 'Mal',
    lastName: 'Lory',
  });
  t.equal(typed.statusCode, 400, 'an email in the body is refused');
  t.equal(typed.json().code, 'invalid_request');

  const borrowed = await post('/v1/registrations', attacker.accessToken, {
    idToken: victim.idToken,
    firstName: 'Mal',
    lastName: 'Lory',
  });
  t.equal(borrowed.statusCode, 400, "the victim's id token does not go with the attacker's access token");
  t.equal(borrowed.json().code, 'invalid_id_token');
  t.equal(await usersWithSub(attacker.sub), 0, 'nothing was registered');

  const mallory = await register(attacker, 'Mal');
  const me = await get('/v1/me', mallory.accessToken);
  t.equal(me.json().email, attacker.email, 'the attacker is registered with his own verified address');
  const stolen = await post('/v1/ffc-invitations/accept', mallory.accessToken, { token: invite.json().token });
  t.equal(stolen.statusCode, 404, "and cannot accept the victim's invitation");
  t.equal(stolen.json().code, 'invitation_not_found');

  const real = await register(victim, 'Vic');
  const accepted = await post('/v1/ffc-invitations/accept', real.accessToken, { token: invite.json().token });
  t.equal(accepted.statusCode, 201, 'the real owner of the address registers and accepts');
});

t.test('an unverified email cannot register', async (t) => {
  const unverified = await home.signUp(undefined, { emailVerified: false });
  t.equal(decodePayload(unverified.idToken).email_verified, false, 'cognito-local says the email is unverified');
  const res = await post('/v1/registrations', unverified.accessToken, {
    idToken: unverified.idToken,
    firstName: 'Una',
    lastName: 'Verified',
  });
  t.equal(res.statusCode, 403);
  t.equal(res.json().code, 'email_not_verified');
  t.match(res.headers['content-type'], /application\/problem\+json/);
  t.equal(await usersWithSub(unverified.sub), 0, 'nothing was registered');
});

t.test('an id token must be a valid id token of the same pool, client and subject', async (t) => {
  const user = await home.signUp();
  const other = await away.signUp();
  const now = Math.floor(Date.now() / 1000);
  const idClaims = decodePayload(user.idToken);
  const cases: Array<[string, string]> = [
    ['the access token itself', user.accessToken],
    ["another tenant's id token", other.idToken],
    ['a tampered id token', tamperPayload(user.idToken, { email: 'someone.else@example.com' })],
    ['an expired id token', signJwt({ ...idClaims, iat: now - 7200, exp: now - 3600 })],
    ['an id token without expiry', signJwt({ ...idClaims, exp: undefined })],
    ['an id token for another client', signJwt({ ...idClaims, aud: away.clientId })],
    ['an HS256 id token', signJwt(idClaims, { alg: 'HS256', hmacSecret: 'secret' })],
  ];
  for (const [what, idToken] of cases) {
    const res = await post('/v1/registrations', user.accessToken, { idToken, firstName: 'Ida', lastName: 'Token' });
    t.equal(res.statusCode, 400, what);
    t.equal(res.json().code, 'invalid_id_token', what);
  }
  const malformed = await post('/v1/registrations', user.accessToken, {
    idToken: 'not a jwt',
    firstName: 'Ida',
    lastName: 'Token',
  });
  t.equal(malformed.json().code, 'invalid_request', 'a malformed id token fails the schema');
  t.equal(await usersWithSub(user.sub), 0, 'nothing was registered');
});

t.test("an email change follows Cognito's (POST /v1/me/email-sync)", async (t) => {
  const user = await register(await home.signUp(), 'Mia');
  const stale = await post('/v1/me/email-sync', user.accessToken, { idToken: user.idToken });
  t.equal(stale.statusCode, 200, 'syncing an unchanged address changes nothing');
  t.equal(stale.json().email, user.email);

  const newEmail = `mia-${randomUUID().slice(0, 8)}@example.com`;
  const admin = cognitoAdmin(cognitoEndpoint());
  try {
    await admin.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: home.userPoolId,
        Username: user.email,
        UserAttributes: [
          { Name: 'email', Value: newEmail },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    );
  } finally {
    admin.destroy();
  }
  const fresh = await home.signIn(newEmail, user.password);
  t.equal(decodePayload(fresh.idToken).email, newEmail, 'Cognito now vouches for the new address');
  const synced = await post('/v1/me/email-sync', fresh.accessToken, { idToken: fresh.idToken });
  t.equal(synced.statusCode, 200);
  t.equal(synced.json().email, newEmail, "the user's email follows");
  const me = await get('/v1/me', fresh.accessToken);
  t.equal(me.json().email, newEmail);

  const other = await home.signUp();
  const mismatch = await post('/v1/me/email-sync', user.accessToken, { idToken: other.idToken });
  t.equal(mismatch.json().code, 'invalid_id_token', "another user's id token cannot sync my email");
  const unregistered = await post('/v1/me/email-sync', other.accessToken, { idToken: other.idToken });
  t.equal(unregistered.json().code, 'user_not_registered');
});

t.test('a link is an invitation the user accepts; nothing shows before (finding 4)', async (t) => {
  const alice = await register(await home.signUp(), 'Alice');
  const bob = await register(await home.signUp(), 'Bob');
  const stranger = await register(await away.signUp(), 'Stan');
  const child = await post('/v1/personas', alice.accessToken, { firstName: 'Eve', lastName: 'Http' });
  const childId = child.json().personaId as string;

  const link = (userId: string) =>
    post(`/v1/personas/${childId}/links`, alice.accessToken, { userId, linkKind: 'delegate' });
  const toBob = await link(bob.userId);
  t.equal(toBob.statusCode, 202, 'inviting answers 202');
  for (const [who, userId] of [
    ['a random id', randomUUID()],
    ["another tenant's user", stranger.userId],
    ['the same user again', bob.userId],
  ] as const) {
    const res = await link(userId);
    t.equal(res.statusCode, 202, `${who}: the same status`);
    t.same(res.json(), { ...toBob.json(), userId }, `${who}: the same body`);
  }

  const listed = async () =>
    ((await get('/v1/personas', bob.accessToken)).json().items as Array<{ personaId: string }>).map((p) => p.personaId);
  t.notOk((await listed()).includes(childId), "before accepting, the child is not in Bob's list");
  t.equal((await get(`/v1/personas/${childId}`, bob.accessToken)).statusCode, 404, 'nor can he read it');
  t.equal((await get(`/v1/personas/${childId}/assets`, bob.accessToken)).statusCode, 404, 'nor its assets');

  const invitations = await get('/v1/persona-link-invitations', bob.accessToken);
  t.equal(invitations.statusCode, 200);
  const [invitation] = invitations.json().items;
  t.match(invitation, { personaId: childId, personaFirstName: 'Eve', invitedByFirstName: 'Alice' });
  t.same((await get('/v1/persona-link-invitations', stranger.accessToken)).json().items, [], 'Stan has none');
  const tooMany = await get('/v1/persona-link-invitations?limit=1000', bob.accessToken);
  t.equal(tooMany.statusCode, 400, 'the list is paged (at most 500 a page)');

  for (const [who, token, id] of [
    ['the linker', alice.accessToken, invitation.invitationId],
    ["another tenant's user", stranger.accessToken, invitation.invitationId],
    ['a random id', bob.accessToken, randomUUID()],
  ] as const) {
    const res = await post(`/v1/persona-link-invitations/${id}/accept`, token);
    t.equal(res.statusCode, 404, `${who}: 404`);
    t.equal(res.json().code, 'link_invitation_not_found', who);
  }
  const accepted = await post(`/v1/persona-link-invitations/${invitation.invitationId}/accept`, bob.accessToken);
  t.equal(accepted.statusCode, 200, 'Bob accepts');
  t.match(accepted.json(), { userId: bob.userId, personaId: childId, linkKind: 'delegate', status: 'linked' });
  t.ok((await listed()).includes(childId), 'now the child is in his list');
  // Issue 10: accepting again (a retry whose answer was lost) answers as the first time, to Bob only.
  const replay = await post(`/v1/persona-link-invitations/${invitation.invitationId}/accept`, bob.accessToken);
  t.equal(replay.statusCode, 200, 'accepting again answers as the first time');
  t.same(replay.json(), accepted.json(), 'with the same body');
  for (const [who, token] of [
    ['the linker', alice.accessToken],
    ["another tenant's user", stranger.accessToken],
  ] as const) {
    const res = await post(`/v1/persona-link-invitations/${invitation.invitationId}/accept`, token);
    t.equal(res.json().code, 'link_invitation_not_found', `after the acceptance, ${who} still gets 404`);
  }
});

t.test('an invitation can be declined or revoked over HTTP', async (t) => {
  const alice = await register(await home.signUp(), 'Ann');
  const carl = await register(await home.signUp(), 'Carl');
  const ward = (await post('/v1/personas', alice.accessToken, { firstName: 'Walt', lastName: 'Http' })).json()
    .personaId as string;
  await post(`/v1/personas/${ward}/links`, alice.accessToken, { userId: carl.userId });
  const [first] = (await get('/v1/persona-link-invitations', carl.accessToken)).json().items;
  const declined = await post(`/v1/persona-link-invitations/${first.invitationId}/decline`, carl.accessToken);
  t.equal(declined.statusCode, 204, 'Carl declines');
  t.equal((await get(`/v1/personas/${ward}`, carl.accessToken)).statusCode, 404, 'and is not linked');

  await post(`/v1/personas/${ward}/links`, alice.accessToken, { userId: carl.userId });
  const [second] = (await get('/v1/persona-link-invitations', carl.accessToken)).json().items;
  const del = (userId: string, token = alice.accessToken) =>
    app.inject({ method: 'DELETE', url: `/v1/personas/${ward}/link-invitations/${userId}`, headers: bearer(token) });
  t.equal((await del(carl.userId, carl.accessToken)).json().code, 'persona_not_found', 'the invitee cannot revoke');
  t.equal((await del(randomUUID())).statusCode, 204, 'revoking nothing answers 204');
  t.equal((await del(carl.userId)).statusCode, 204, 'the linker revokes');
  const late = await post(`/v1/persona-link-invitations/${second.invitationId}/accept`, carl.accessToken);
  t.equal(late.json().code, 'link_invitation_not_found', 'a revoked invitation cannot be accepted');
});
