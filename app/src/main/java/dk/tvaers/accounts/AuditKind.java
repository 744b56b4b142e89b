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
    REPORT_DISMISSED;

    public String messageKey() {
        return "audit.kind." + name();
    }
}
