package dk.tvaers.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeRedirectTests {

    @Test
    void keepsLocalPaths() {
        assertThat(SafeRedirect.localPath("/admin/brugere?side=2")).isEqualTo("/admin/brugere?side=2");
    }

    @Test
    void refusesEverythingThatCouldLeaveTvaers() {
        assertThat(SafeRedirect.localPath("https://evil.example")).isEqualTo("/");
        assertThat(SafeRedirect.localPath("//evil.example")).isEqualTo("/");
        assertThat(SafeRedirect.localPath("/\\evil.example")).isEqualTo("/");
        assertThat(SafeRedirect.localPath("/x\r\nSet-Cookie: a=b")).isEqualTo("/");
        assertThat(SafeRedirect.localPath(null)).isEqualTo("/");
    }
}
