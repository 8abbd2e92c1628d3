// Schemas of the audit log's evidence routes on the support door (/support/v1): partitions, their
// hash chains' verification and sealing (docs/audit.md).
import { Type } from 'typebox';
import { IsoDate, Nullable, Timestamp } from './common.ts';

const BigintString = (description: string) => Type.String({ pattern: '^[0-9]+$', description });
const Hash = Type.String({ pattern: '^[0-9a-f]{64}$', description: 'a sha256, in hex' });

export const AuditPartition = Type.Object({
  partitionName: Type.String({ description: 'audit_log_YYYY_MM, or audit_log_default' }),
  month: Nullable(IsoDate),
  estimatedRows: BigintString("the planner's estimate; the default partition's is an exact count"),
  sealedRows: BigintString('rows chained so far'),
  lastSealedAt: Nullable(Timestamp),
  headHash: Nullable(Hash),
  retentionDue: Type.Boolean({ description: 'older than the retention policy keeps' }),
});
export const AuditPartitionList = Type.Object({ items: Type.Array(AuditPartition) });

export const MonthQuery = Type.Object({
  month: Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' }),
});
export const ChainVerification = Type.Object({
  partitionName: Type.String(),
  ok: Type.Boolean(),
  checkedRows: BigintString('links checked'),
  unchainedRows: BigintString('rows below the chain end that no link names'),
  firstBadSeq: Nullable(BigintString('the first link that does not match')),
  firstBadAuditId: Nullable(BigintString('the audit row of that link')),
  problem: Nullable(
    Type.String({
      description: 'row_missing, row_changed, link_missing, link_broken, seal_mismatch or row_not_chained',
    }),
  ),
  headHash: Nullable(Hash),
});

export const SealBody = Type.Object(
  { maxRows: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000000, default: 100000 })) },
  { additionalProperties: false },
);
export const Seal = Type.Object({
  partitionName: Type.String(),
  sealedRows: Type.Integer(),
  lastSeq: BigintString('the chain end'),
  headHash: Hash,
});
export const SealList = Type.Object({ items: Type.Array(Seal) });
