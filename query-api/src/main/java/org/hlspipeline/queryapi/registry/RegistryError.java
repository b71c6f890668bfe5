package org.hlspipeline.queryapi.registry;

/**
 * A refused registry request, with the HTTP status and the {@code error_code} Confluent's Schema Registry uses for
 * the same case, so that clients written against it (serializers, operators' scripts) recognise it.
 */
final class RegistryError extends RuntimeException {

    private final int httpStatus;
    private final int errorCode;

    private RegistryError(int httpStatus, int errorCode, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    int httpStatus() {
        return httpStatus;
    }

    int errorCode() {
        return errorCode;
    }

    static RegistryError subjectNotFound(String subject) {
        return new RegistryError(404, 40401, "Subject '" + subject + "' not found.");
    }

    static RegistryError versionNotFound(String subject, String version) {
        return new RegistryError(404, 40402, "Version " + version + " not found for subject '" + subject + "'.");
    }

    static RegistryError schemaNotFound(String what) {
        return new RegistryError(404, 40403, "Schema not found: " + what + ".");
    }

    static RegistryError subjectNotSoftDeleted(String subject) {
        return new RegistryError(404, 40405, "Subject '" + subject + "' was not deleted first before being "
                + "permanently deleted.");
    }

    static RegistryError versionNotSoftDeleted(String subject, int version) {
        return new RegistryError(404, 40407, "Subject '" + subject + "' version " + version + " was not deleted "
                + "first before being permanently deleted.");
    }

    static RegistryError subjectLevelNotSet(String subject) {
        return new RegistryError(404, 40408, "Subject '" + subject + "' does not have subject-level compatibility "
                + "configured");
    }

    static RegistryError unauthorized() {
        return new RegistryError(401, 40101, "Unauthorized: changing the registry needs a write token "
                + "(Authorization: Bearer <token>, or basic.auth.user.info with the token as the password)");
    }

    static RegistryError notFound(String request) {
        return new RegistryError(404, 404, "HTTP 404 Not Found: " + request + " is not a registry endpoint");
    }

    static RegistryError badRequest(String reason) {
        return new RegistryError(400, 400, reason);
    }

    static RegistryError incompatible(String reason) {
        return new RegistryError(409, 409, "Schema being registered is incompatible with an earlier schema for "
                + "subject: " + reason);
    }

    static RegistryError invalidSchema(String reason) {
        return new RegistryError(422, 42201, "Invalid schema: " + reason);
    }

    static RegistryError invalidVersion(String version) {
        return new RegistryError(422, 42202, "The specified version '" + version + "' is not a valid version id. "
                + "Allowed values are between [1, 2^31-1] and the string \"latest\".");
    }

    static RegistryError invalidCompatibility(String level) {
        return new RegistryError(422, 42203, "Invalid compatibility level: " + level + ". Valid values are NONE, "
                + "BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL and FULL_TRANSITIVE.");
    }

    static RegistryError unsupportedSchemaType(String type) {
        return new RegistryError(422, 42201, "Invalid schema: schemaType " + type + " is not supported here; only "
                + "AVRO is.");
    }

    static RegistryError storeUnavailable(String reason) {
        return new RegistryError(500, 50001, "Error in the backend data store: " + reason);
    }

    static RegistryError timeout(String reason) {
        return new RegistryError(500, 50002, "Operation timed out: " + reason);
    }
}
