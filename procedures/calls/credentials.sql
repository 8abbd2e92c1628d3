/* Typed calls of the credential procedures (procedures/credentials.sql). */

/* @name setTenantSecurityPolicy */
SELECT tenant_id AS "tenantId!", mfa_required AS "mfaRequired!", mfa_factors AS "mfaFactors!",
       password_max_age_days AS "passwordMaxAgeDays", updated_by AS "updatedBy!", updated_at AS "updatedAt!"
FROM support.sp_set_tenant_security_policy(p_tenant_id => :tenantId!, p_mfa_required => :mfaRequired!,
                                           p_mfa_factors => :mfaFactors!,
                                           p_password_max_age_days => :passwordMaxAgeDays);

/* @name getTenantSecurityPolicy */
SELECT tenant_id AS "tenantId!", mfa_required AS "mfaRequired!", mfa_factors AS "mfaFactors!",
       password_max_age_days AS "passwordMaxAgeDays", updated_by AS "updatedBy", updated_at AS "updatedAt"
FROM support.sp_get_tenant_security_policy(p_tenant_id => :tenantId!);

/* @name getMyMfa */
SELECT mfa_required AS "mfaRequired!", allowed_factors AS "allowedFactors!", enrolled_factors AS "enrolledFactors!",
       preferred_factor AS "preferredFactor", reported_at AS "reportedAt", token_has_mfa AS "tokenHasMfa!"
FROM api.sp_get_my_mfa();

/* @name reportMyMfaFactors */
SELECT mfa_required AS "mfaRequired!", allowed_factors AS "allowedFactors!", enrolled_factors AS "enrolledFactors!",
       preferred_factor AS "preferredFactor", reported_at AS "reportedAt", token_has_mfa AS "tokenHasMfa!"
FROM api.sp_report_my_mfa_factors(p_factors => :factors!, p_preferred_factor => :preferredFactor);

/* @name getMyPasswordStatus */
SELECT last_rotated_at AS "lastRotatedAt", max_age_days AS "maxAgeDays", due_at AS "dueAt", overdue AS "overdue!"
FROM api.sp_get_my_password_status();

/* @name reportPasswordRotation */
SELECT last_rotated_at AS "lastRotatedAt", max_age_days AS "maxAgeDays", due_at AS "dueAt", overdue AS "overdue!"
FROM api.sp_report_password_rotation();

/* @name listMySecurityQuestions */
SELECT question_id AS "questionId!", question_position AS "position!", question AS "question!",
       created_at AS "createdAt!"
FROM api.sp_list_my_security_questions();

/* @name setMySecurityQuestions */
SELECT question_id AS "questionId!", question_position AS "position!", question AS "question!",
       created_at AS "createdAt!"
FROM api.sp_set_my_security_questions(p_questions => :questions!, p_answer_hashes => :answerHashes!);

/* @name beginSecurityAnswerCheck */
SELECT attempt_id AS "attemptId!", question_id AS "questionId!", answer_hash AS "answerHash!"
FROM api.sp_begin_security_answer_check(p_question_ids => :questionIds!);

/* @name finishSecurityAnswerCheck */
SELECT verified AS "verified!", attempts_left AS "attemptsLeft!", locked_until AS "lockedUntil"
FROM api.sp_finish_security_answer_check(p_attempt_id => :attemptId!, p_verified => :verified!);
