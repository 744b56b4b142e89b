package dk.tvaers.ideas.web;

import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Sector;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.Set;

/**
 * The idea form as typed. Name and e-mail are asked of people without an account (both required) and of staff
 * submitting for a citizen ({@code assisted}: name required); the controller checks those, as they depend on who
 * submits. Attachments come as their own request part.
 */
record IdeaForm(
        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}")
        String title,
        @NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.tooLong}")
        String problem,
        @NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.tooLong}")
        String proposal,
        @NotBlank(message = "{validation.required}") @Size(max = 1000, message = "{validation.tooLong}")
        String beneficiaries,
        @NotEmpty(message = "{validation.chooseAtLeastOne}") Set<Sector> sectors,
        @NotNull(message = "{validation.choose}") InnovationType innovationType,
        Region region,
        Boolean showName,
        Boolean assisted,
        @Size(max = 200, message = "{validation.tooLong}") String name,
        @Email(message = "{validation.email.invalid}") @Size(max = 254, message = "{validation.tooLong}")
        String email) {

    static IdeaForm empty() {
        return new IdeaForm("", "", "", "", EnumSet.noneOf(Sector.class), null, null, false, false, "", "");
    }

    boolean isAssisted() {
        return Boolean.TRUE.equals(assisted);
    }

    boolean isShowName() {
        return Boolean.TRUE.equals(showName);
    }

    /** The text to look for similar ideas in. */
    String searchText() {
        return String.join(" ", nonNull(title), nonNull(problem), nonNull(proposal));
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
