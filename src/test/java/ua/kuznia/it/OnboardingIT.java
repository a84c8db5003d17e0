package ua.kuznia.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Onboarding against the real Keycloak: an admin invites a first user, then revokes the access. */
@QuarkusIntegrationTest
@WithTestResource(PlatformResource.class)
class OnboardingIT {

    @Test
    void anAdminInvitesTheFirstUserAndRevokesItsAccess() {
        long organization = DemoData.newOrganization();
        String email = "first-user-" + System.nanoTime() + "@example.test";
        ObjectNode invite = Api.JSON.createObjectNode().put("email", email);
        JsonNode invited = Api.expect(Api.send(Persona.ADMIN, "POST", "/api/v1/organizations/" + organization + "/members",
                invite), 201, "invite");
        String userId = invited.path("member").path("id").asText();
        assertEquals(email, invited.path("member").path("email").asText());
        // No SMTP in the test realm: the user exists and the answer says the e-mail was not sent.
        assertFalse(invited.path("emailSent").asBoolean());

        JsonNode inKeycloak = keycloakUser(userId);
        assertTrue(inKeycloak.path("enabled").asBoolean());
        List<String> actions = new ArrayList<>();
        inKeycloak.path("requiredActions").forEach(a -> actions.add(a.asText()));
        assertTrue(actions.containsAll(List.of("VERIFY_EMAIL", "UPDATE_PASSWORD")), actions.toString());
        String orgCode = Api.read(Persona.ADMIN, "/api/v1/organizations/" + organization).path("code").asText();
        assertEquals(orgCode, inKeycloak.path("attributes").path("org").path(0).asText());
        JsonNode roles = keycloak("/users/" + userId + "/role-mappings/realm");
        List<String> roleNames = new ArrayList<>();
        roles.forEach(r -> roleNames.add(r.path("name").asText()));
        assertTrue(roleNames.contains("manufacturer"), roleNames.toString());

        JsonNode members = Api.read(Persona.ADMIN, "/api/v1/organizations/" + organization + "/members");
        assertEquals(1, members.size());

        Api.expect(Api.send(Persona.ADMIN, "POST", "/api/v1/organizations/" + organization + "/members", invite), 409,
                "the same address twice");
        Api.expect(Api.send(Persona.COORDINATOR, "DELETE", "/api/v1/organizations/" + organization + "/members/" + userId,
                null), 403, "revoke as coordinator");

        // As if the user had signed in and saved an address for the organization's e-mails.
        preference(userId, organization, "INSERT INTO notification_preference (subject, organization_id, email)"
                + " VALUES (?, ?, 'revoked-" + System.nanoTime() + "@example.test')");
        Api.expect(Api.send(Persona.ADMIN, "DELETE", "/api/v1/organizations/" + organization + "/members/" + userId, null),
                204, "revoke");
        // The mailer picks recipients by organization: a revoked user's address no longer is one.
        assertEquals(0, preference(userId, organization,
                "SELECT count(*) FROM notification_preference WHERE subject = ? AND organization_id = ?"));
        JsonNode revoked = keycloakUser(userId);
        assertFalse(revoked.path("enabled").asBoolean());
        List<String> rolesAfter = new ArrayList<>();
        keycloak("/users/" + userId + "/role-mappings/realm").forEach(r -> rolesAfter.add(r.path("name").asText()));
        assertFalse(rolesAfter.contains("manufacturer"), rolesAfter.toString());
        JsonNode membersAfter = Api.read(Persona.ADMIN, "/api/v1/organizations/" + organization + "/members");
        assertEquals(1, membersAfter.size());
        assertFalse(membersAfter.path(0).path("enabled").asBoolean());

        JsonNode trail = Api.read(Persona.AUDITOR, "/api/v1/audit-trail?entityType=ORGANIZATION_MEMBER&entityId="
                + organization + "/" + userId);
        assertEquals(2, trail.path("total").asInt());
    }

    /**
     * The database fails while the invitation is being recorded (a trigger plays the outage for
     * this organization's audit rows only): the caller gets a 503, and Keycloak keeps no user the
     * audit trail does not know of, so the same address can be invited once the database is back.
     */
    @Test
    void anInvitationTheAuditCannotRecordLeavesNoUserInKeycloak() {
        long organization = DemoData.newOrganization();
        String email = "unrecorded-" + System.nanoTime() + "@example.test";
        ObjectNode invite = Api.JSON.createObjectNode().put("email", email);
        String trigger = "audit_outage_" + organization;
        sql("CREATE FUNCTION " + trigger + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " RAISE EXCEPTION 'database going away' USING ERRCODE = '57P03'; END; $$");
        sql("CREATE TRIGGER " + trigger + " BEFORE INSERT ON audit_event FOR EACH ROW"
                + " WHEN (NEW.entity_type = 'ORGANIZATION_MEMBER' AND NEW.entity_id LIKE '" + organization + "/%')"
                + " EXECUTE FUNCTION " + trigger + "()");
        try {
            Api.expect(Api.send(Persona.ADMIN, "POST", "/api/v1/organizations/" + organization + "/members", invite), 503,
                    "invite while the audit cannot be written");
        } finally {
            sql("DROP TRIGGER " + trigger + " ON audit_event");
            sql("DROP FUNCTION " + trigger + "()");
        }
        assertEquals(0, keycloak("/users?exact=true&email=" + email).size(), "a user left in Keycloak");
        assertEquals(0, Api.read(Persona.ADMIN, "/api/v1/organizations/" + organization + "/members").size());
        Api.expect(Api.send(Persona.ADMIN, "POST", "/api/v1/organizations/" + organization + "/members", invite), 201,
                "the same address once the database is back");
    }

    private static void sql(String statement) {
        try (Connection c = DriverManager.getConnection(PlatformResource.jdbcUrl(), PlatformResource.dbUsername(),
                PlatformResource.dbPassword()); java.sql.Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An address valid by RFC 5322 that Keycloak refuses as a user name is the caller's to change: a 400 naming it. */
    @Test
    void anAddressKeycloakRefusesIsA400NamingTheField() {
        long organization = DemoData.newOrganization();
        String email = "o'brien&co-" + System.nanoTime() + "@example.test";
        JsonNode refused = Api.expect(Api.send(Persona.ADMIN, "POST", "/api/v1/organizations/" + organization + "/members",
                Api.JSON.createObjectNode().put("email", email)), 400, "invite refused by Keycloak");
        assertEquals("email", refused.path("violations").path(0).path("field").asText(), refused.toString());
        assertEquals(0, Api.read(Persona.ADMIN, "/api/v1/organizations/" + organization + "/members").size());
    }

    /** Runs a statement with the subject and organization as its parameters; a query answers its first number. */
    private static long preference(String subject, long organization, String sql) {
        try (Connection c = DriverManager.getConnection(PlatformResource.jdbcUrl(), PlatformResource.dbUsername(),
                PlatformResource.dbPassword()); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, subject);
            s.setLong(2, organization);
            if (!s.execute()) {
                return s.getUpdateCount();
            }
            try (ResultSet rs = s.getResultSet()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode keycloakUser(String id) {
        return keycloak("/users/" + id);
    }

    private static JsonNode keycloak(String path) {
        String body = RestAssured.given().auth().oauth2(PlatformResource.keycloak().adminToken())
                .get(PlatformResource.keycloak().url() + "/admin/realms/kuznia" + path).then().statusCode(200)
                .extract().asString();
        try {
            return Api.JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
