// Estate-planning routes: legal entities (trusts, companies), who holds them and what they are
// worth, entity shares of assets (and titling a persona's share into one), beneficiary
// designations of assets and entities, and the planner's checks of a persona's plan.
import { tagRoutes, TAGS } from '../openapi.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import * as estate from '../../generated/estate.queries.ts';
import { listOf, Page, problemResponse, problemResponses, replyOf, Uuid } from '../schemas/common.ts';
import { AssetParams } from '../schemas/assets.ts';
import {
  Checks,
  ChecksQuery,
  Collateral,
  CollateralBody,
  CreateEntityBody,
  Designation,
  DesignationBody,
  Entity,
  EntityList,
  EntityParams,
  EntityNetWorth,
  EntityShare,
  EntityShareBody,
  EntityTransferBody,
  Equity,
  Flow,
  FlowQuery,
  Interests,
  InterestsBody,
  NetWorthQuery,
  SharesAfter,
  UpdateEntityBody,
} from '../schemas/estate.ts';

const today = () => new Date().toISOString().slice(0, 10);
/** A JSON array for a jsonb parameter: node-pg would send a bare JS array as a Postgres array literal. */
const jsonArray = (items: unknown[]) => JSON.stringify(items);
type BeneficiaryRow = estate.IGetAssetBeneficiariesResult;
/** One beneficiary as replied: its level and date are the designation's. */
const beneficiaryOf = ({ level: _level, effectiveOn: _effectiveOn, ...beneficiary }: BeneficiaryRow) => beneficiary;
/** The rows of a designation as the one document PUT takes: both levels, one effective date. */
const designationOf = (rows: BeneficiaryRow[]) => ({
  effectiveOn: rows[0]?.effectiveOn ?? null,
  primary: rows.filter((row) => row.level === 'primary').map(beneficiaryOf),
  contingent: rows.filter((row) => row.level === 'contingent').map(beneficiaryOf),
});
const designationReply = listOf(listOf(Designation, beneficiaryOf, 'primary'), beneficiaryOf, 'contingent');
const notHundred = problemResponse('`beneficiary_total_not_100`: a level does not total exactly 100%');

const estateRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRoute', tagRoutes(TAGS.estate));

  app.post(
    '/entities',
    {
      schema: {
        summary: 'Creates a trust, company or other legal entity with the personas who control it',
        body: CreateEntityBody,
        response: { 201: replyOf(Entity, estate.createLegalEntity), ...problemResponses },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const [row] = await request.inTenant((db) =>
        estate.createLegalEntity.run(
          {
            entityKind: body.entityKind,
            name: body.name,
            jurisdiction: body.jurisdiction ?? null,
            effectiveDate: body.effectiveDate ?? null,
            roles: jsonArray(body.roles),
          },
          db,
        ),
      );
      return reply.code(201).header('location', `/v1/entities/${row.entityId}`).send(row);
    },
  );

  app.get(
    '/entities',
    {
      schema: {
        summary: 'The legal entities the caller controls (as grantor, trustee or manager), by name',
        querystring: Page,
        response: { 200: listOf(EntityList, estate.listLegalEntities), ...problemResponses },
      },
    },
    async (request) => {
      const { limit, offset } = request.query;
      const items = await request.inTenant((db) => estate.listLegalEntities.run({ limit, offset }, db));
      return { items, limit, offset };
    },
  );

  app.get(
    '/entities/:entityId',
    {
      schema: {
        summary: 'One legal entity the caller controls, with its grantors, trustees or managers',
        params: EntityParams,
        response: { 200: replyOf(Entity, estate.getLegalEntity), ...problemResponses },
      },
    },
    async (request) =>
      (await request.inTenant((db) => estate.getLegalEntity.run({ entityId: request.params.entityId }, db)))[0],
  );

  app.patch(
    '/entities/:entityId',
    {
      schema: {
        summary: 'Changes an entity the caller controls: name, jurisdiction, effective date or (whole) roles',
        params: EntityParams,
        body: UpdateEntityBody,
        response: { 200: replyOf(Entity, estate.updateLegalEntity), ...problemResponses },
      },
    },
    async (request) =>
      (
        await request.inTenant((db) =>
          estate.updateLegalEntity.run(
            {
              entityId: request.params.entityId,
              name: request.body.name ?? null,
              jurisdiction: request.body.jurisdiction ?? null,
              effectiveDate: request.body.effectiveDate ?? null,
              roles: request.body.roles ? jsonArray(request.body.roles) : null,
            },
            db,
          ),
        )
      )[0],
  );

  app.post(
    '/assets/:assetId/entity-ownerships',
    {
      schema: {
        summary: "Sets an entity's share of an asset: an owner who controls the entity, out of the unallocated part",
        params: AssetParams,
        body: EntityShareBody,
        response: { 200: replyOf(EntityShare, estate.assignAssetToEntity), ...problemResponses },
      },
    },
    async (request) =>
      (
        await request.inTenant((db) =>
          estate.assignAssetToEntity.run({ assetId: request.params.assetId, ...request.body }, db),
        )
      )[0],
  );

  app.delete(
    '/entities/:entityId',
    {
      schema: {
        summary: "Deletes an entity that holds nothing and is nobody's beneficiary (a trust: a grantor)",
        params: EntityParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await request.inTenant((db) => estate.deleteLegalEntity.run({ entityId: request.params.entityId }, db));
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/entities/:entityId/interests',
    {
      schema: {
        summary: "Replaces who holds an entity (members, partners, a trust's grantor): at most 100%, no cycle",
        params: EntityParams,
        body: InterestsBody,
        response: { 200: listOf(Interests, estate.setEntityInterests), ...problemResponses },
      },
    },
    async (request) => ({
      items: await request.inTenant((db) =>
        estate.setEntityInterests.run(
          { entityId: request.params.entityId, holders: jsonArray(request.body.holders) },
          db,
        ),
      ),
    }),
  );

  app.get(
    '/entities/:entityId/interests',
    {
      schema: {
        summary: 'Who holds an entity the caller controls, and how much',
        params: EntityParams,
        response: { 200: listOf(Interests, estate.getEntityInterests), ...problemResponses },
      },
    },
    async (request) => ({
      items: await request.inTenant((db) => estate.getEntityInterests.run({ entityId: request.params.entityId }, db)),
    }),
  );

  app.get(
    '/entities/:entityId/net-worth',
    {
      schema: {
        summary: "An entity's own net worth: its shares of assets, and its part of those of the entities it holds",
        params: EntityParams,
        querystring: NetWorthQuery,
        response: {
          200: replyOf(EntityNetWorth, estate.getEntityNetWorth),
          422: problemResponse('`exchange_rate_missing`: no rate to the currency on or before the date'),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const { asOf = today(), currency } = request.query;
      return (
        await request.inTenant((db) =>
          estate.getEntityNetWorth.run({ entityId: request.params.entityId, asOf, currency }, db),
        )
      )[0];
    },
  );

  app.post(
    '/assets/:assetId/entity-transfers',
    {
      schema: {
        summary: "Moves part or all of a persona's share to an entity the caller controls (titling into a trust)",
        params: AssetParams,
        body: EntityTransferBody,
        response: { 200: listOf(SharesAfter, estate.transferAssetShareToEntity), ...problemResponses },
      },
    },
    async (request) => ({
      items: await request.inTenant((db) =>
        estate.transferAssetShareToEntity.run({ assetId: request.params.assetId, ...request.body }, db),
      ),
    }),
  );

  app.put(
    '/assets/:assetId/collateral',
    {
      schema: {
        summary: "Names the asset a debt is secured by (a mortgage's house), or none: owners of both",
        params: AssetParams,
        body: CollateralBody,
        response: { 200: replyOf(Collateral, estate.setDebtCollateral), ...problemResponses },
      },
    },
    async (request) =>
      (
        await request.inTenant((db) =>
          estate.setDebtCollateral.run(
            { debtId: request.params.assetId, securedAssetId: request.body.securedAssetId },
            db,
          ),
        )
      )[0],
  );

  app.get(
    '/assets/:assetId/equity',
    {
      schema: {
        summary: "An asset's equity as of a date (owners): its value less the debts secured by it",
        params: AssetParams,
        querystring: NetWorthQuery,
        response: {
          200: replyOf(Equity, estate.getAssetEquity),
          422: problemResponse('`exchange_rate_missing`: no rate to the currency on or before the date'),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const { asOf = today(), currency } = request.query;
      return (
        await request.inTenant((db) =>
          estate.getAssetEquity.run({ assetId: request.params.assetId, asOf, currency }, db),
        )
      )[0];
    },
  );

  app.put(
    '/assets/:assetId/beneficiaries',
    {
      schema: {
        summary: 'Replaces who inherits an asset (owners only): primary and contingent levels, each exactly 100%',
        params: AssetParams,
        body: DesignationBody,
        response: { 200: designationReply, 422: notHundred, ...problemResponses },
      },
    },
    async (request) =>
      designationOf(
        await request.inTenant((db) =>
          estate.setAssetBeneficiaries.run(
            {
              assetId: request.params.assetId,
              effectiveOn: request.body.effectiveOn ?? today(),
              primary: jsonArray(request.body.primary),
              contingent: jsonArray(request.body.contingent),
            },
            db,
          ),
        ),
      ),
  );

  app.get(
    '/assets/:assetId/beneficiaries',
    {
      schema: {
        summary: 'Who inherits an asset (owners only): primary and contingent beneficiaries',
        params: AssetParams,
        response: { 200: designationReply, ...problemResponses },
      },
    },
    async (request) =>
      designationOf(
        await request.inTenant((db) => estate.getAssetBeneficiaries.run({ assetId: request.params.assetId }, db)),
      ),
  );

  app.put(
    '/entities/:entityId/beneficiaries',
    {
      schema: {
        summary: "Replaces who receives an entity's remainder (its controllers only): each level exactly 100%",
        params: EntityParams,
        body: DesignationBody,
        response: { 200: designationReply, 422: notHundred, ...problemResponses },
      },
    },
    async (request) =>
      designationOf(
        await request.inTenant((db) =>
          estate.setEntityBeneficiaries.run(
            {
              entityId: request.params.entityId,
              effectiveOn: request.body.effectiveOn ?? today(),
              primary: jsonArray(request.body.primary),
              contingent: jsonArray(request.body.contingent),
            },
            db,
          ),
        ),
      ),
  );

  app.get(
    '/entities/:entityId/beneficiaries',
    {
      schema: {
        summary: "Who receives an entity's remainder (its controllers only)",
        params: EntityParams,
        response: { 200: designationReply, ...problemResponses },
      },
    },
    async (request) =>
      designationOf(
        await request.inTenant((db) => estate.getEntityBeneficiaries.run({ entityId: request.params.entityId }, db)),
      ),
  );

  app.put(
    '/personas/:personaId/estate-beneficiaries',
    {
      schema: {
        summary: "Replaces the residuary beneficiaries of a persona's will: who takes what passes through probate",
        params: Type.Object({ personaId: Uuid }),
        body: DesignationBody,
        response: { 200: designationReply, 422: notHundred, ...problemResponses },
      },
    },
    async (request) =>
      designationOf(
        await request.inTenant((db) =>
          estate.setEstateBeneficiaries.run(
            {
              personaId: request.params.personaId,
              effectiveOn: request.body.effectiveOn ?? today(),
              primary: jsonArray(request.body.primary),
              contingent: jsonArray(request.body.contingent),
            },
            db,
          ),
        ),
      ),
  );

  app.get(
    '/personas/:personaId/estate-beneficiaries',
    {
      schema: {
        summary: "The residuary beneficiaries of a persona's will",
        params: Type.Object({ personaId: Uuid }),
        response: { 200: designationReply, ...problemResponses },
      },
    },
    async (request) =>
      designationOf(
        await request.inTenant((db) => estate.getEstateBeneficiaries.run({ personaId: request.params.personaId }, db)),
      ),
  );

  app.get(
    '/personas/:personaId/estate-flow',
    {
      schema: {
        summary:
          "How each asset passes at a persona's death on a date: survivorship, designation, trust, probate and residuary",
        params: Type.Object({ personaId: Uuid }),
        querystring: FlowQuery,
        response: {
          200: listOf(Flow, estate.calculateEstateFlow),
          422: problemResponse('`exchange_rate_missing`: no rate to the currency on or before the date'),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const { asOf = today(), currency } = request.query;
      const items = await request.inTenant((db) =>
        estate.calculateEstateFlow.run({ personaId: request.params.personaId, asOf, currency }, db),
      );
      return { asOf, currency, items };
    },
  );

  app.get(
    '/personas/:personaId/estate-plan/checks',
    {
      schema: {
        summary:
          "What a planner flags in a persona's plan: probate assets, deceased or minor beneficiaries, unfunded trusts",
        params: Type.Object({ personaId: Uuid }),
        querystring: ChecksQuery,
        response: { 200: listOf(Checks, estate.checkEstatePlan), ...problemResponses },
      },
    },
    async (request) => {
      const { asOf = today() } = request.query;
      const items = await request.inTenant((db) =>
        estate.checkEstatePlan.run({ personaId: request.params.personaId, asOf }, db),
      );
      return { asOf, items };
    },
  );
};

export default estateRoutes;
