// Id tokens: the identity provider's word on who the signed-in user is (their verified email).
// Verified like access tokens (aws-jwt-verify: signature, issuer, exp) and bound to the request's
// verified access token: same issuer, issued to the same app client (`aud`), same subject.
import { CognitoJwtVerifier, JwtVerifier } from 'aws-jwt-verify';
import { validateCognitoJwtFields } from 'aws-jwt-verify/cognito-verifier';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { Fetcher } from 'aws-jwt-verify/https';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import { HttpProblem } from './errors.ts';

/** What the access token established: the id token must match it. */
export interface IdTokenBinding {
  issuer: string;
  clientId: string;
  sub: string;
}

type Verifier = { verify(token: string): Promise<JwtPayload> };

// A real pool's issuer; anything else the auth plugin accepted is the development provider.
const COGNITO_ISSUER = /^https:\/\/cognito-idp\.[a-z0-9-]+\.amazonaws\.com\/([\w-]+_[0-9A-Za-z]+)$/;

const invalid = (why: string) => new HttpProblem(400, 'invalid_id_token', `the id token is not valid: ${why}`);

export class IdTokenVerifiers {
  private readonly verifiers = new Map<string, Verifier>();

  constructor(
    private readonly allowDevelopmentIssuers: boolean,
    private readonly developmentFetcher: (jwksUri: string) => Fetcher,
  ) {}

  private verifierFor({ issuer, clientId }: IdTokenBinding): Verifier {
    const key = `${issuer} ${clientId}`;
    let verifier = this.verifiers.get(key);
    if (verifier) return verifier;
    const requireExpiry = (payload: JwtPayload) => {
      if (typeof payload.exp !== 'number') throw new Error('token has no exp claim');
    };
    const pool = COGNITO_ISSUER.exec(issuer);
    if (pool) {
      verifier = CognitoJwtVerifier.create({
        userPoolId: pool[1],
        tokenUse: 'id',
        clientId,
        customJwtCheck: ({ payload }) => requireExpiry(payload),
      });
    } else if (this.allowDevelopmentIssuers) {
      const jwksUri = `${issuer}/.well-known/jwks.json`;
      verifier = JwtVerifier.create(
        {
          issuer,
          audience: clientId,
          jwksUri,
          customJwtCheck: ({ payload }: { payload: JwtPayload }) => {
            requireExpiry(payload);
            validateCognitoJwtFields(payload, { tokenUse: 'id', clientId });
          },
        },
        { jwksCache: new SimpleJwksCache({ fetcher: this.developmentFetcher(jwksUri) }) },
      );
    } else {
      throw invalid('its issuer is not trusted');
    }
    this.verifiers.set(key, verifier);
    return verifier;
  }

  /** The verified email of an id token bound to the access token; 400 invalid_id_token, 403 email_not_verified. */
  async verifiedEmail(binding: IdTokenBinding, idToken: string): Promise<string> {
    let payload: JwtPayload;
    try {
      payload = await this.verifierFor(binding).verify(idToken);
    } catch (error) {
      if (error instanceof HttpProblem) throw error;
      throw invalid('not an id token of this app client, expired, or badly signed');
    }
    if (payload.iss !== binding.issuer || payload.sub !== binding.sub) {
      throw invalid('it names another identity than the access token');
    }
    const email = payload.email;
    if (typeof email !== 'string' || !email) throw invalid('it carries no email');
    // Cognito writes the claim as a boolean; some pools' pre-token triggers as the string "true".
    if (payload.email_verified !== true && payload.email_verified !== 'true') {
      throw new HttpProblem(403, 'email_not_verified', 'the identity provider has not verified this email');
    }
    return email;
  }
}
