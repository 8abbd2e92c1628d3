// The audit log as evidence, on the support door (/support/v1): its partitions, the verification
// of a month's hash chain and sealing (the maintenance job's work, on demand). Every call audited
// with the staff member's identity (docs/audit.md).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { tagRoutes, TAGS } from '../openapi.ts';
import * as audit from '../../generated/audit.queries.ts';
import { listOf, problemResponses, replyOf } from '../schemas/common.ts';
import { AuditPartitionList, ChainVerification, MonthQuery, SealBody, SealList } from '../schemas/audit.ts';

const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRoute', tagRoutes(TAGS.support));

  app.get(
    '/audit-partitions',
    {
      schema: {
        summary: "The audit log's monthly partitions: rows, sealed rows, chain head, due for retention (audited)",
        response: { 200: listOf(AuditPartitionList, audit.listAuditPartitions), ...problemResponses },
      },
    },
    async (request) => ({
      items: await request.inSupport((db) => audit.listAuditPartitions.run(undefined, db)),
    }),
  );

  app.get(
    '/audit-partitions/verification',
    {
      schema: {
        summary:
          "Recomputes a month's audit hash chain: ok, or the first row missing, changed or not chained (audited)",
        querystring: MonthQuery,
        response: { 200: replyOf(ChainVerification, audit.verifyAuditChain), ...problemResponses },
      },
    },
    async (request) =>
      (await request.inSupport((db) => audit.verifyAuditChain.run({ month: `${request.query.month}-01` }, db)))[0],
  );

  app.post(
    '/audit-seals',
    {
      schema: {
        summary: "Extends every partition's hash chain over the rows of finished transactions (audited)",
        body: SealBody,
        response: { 200: listOf(SealList, audit.sealAuditLog), ...problemResponses },
      },
    },
    async (request) => ({
      items: await request.inSupport((db) => audit.sealAuditLog.run({ maxRows: request.body.maxRows ?? 100000 }, db)),
    }),
  );
};

export default auditRoutes;
