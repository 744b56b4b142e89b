package dk.tvaers.ideas.web;

import dk.tvaers.platform.web.Flash;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A request larger than the server accepts at all (over 60 MB, see application.properties) never reaches a
 * controller, so nothing typed can be kept: the user is sent back to the idea form with a Danish explanation
 * instead of an error page. Files up to that size reach the form, which refuses each one over 10 MB by name and
 * keeps everything else.
 */
@ControllerAdvice
class UploadTooLargeAdvice {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(RedirectAttributes redirect) {
        Flash.problem(redirect, "idea.attachment.error.requestTooLarge");
        return "redirect:/ideer/ny";
    }
}
