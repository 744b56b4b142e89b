package dk.tvaers.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void requiresAPassword() {
        assertThat(policy.problem(null, "karin@randers.dk")).contains("validation.password.required");
        assertThat(policy.problem("", "karin@randers.dk")).contains("validation.password.required");
    }

    @Test
    void acceptsTwelveCharactersButNotEleven() {
        assertThat(policy.problem("grøn-båd-71x", "karin@randers.dk")).isEmpty();
        assertThat(policy.problem("grøn-båd-71", "karin@randers.dk")).contains("validation.password.tooShort");
    }

    @Test
    void acceptsAHundredAndTwentyEightCharactersButNotMore() {
        String longest = "skovsø-".repeat(18) + "ab";
        assertThat(longest).hasSize(PasswordPolicy.MAX_LENGTH);
        assertThat(policy.problem(longest, null)).isEmpty();
        assertThat(policy.problem(longest + "c", null)).contains("validation.password.tooLong");
    }

    @Test
    void rejectsCommonPasswordsWhateverTheirCase() {
        assertThat(policy.problem("Password1234", null)).contains("validation.password.tooCommon");
        assertThat(policy.problem("ADGANGSKODE123", null)).contains("validation.password.tooCommon");
    }

    @Test
    void rejectsPasswordsOfFewerThanFourDifferentCharacters() {
        assertThat(policy.problem("abcabcabcabc", null)).contains("validation.password.tooCommon");
        assertThat(policy.problem("abcdabcdabcd", null)).isEmpty();
    }

    @Test
    void rejectsPasswordsContainingTheLoginOrTheNameBeforeTheAt() {
        assertThat(policy.problem("Karin.Hansen-er-sej", "karin.hansen@randers.dk"))
                .contains("validation.password.containsLogin");
        assertThat(policy.problem("xx-admin-yy-zz", "admin")).contains("validation.password.containsLogin");
    }

    @Test
    void ignoresANameBeforeTheAtOfFewerThanFourCharacters() {
        assertThat(policy.problem("bo-går-en-tur-i-skoven", "bo@randers.dk")).isEmpty();
    }
}
