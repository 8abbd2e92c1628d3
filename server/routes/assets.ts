// Asset routes: create and read assets, ownership shares, valuations, permissions, search.
import { tagRoutes, TAGS } from '../openapi.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import * as assets from '../../generated/assets.queries.ts';
import { lastFour } from '../field_cipher.ts';
import { listOf, Page, paged, problemResponses, replyOf } from '../schemas/common.ts';
import {
  Asset,
  AssetList,
  AssetListQuery,
  AssetParams,
  MyAssetListQuery,
  OwnersAsOf,
  OwnersAsOfQuery,
  OwnershipHistory,
  AssignBody,
  Assignment,
  Categories,
  CreateAssetContract,
  PermissionBody,
  PermissionParams,
  PermissionReply,
  PersonaAssets,
  PersonaParams,
  SearchQuery,
  SearchReply,
  Shares,
  TransferBody,
  UpdateAssetBody,
  Valuation,
  ValuationBody,
  ValuationQuery,
  Valuations,
} from '../schemas/assets.ts';
import { requireIfMatch, withETag } from '../plugins/conditional.ts';

/** Today (UTC), the default of an as-of date. */
const today = () => new Date().toISOString().slice(0, 10);

/** A recorded valuation as replied: the asset is the one in the URL. */
const valuationOf = ({ assetId: _assetId, ...valuation }: assets.IUpdateAssetValueResult) => valuation;

const assetRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRoute', tagRoutes(TAGS.assets));
  app.post(
    '/assets',
    {
      schema: {
        summary: 'Creates an asset with its type fields, first valuation and first owner',
        body: CreateAssetContract,
        response: { 201: replyOf(Asset, assets.createAsset), ...problemResponses },
      },
    },
    async (request, reply) => {
      const body = request.body;
      // The identifier is encrypted here, with keys the database never sees; it keeps the last four.
      const identifier = body.identifier?.trim();
      const [row] = await request.inTenant((db) =>
        assets.createAsset.run(
          {
            assetType: body.assetType,
            categoryCode: body.categoryCode,
            name: body.name,
            description: body.description,
            currency: body.currency,
            ownerPersonaId: body.ownerPersonaId,
            initialValue: body.initialValue,
            valuedOn: body.valuedOn,
            details: body.details ?? {},
            ownershipPercentage: body.ownershipPercentage,
            ownershipForm: body.ownershipForm,
            valuationSource: body.valuationSource,
            identifierCiphertext: identifier ? app.fieldCipher.encrypt(identifier) : null,
            identifierLast4: identifier ? lastFour(identifier) : null,
          },
          db,
        ),
      );
      return reply.code(201).header('location', `/v1/assets/${row.assetId}`).send(row);
    },
  );

  app.get(
    '/assets',
    {
      schema: {
        summary:
          'Every asset the caller may see (owned, granted, through circle roles): by type, circle or text, sorted, with the total',
        querystring: MyAssetListQuery,
        response: { 200: listOf(AssetList, assets.listMyAssets), ...problemResponses },
      },
    },
    async (request) => {
      const { assetType, ffcId, q, sort, limit, offset } = request.query;
      return request.inTenant((db) =>
        paged({ limit, offset }, (page) =>
          assets.listMyAssets.run(
            { assetType: assetType ?? null, ffcId: ffcId ?? null, q: q ?? null, sort: sort ?? null, ...page },
            db,
          ),
        ),
      );
    },
  );

  app.get(
    '/ffcs/:ffcId/assets',
    {
      schema: {
        summary: "The assets a circle's members own that the caller may see (members only)",
        params: Type.Object({ ffcId: Type.String({ format: 'uuid' }) }),
        querystring: AssetListQuery,
        response: { 200: listOf(AssetList, assets.listFfcAssets), ...problemResponses },
      },
    },
    async (request) => {
      const { assetType, q, sort, limit, offset } = request.query;
      return request.inTenant((db) =>
        paged({ limit, offset }, (page) =>
          assets.listFfcAssets.run(
            { ffcId: request.params.ffcId, assetType: assetType ?? null, q: q ?? null, sort: sort ?? null, ...page },
            db,
          ),
        ),
      );
    },
  );

  app.get(
    '/assets/search',
    {
      schema: {
        summary: 'Full-text search over the assets the caller may see',
        querystring: SearchQuery,
        response: { 200: listOf(SearchReply, assets.searchAssets), ...problemResponses },
      },
    },
    async (request) => {
      const { q, limit, offset } = request.query;
      return request.inTenant((db) =>
        paged({ limit, offset }, (page) => assets.searchAssets.run({ query: q, ...page }, db)),
      );
    },
  );

  app.get(
    '/asset-categories',
    {
      schema: {
        summary: 'Asset categories of the 13 types',
        response: { 200: listOf(Categories, assets.listAssetCategories), ...problemResponses },
      },
    },
    async (request) => ({ items: await request.inTenant((db) => assets.listAssetCategories.run(undefined, db)) }),
  );

  app.get(
    '/assets/:assetId',
    {
      schema: {
        summary: 'One asset (identifier masked)',
        params: AssetParams,
        response: { 200: replyOf(Asset, assets.getAsset), ...problemResponses },
      },
    },
    async (request, reply) =>
      withETag(
        reply,
        (await request.inTenant((db) => assets.getAsset.run({ assetId: request.params.assetId }, db)))[0],
      ),
  );

  app.patch(
    '/assets/:assetId',
    {
      schema: {
        summary: "Changes an asset's name, description or type fields",
        params: AssetParams,
        body: UpdateAssetBody,
        response: { 200: replyOf(Asset, assets.updateAsset), ...problemResponses },
      },
    },
    async (request) =>
      (
        await request.inTenant(async (db) => {
          await requireIfMatch(request, db, { kind: 'asset', id: request.params.assetId }, () =>
            assets.getAsset.run({ assetId: request.params.assetId }, db),
          );
          return assets.updateAsset.run(
            {
              assetId: request.params.assetId,
              name: request.body.name,
              description: request.body.description,
              details: request.body.details,
            },
            db,
          );
        })
      )[0],
  );

  app.delete(
    '/assets/:assetId',
    {
      schema: {
        summary: 'Deletes an asset the caller wholly owns',
        params: AssetParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await request.inTenant(async (db) => {
        await requireIfMatch(request, db, { kind: 'asset', id: request.params.assetId }, () =>
          assets.getAsset.run({ assetId: request.params.assetId }, db),
        );
        return assets.deleteAsset.run({ assetId: request.params.assetId }, db);
      });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/personas/:personaId/assets',
    {
      schema: {
        summary: 'What a persona owns that the caller may see',
        params: PersonaParams,
        querystring: AssetListQuery,
        response: { 200: listOf(PersonaAssets, assets.getPersonaAssets), ...problemResponses },
      },
    },
    async (request) => {
      const { assetType, q, sort, limit, offset } = request.query;
      return request.inTenant((db) =>
        paged({ limit, offset }, (page) =>
          assets.getPersonaAssets.run(
            {
              personaId: request.params.personaId,
              assetType: assetType ?? null,
              q: q ?? null,
              sort: sort ?? null,
              ...page,
            },
            db,
          ),
        ),
      );
    },
  );

  app.post(
    '/assets/:assetId/ownerships',
    {
      schema: {
        summary: "Sets a persona's share: owners only; another owner's share only by whoever acts for them",
        params: AssetParams,
        body: AssignBody,
        response: { 200: replyOf(Assignment, assets.assignAssetToPersona), ...problemResponses },
      },
    },
    async (request) =>
      (
        await request.inTenant((db) =>
          assets.assignAssetToPersona.run({ assetId: request.params.assetId, ...request.body }, db),
        )
      )[0],
  );

  app.post(
    '/assets/:assetId/transfers',
    {
      schema: {
        summary: 'Moves part of a share the caller acts for to another persona (owners only)',
        params: AssetParams,
        body: TransferBody,
        response: { 200: listOf(Shares, assets.transferAssetShare), ...problemResponses },
      },
    },
    async (request) => ({
      items: await request.inTenant((db) =>
        assets.transferAssetShare.run({ assetId: request.params.assetId, ...request.body }, db),
      ),
    }),
  );

  app.post(
    '/assets/:assetId/valuations',
    {
      schema: {
        summary: 'Records a dated valuation',
        params: AssetParams,
        body: ValuationBody,
        response: { 201: replyOf(Valuation, valuationOf), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { amount, valuedOn, source, currency } = request.body;
      const [row] = await request.inTenant((db) =>
        assets.updateAssetValue.run({ assetId: request.params.assetId, amount, valuedOn, source, currency }, db),
      );
      return reply.code(201).send(valuationOf(row));
    },
  );

  app.get(
    '/assets/:assetId/valuations',
    {
      schema: {
        summary: 'Valuation history, newest first or sorted (up to a date with asOf), with the total',
        params: AssetParams,
        querystring: ValuationQuery,
        response: { 200: listOf(Valuations, assets.getAssetValuations), ...problemResponses },
      },
    },
    async (request) => {
      const { asOf, sort, limit, offset } = request.query;
      return request.inTenant((db) =>
        paged({ limit, offset }, (page) =>
          assets.getAssetValuations.run(
            { assetId: request.params.assetId, asOf: asOf ?? null, sort: sort ?? null, ...page },
            db,
          ),
        ),
      );
    },
  );

  app.get(
    '/assets/:assetId/owners',
    {
      schema: {
        summary: 'Who held the asset at the end of a date (default today), from the ownership history',
        params: AssetParams,
        querystring: OwnersAsOfQuery,
        response: { 200: listOf(OwnersAsOf, assets.getAssetOwnersAsOf), ...problemResponses },
      },
    },
    async (request) => ({
      items: await request.inTenant((db) =>
        assets.getAssetOwnersAsOf.run({ assetId: request.params.assetId, asOf: request.query.asOf ?? today() }, db),
      ),
    }),
  );

  app.get(
    '/assets/:assetId/ownership-history',
    {
      schema: {
        summary: "Every recorded change of the asset's shares, newest first, with the total",
        params: AssetParams,
        querystring: Page,
        response: { 200: listOf(OwnershipHistory, assets.getAssetOwnershipHistory), ...problemResponses },
      },
    },
    async (request) => {
      const { limit, offset } = request.query;
      return request.inTenant((db) =>
        paged({ limit, offset }, (page) =>
          assets.getAssetOwnershipHistory.run({ assetId: request.params.assetId, ...page }, db),
        ),
      );
    },
  );

  app.post(
    '/assets/:assetId/permissions',
    {
      schema: {
        summary: 'Grants view or edit to a persona or a circle role',
        params: AssetParams,
        body: PermissionBody,
        response: { 201: replyOf(PermissionReply, assets.setAssetPermission), ...problemResponses },
      },
    },
    async (request, reply) => {
      const [row] = await request.inTenant((db) =>
        assets.setAssetPermission.run({ assetId: request.params.assetId, ...request.body }, db),
      );
      return reply.code(201).send(row);
    },
  );

  app.delete(
    '/assets/:assetId/permissions/:permissionId',
    {
      schema: {
        summary: 'Revokes a grant',
        params: PermissionParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await request.inTenant((db) => assets.revokeAssetPermission.run(request.params, db));
      return reply.code(204).send(null);
    },
  );
};

export default assetRoutes;
