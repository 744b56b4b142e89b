package dk.tvaers.platform.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.tvaers.IntegrationTest;
import dk.tvaers.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The actuator served on the application's own port (management port set to it, as the test profile does): health
 * is open to anyone, metrics and backup only to an administrator. Also: every response carries a request id.
 */
@IntegrationTest
class ActuatorRightsTests {

    @Autowired
    MockMvc mvc;

    @Test
    void healthProbesAreOpenAndReadinessCoversTheDatabaseAndTheAnalyticStore() throws Exception {
        var liveness = mvc.perform(get("/actuator/health/liveness")).andReturn().getResponse();
        assertThat(liveness.getStatus()).isEqualTo(200);
        var readiness = mvc.perform(get("/actuator/health/readiness")).andReturn().getResponse();
        assertThat(readiness.getStatus()).isEqualTo(200);
        assertThat(readiness.getContentAsString()).contains("\"status\":\"UP\"", "analyticStore", "db",
                "readinessState");
    }

    @Test
    void metricsRefuseAnonymousUsersAndEveryRoleButAdministrator() throws Exception {
        assertThat(mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getStatus()).isEqualTo(403);
        for (Role role : Role.values()) {
            if (role == Role.ADMINISTRATOR) {
                continue;
            }
            assertThat(mvc.perform(get("/actuator/prometheus").with(user("u").roles(role.name()))).andReturn()
                    .getResponse().getStatus()).as("prometheus for %s", role).isEqualTo(403);
        }
    }

    @Test
    void anAdministratorReadsRequestPoolJobAndOutboxMetrics() throws Exception {
        mvc.perform(get("/")).andReturn();
        var response = mvc.perform(get("/actuator/prometheus").with(user("a").roles(Role.ADMINISTRATOR.name())))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("http_server_requests_seconds", "hikaricp_connections_active",
                "tvaers_events_incomplete", "tvaers_events_failed", "tvaers_monitoring_imports{",
                "tvaers_monitoring_runs{", "tvaers_monitoring_jobs_seconds", "tvaers_monitoring_jobs_pending");
    }

    @Test
    void backupRefusesAnyoneButAnAdministrator() throws Exception {
        var anonymous = mvc.perform(post("/actuator/backup").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"directory\":\"/tmp/x\"}")).andReturn().getResponse();
        assertThat(anonymous.getStatus()).isEqualTo(403);
        var analyst = mvc.perform(post("/actuator/backup").with(csrf()).with(user("u").roles(Role.ANALYST.name()))
                .contentType(MediaType.APPLICATION_JSON).content("{\"directory\":\"/tmp/x\"}")).andReturn().getResponse();
        assertThat(analyst.getStatus()).isEqualTo(403);
    }

    @Test
    void everyResponseCarriesARequestIdAndAPlainOneGivenIsKept() throws Exception {
        String made = mvc.perform(get("/")).andReturn().getResponse().getHeader(RequestIdFilter.HEADER);
        assertThat(made).matches("[0-9a-f-]{36}");
        String kept = mvc.perform(get("/").header(RequestIdFilter.HEADER, "proxy-1234abcd")).andReturn().getResponse()
                .getHeader(RequestIdFilter.HEADER);
        assertThat(kept).isEqualTo("proxy-1234abcd");
        String refused = mvc.perform(get("/").header(RequestIdFilter.HEADER, "<script>")).andReturn().getResponse()
                .getHeader(RequestIdFilter.HEADER);
        assertThat(refused).matches("[0-9a-f-]{36}");
    }
}
