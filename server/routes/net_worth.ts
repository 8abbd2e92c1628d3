// Net-worth routes: a persona's (now or as of a date), its monthly history, a circle's.
import { tagRoutes, TAGS } from '../openapi.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import * as netWorth from '../../generated/net_worth.queries.ts';
import * as estate from '../../generated/estate.queries.ts';
import { IsoDate, listOf, paged, PageFields, PageWith, problemResponses, replyOf, Uuid } from '../schemas/common.ts';

const Currency = Type.String({ pattern: '^[A-Z]{3}$', default: 'USD' });
const AsOfQuery = Type.Object({ asOf: Type.Optional(IsoDate), currency: Currency }, { additionalProperties: false });
const Totals = {
  asOf: IsoDate,
  currency: Type.String(),
  totalAssets: Type.String(),
  totalLiabilities: Type.String(),
  netWorth: Type.String(),
  assetCount: Type.Integer(),
};
const today = () => new Date().toISOString().slice(0, 10);

const netWorthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRoute', tagRoutes(TAGS.netWorth));
  app.get(
    '/personas/:personaId/net-worth',
    {
      schema: {
        summary:
          'Assets minus debts of a persona, weighted by ownership, as of a date (default today), in one currency; lookThrough adds what it holds through entities',
        params: Type.Object({ personaId: Uuid }),
        querystring: Type.Object(
          {
            ...AsOfQuery.properties,
            lookThrough: Type.Boolean({
              default: false,
              description:
                'also count the assets of the entities the persona holds interests in, times its share (each asset once)',
            }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: replyOf(Type.Object({ personaId: Uuid, ...Totals }), netWorth.calculateNetWorth),
          422: problemResponses[400],
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const { asOf = today(), currency, lookThrough } = request.query;
      const params = { personaId: request.params.personaId, asOf, currency };
      return (
        await request.inTenant((db) =>
          lookThrough
            ? estate.calculateLookThroughNetWorth.run(params, db)
            : netWorth.calculateNetWorth.run(params, db),
        )
      )[0];
    },
  );

  app.get(
    '/personas/:personaId/net-worth/history',
    {
      schema: {
        summary: 'Monthly net-worth points of a persona over a range (at most 10 years)',
        params: Type.Object({ personaId: Uuid }),
        querystring: Type.Object(
          { from: IsoDate, to: Type.Optional(IsoDate), currency: Currency },
          { additionalProperties: false },
        ),
        response: {
          200: listOf(
            Type.Object({
              items: Type.Array(
                Type.Object({
                  asOf: IsoDate,
                  totalAssets: Type.String(),
                  totalLiabilities: Type.String(),
                  netWorth: Type.String(),
                }),
              ),
            }),
            netWorth.calculateNetWorthHistory,
          ),
          422: problemResponses[400],
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const { from, to = today(), currency } = request.query;
      return {
        items: await request.inTenant((db) =>
          netWorth.calculateNetWorthHistory.run({ personaId: request.params.personaId, from, to, currency }, db),
        ),
      };
    },
  );

  app.get(
    '/ffcs/:ffcId/net-worth',
    {
      schema: {
        summary: 'Net worth of a circle over the assets the caller may see, each counted once',
        params: Type.Object({ ffcId: Uuid }),
        querystring: AsOfQuery,
        response: {
          200: replyOf(Type.Object({ ffcId: Uuid, ...Totals }), netWorth.calculateFfcNetWorth),
          422: problemResponses[400],
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const { asOf = today(), currency } = request.query;
      return (
        await request.inTenant((db) =>
          netWorth.calculateFfcNetWorth.run({ ffcId: request.params.ffcId, asOf, currency }, db),
        )
      )[0];
    },
  );
  app.get(
    '/exchange-rates',
    {
      schema: {
        summary:
          "The exchange rates net worth uses on a date (default today): each pair's latest rate on or before it, optionally of one currency",
        querystring: PageWith({
          asOf: Type.Optional(IsoDate),
          currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })),
        }),
        response: {
          200: listOf(
            Type.Object({
              asOf: IsoDate,
              items: Type.Array(
                Type.Object({
                  baseCurrency: Type.String(),
                  quoteCurrency: Type.String(),
                  rate: Type.String({ description: '1 baseCurrency = rate quoteCurrency, an exact decimal' }),
                  rateDate: IsoDate,
                }),
              ),
              ...PageFields,
            }),
            netWorth.listExchangeRates,
          ),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const { asOf = today(), currency, limit, offset } = request.query;
      const page = await request.inTenant((db) =>
        paged({ limit, offset }, (p) => netWorth.listExchangeRates.run({ asOf, currency: currency ?? null, ...p }, db)),
      );
      return { asOf, ...page };
    },
  );
};

export default netWorthRoutes;
