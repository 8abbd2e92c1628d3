// Request and response schemas of the estate-document vault: documents, their versions (the file
// itself travels as application/octet-stream, never JSON), what they concern and who may read them.
import { Type } from 'typebox';
import { IsoDate, JsonColumn, Nullable, PageWith, Timestamp, Uuid } from './common.ts';

/** The kinds of document (the database's list is the CHECK on app.vault_documents). */
export const DOCUMENT_KINDS = [
  'will',
  'trust',
  'power_of_attorney',
  'healthcare_directive',
  'deed',
  'insurance_policy',
  'other',
] as const;
const DocumentKind = Type.Union(DOCUMENT_KINDS.map((kind) => Type.Literal(kind)));
const DocumentStatus = Type.Union(['draft', 'signed', 'superseded', 'revoked'].map((s) => Type.Literal(s)));
const ShareWhen = Type.Union(
  ['now', 'after_death', 'never'].map((w) => Type.Literal(w)),
  {
    description:
      'now: whoever acts for the persona reads it; after_death: once the owner’s death is verified (not available yet: refused until then); never',
  },
);

export const DocumentParams = Type.Object({ documentId: Uuid });
export const VersionParams = Type.Object({
  documentId: Uuid,
  versionNumber: Type.Integer({ minimum: 1, maximum: 1000 }),
});

export const CreateDocumentBody = Type.Object(
  {
    ownerPersonaId: Uuid,
    kind: DocumentKind,
    title: Type.String({ minLength: 1, maxLength: 200 }),
    reviewOn: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);

export const UpdateDocumentBody = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    reviewOn: Type.Optional(IsoDate),
    status: Type.Optional(DocumentStatus),
    signedOn: Type.Optional(IsoDate),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const DocumentListQuery = PageWith({
  personaId: Type.Optional(Uuid),
});

export const UploadQuery = Type.Object(
  {
    mediaType: Type.String({
      pattern: '^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,63}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,63}$',
      maxLength: 129,
      default: 'application/octet-stream',
      description: 'the file’s own media type (application/pdf...), served back on download',
    }),
    fileName: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 255,
        pattern: '^[^/\\\\\\u0000-\\u001f\\u007f]+$',
        description: 'the file’s name, for Content-Disposition on download',
      }),
    ),
  },
  { additionalProperties: false },
);

/** The body of an upload: the file's bytes, as application/octet-stream (at most 10 MiB); not validated as JSON. */
export const UploadBody = Type.Unsafe<Buffer | undefined>({
  content: {
    'application/octet-stream': {
      schema: { description: 'the file’s bytes, at most 10 MiB (10,485,760 bytes)' },
    },
  },
});

/** A download's answer: the file's bytes with its own media type. */
export const FileReply = Type.Unsafe<Buffer>({
  description: 'The file, with its own media type; the ETag and Content-Digest are its SHA-256',
  content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
});

const Subject = Type.Union([
  Type.Object({ kind: Type.Literal('persona'), personaId: Uuid }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('asset'), assetId: Uuid }, { additionalProperties: false }),
]);
export const SubjectsBody = Type.Object(
  { subjects: Type.Array(Subject, { maxItems: 50 }) },
  { additionalProperties: false },
);
export const SharesBody = Type.Object(
  {
    shares: Type.Array(Type.Object({ personaId: Uuid, when: ShareWhen }, { additionalProperties: false }), {
      maxItems: 50,
    }),
  },
  { additionalProperties: false },
);

export const Version = Type.Object({
  documentId: Uuid,
  versionNumber: Type.Integer(),
  byteSize: Type.Integer({ description: 'bytes of the file' }),
  mediaType: Type.String(),
  fileName: Nullable(Type.String()),
  contentSha256: Type.String({ description: 'SHA-256 of the file, hex: checked on every download' }),
  createdAt: Timestamp,
});

export const Document = Type.Object({
  documentId: Uuid,
  ownerPersonaId: Uuid,
  kind: Type.String(),
  title: Type.String(),
  status: Type.String({ description: 'draft, signed, superseded or revoked' }),
  signedOn: Nullable(IsoDate),
  reviewOn: Nullable(IsoDate),
  myAccess: Type.String({ description: 'owner (acts for its persona) or recipient (shared with them now)' }),
  latestVersion: Nullable(Type.Integer()),
  versions: JsonColumn(
    Type.Array(
      Type.Object({
        versionNumber: Type.Integer(),
        byteSize: Type.Integer(),
        mediaType: Type.String(),
        fileName: Nullable(Type.String()),
        contentSha256: Type.String(),
        createdAt: Type.String({ format: 'date-time' }),
      }),
    ),
  ),
  subjects: JsonColumn(
    Type.Array(Type.Object({ kind: Type.String(), personaId: Nullable(Uuid), assetId: Nullable(Uuid) })),
  ),
  shares: JsonColumn(
    Type.Union([Type.Array(Type.Object({ personaId: Uuid, when: Type.String() })), Type.Null()], {
      description: 'who else may read it and when (owners only; null for a recipient)',
    }),
  ),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export const DocumentList = Type.Object({
  items: Type.Array(Document),
  limit: Type.Integer(),
  offset: Type.Integer(),
});
