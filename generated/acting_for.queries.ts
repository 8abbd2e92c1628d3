/** Types generated for queries found in "procedures/calls/acting_for.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

/** 'ListActingForRequests' parameters type */
export interface IListActingForRequestsParams {
  limit: number;
  offset: number;
  personaId: string;
}

/** 'ListActingForRequests' return type */
export interface IListActingForRequestsResult {
  agentName: string | null;
  agentUserId: string;
  grantId: string | null;
  occurredAt: Date;
  procedureName: string;
  requestId: string | null;
  total: number;
  via: string;
}

/** 'ListActingForRequests' query type */
export interface IListActingForRequestsQuery {
  params: IListActingForRequestsParams;
  result: IListActingForRequestsResult;
}

const listActingForRequestsIR: any = {"usedParamSet":{"personaId":true,"limit":true,"offset":true},"params":[{"name":"personaId","required":true,"transform":{"type":"scalar"},"locs":[{"a":276,"b":286}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":300,"b":306}]},{"name":"offset","required":true,"transform":{"type":"scalar"},"locs":[{"a":321,"b":328}]}],"statement":"SELECT occurred_at AS \"occurredAt!\", agent_user_id AS \"agentUserId!\", agent_name AS \"agentName\", via AS \"via!\",\n       grant_id AS \"grantId\", procedure_name AS \"procedureName!\", request_id AS \"requestId\", total AS \"total!\"\nFROM api.sp_list_acting_for_requests(p_persona_id => :personaId!, p_limit => :limit!, p_offset => :offset!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT occurred_at AS "occurredAt!", agent_user_id AS "agentUserId!", agent_name AS "agentName", via AS "via!",
 *        grant_id AS "grantId", procedure_name AS "procedureName!", request_id AS "requestId", total AS "total!"
 * FROM api.sp_list_acting_for_requests(p_persona_id => :personaId!, p_limit => :limit!, p_offset => :offset!)
 * ```
 */
export const listActingForRequests = new PreparedQuery<IListActingForRequestsParams,IListActingForRequestsResult>(listActingForRequestsIR);


