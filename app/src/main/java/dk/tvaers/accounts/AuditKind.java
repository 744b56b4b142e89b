package dk.tvaers.accounts;

/** The kinds of security-relevant events the audit log records. */
public enum AuditKind {
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    ACCOUNT_LOCKED,
    PASSWORD_CHANGED,
    PASSWORD_RESET_REQUESTED,
    PASSWORD_RESET_COMPLETED,
    USER_CREATED,
    USER_UPDATED,
    ROLES_CHANGED,
    USER_ORGANISATION_CHANGED,
    USER_DEACTIVATED,
    USER_REACTIVATED,
    ORGANISATION_CREATED,
    ORGANISATION_UPDATED,
    ORGANISATION_DEACTIVATED,
    ORGANISATION_REACTIVATED,
    ADMINISTRATOR_CREATED,
    ACCOUNT_DELETED,
    SIGN_UP_REQUESTED,
    SIGNED_UP,
    /** A new version of an initiative's business case was saved (economy). */
    BUSINESS_CASE_SAVED,
    /** The Task Force approved a version of a business case (economy). */
    BUSINESS_CASE_APPROVED,
    /** An actual cost of an initiative was entered (economy). */
    ACTUAL_COST_RECORDED,
    /** An entered actual cost was corrected; the details hold what it said before and after (economy). */
    ACTUAL_COST_CORRECTED,
    /** An entered actual cost was deleted; the details hold what it said (economy). */
    ACTUAL_COST_DELETED,
    RESULTS_VIEWED,
    RESULTS_DOWNLOADED,
    RESULTS_PUBLISHED,
    CONSORTIUM_LEAD_REQUESTED,
    CONSORTIUM_LEAD_CONFIRMED,
    CONSORTIUM_LEAD_DECLINED,
    /** Someone reported a public idea or comment to the moderators (ideas, ADR 0034). */
    CONTENT_REPORTED,
    /** A moderator hid an idea or a comment. */
    CONTENT_HIDDEN,
    /** A moderator made hidden content public again. */
    CONTENT_RESTORED,
    /** A moderator left reported content as it is. */
    REPORT_DISMISSED,
    /** A professional saved a time point's registrations of a course, as draft or final (registrations). */
    REGISTRATION_SAVED,
    /** Someone opened a course's person-level registrations (registrations). */
    COURSE_VIEWED,
    /** A file or an API call of registrations was accepted (registrations). */
    REGISTRATIONS_IMPORTED,
    /** A professional recorded what was done about a red PRO answer (registrations). */
    TRIAGE_HANDLED,
    /** Registrations were exported in the monitoring import's format (registrations). */
    REGISTRATIONS_EXPORTED,
    /** An analyst or consultant of an initiative saved a registration scheme's draft (registrations, ADR 0044). */
    SCHEME_SAVED,
    /** A registration scheme's draft was published: registered under from now on, never changed (ADR 0044). */
    SCHEME_PUBLISHED,
    /** An administrator created a machine client of the API (ADR 0039). */
    API_CLIENT_CREATED,
    /** An administrator changed an API client's name, organisation or scopes. */
    API_CLIENT_UPDATED,
    /** An administrator gave an API client a new secret. */
    API_CLIENT_SECRET_ROTATED,
    /** An administrator revoked an API client. */
    API_CLIENT_REVOKED,
    /** The token endpoint issued an access token to an API client. */
    API_TOKEN_ISSUED,
    /** An API client called the API (method, path, status). */
    API_CALL;

    public String messageKey() {
        return "audit.kind." + name();
    }
}
