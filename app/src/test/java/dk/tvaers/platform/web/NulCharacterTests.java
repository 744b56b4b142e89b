package dk.tvaers.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import dk.tvaers.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.validation.BindingResult;

/** A NUL character in any text is a validation error (HTTP 400 for a parameter, a field error in a form), never a 500. */
@IntegrationTest
class NulCharacterTests {

    @Autowired
    MockMvc mvc;

    @Test
    void searchWithANulCharacterIsABadRequest() throws Exception {
        var result = mvc.perform(get("/ideer").param("q", "medicin\u0000")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void formFieldWithANulCharacterIsAFieldErrorAndTheRestIsKept() throws Exception {
        var result = mvc.perform(multipart("/ideer/ny").with(csrf())
                        .param("title", "Påmindelse\u0000 om medicin")
                        .param("problem", "Patienter glemmer at tage deres medicin efter udskrivelsen")
                        .param("proposal", "En påmindelse på sms fra kommunens hjemmepleje")
                        .param("beneficiaries", "Ældre medicinske patienter")
                        .param("sectors", "REGION", "MUNICIPALITY")
                        .param("innovationType", "EVERYDAY")
                        .param("name", "Nul Tegn")
                        .param("email", "nul.tegn@test.tvaers.dk"))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        var errors = (BindingResult) result.getModelAndView().getModel().get(BindingResult.MODEL_KEY_PREFIX + "form");
        assertThat(errors.getFieldError("title")).isNotNull();
        assertThat(errors.getFieldError("title").getCodes()).contains("typeMismatch.java.lang.String");
        assertThat(result.getResponse().getContentAsString())
                .contains("Feltet indeholder et tegn, der ikke kan bruges")
                .contains("Patienter glemmer at tage deres medicin efter udskrivelsen");
    }
}
