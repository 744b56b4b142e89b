package dk.tvaers.platform.web;

import java.beans.PropertyEditorSupport;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * A NUL character (U+0000) in any text a request binds, a form field or a search parameter, is a validation error
 * rather than a database error (PostgreSQL refuses it in text, which was an HTTP 500): every binder gets a
 * {@code String} editor that refuses it. A form shows it as the field's error ({@code typeMismatch.java.lang.String})
 * and keeps what was typed; a plain request parameter answers HTTP 400.
 */
@ControllerAdvice
class NoNulCharacters {

    @InitBinder
    void refuseNul(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                if (text != null && text.indexOf('\0') >= 0) {
                    throw new IllegalArgumentException("text with a NUL character");
                }
                setValue(text);
            }
        });
    }
}
