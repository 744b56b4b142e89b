package dk.tvaers.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.UserAttributes;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.registrations.CitizenStrata;
import dk.tvaers.registrations.Pro;
import dk.tvaers.registrations.RegistrationFixtures;
import dk.tvaers.registrations.RegistrationImport;
import dk.tvaers.registrations.Schemes;
import dk.tvaers.registrations.Source;
import dk.tvaers.registrations.StrataFigures;
import dk.tvaers.registrations.Stratum;
import dk.tvaers.shared.Role;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * On a phone (390 px): a physiotherapist opens a course and registers its start (a mistake first, refused in Danish
 * with what was typed kept) and its end; makes a PRO link; the citizen answers it without an account and is triaged
 * red; the unit's triage list shows the course and the action is recorded; the benchmark page shows the unit against
 * the others. axe-core on every page at 390 and 1366 px; screenshots under target/screenshots/.
 */
class RegistrationJourneyTests extends BrowserTest {

    private static final Pattern PRO_LINK = Pattern.compile("https?://\\S+/pro\\?noegle=[A-Za-z0-9_-]+");

    @Autowired
    Schemes schemes;

    @Autowired
    Initiatives initiatives;

    @Autowired
    RegistrationImport imports;

    @Autowired
    Pro pro;

    @Autowired
    StrataFigures strata;

    @Test
    void aPhysiotherapistRegistersACourseAndACitizensRedAnswerReachesTheTriageList() {
        var made = RegistrationFixtures.scheme(schemes, initiatives, organisations, "Nord", "Nord", "Vest");
        var file = new StringBuilder(RegistrationImport.HEADER).append('\n');
        for (int u = 0; u < 3; u++) {
            for (int i = 0; i < 8; i++) {
                String c = made.code() + ",1," + made.unitCodes().get(u) + ",bj" + u + "-" + i + ",2024-0" + (1 + u)
                        + "-10,";
                file.append(c).append("START,SCREEN,").append(i % (u + 2) == 0 ? "nej" : "ja").append('\n');
                file.append(c).append("START,WATT,").append(90 + i * 3).append('\n');
                if (i < 6) {
                    file.append(c).append("END,WATT,").append(100 + i * 5 + u).append('\n');
                    file.append(c).append("END,SESSIONS,").append(12 + i + u).append('\n');
                }
            }
        }
        imports.importCsv(new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)),
                made.schemeId(), null, Source.FILE, Actor.SYSTEM);
        RegistrationFixtures.questionnaire(pro, made.schemeId());
        // the strata as the analytic store would give them: the first six citizens of each unit with low income (a
        // group of 6, shown), every other one living alone (4, hidden; the region's 12 shown)
        strata.refresh(made.schemeId(), new CitizenStrata() {
            @Override
            public java.util.Optional<String> source() {
                return java.util.Optional.of("3");
            }

            @Override
            public java.util.Optional<Known> of(java.util.Collection<Citizen> citizens) {
                var byKey = new java.util.HashMap<Long, java.util.Set<Stratum>>();
                for (Citizen c : citizens) {
                    int i = Integer.parseInt(c.personRef().substring(c.personRef().indexOf('-') + 1));
                    var in = java.util.EnumSet.noneOf(Stratum.class);
                    if (i < 6) {
                        in.add(Stratum.LOW_INCOME);
                    }
                    if (i % 2 == 0) {
                        in.add(Stratum.LIVING_ALONE);
                    }
                    byKey.put(c.key(), in);
                }
                return java.util.Optional.of(new Known("3", byKey));
            }
        });
        int n = unique();
        String email = "fysio" + n + "@kommune.test";
        users.create(new UserAttributes(email, "Fie Fysioterapeut " + n, made.units().getFirst(),
                EnumSet.of(Role.STAFF)), "Rolig-Rød-Cykel-" + n, false, Actor.SYSTEM);

        var seen = new java.util.ArrayList<String>();
        loginAs(email, "Rolig-Rød-Cykel-" + n);
        followMenuLink("Registreringer");
        atWidth(NARROW);
        open("/registreringer");
        assertThat(heading()).isEqualTo("Kvalitetsregistreringer");
        record("registrations overview 390");
        seen.addAll(lookedAt("registrations-overview").stream().map(x -> "registrations-overview: " + x).toList());
        clickAndWaitForPage(find("a[href='/registreringer/nyt-forloeb']"));
        type("#personRef", "HR-" + n);
        script("document.getElementById('startDate').value = '2024-06-03';");
        record("new course 390");
        submitMainForm();
        assertThat(heading()).isEqualTo("Forløb HR-" + n);
        String coursePath = currentPath();

        clickAndWaitForPage(find("a[href='" + coursePath + "/start']"));
        find("#SCREEN-0").click();
        type("#WATT", "450");
        clickAndWaitForPage(find("button[value=gem]"));
        assertThat(errorSummaryWithFocus()).contains("Skriv et tal fra 0 til 400 W.");
        assertThat(find("#WATT").getDomProperty("value")).isEqualTo("450");
        assertThat(find("#SCREEN-0").isSelected()).isTrue();
        record("start registration with an error 390");
        seen.addAll(lookedAt("registrations-entry-error").stream().map(x -> "registrations-entry-error: " + x).toList());
        find("#WATT").clear();
        type("#WATT", "112,5");
        clickAndWaitForPage(find("button[value=gem]"));
        assertThat(currentPath()).isEqualTo(coursePath);

        clickAndWaitForPage(find("a[href='" + coursePath + "/slut']"));
        type("#WATT", "131");
        type("#SESSIONS", "18");
        clickAndWaitForPage(find("button[value=gem]"));
        assertThat(findAll(".tvaers-stage .badge-success")).hasSize(2);
        record("course page 390");
        seen.addAll(lookedAt("registrations-course").stream().map(x -> "registrations-course: " + x).toList());

        clickAndWaitForPage(find("form[action$='/pro-link'] button"));
        Matcher link = PRO_LINK.matcher(driver.getPageSource());
        assertThat(link.find()).isTrue();
        String proLink = link.group();
        atWidth(WIDE);
        logout();
        atWidth(NARROW);

        open(proLink.substring(proLink.indexOf("/pro")));
        assertThat(findAll("fieldset")).hasSize(6);
        record("PRO questionnaire 390");
        seen.addAll(lookedAt("registrations-pro").stream().map(x -> "registrations-pro: " + x).toList());
        for (String item : new String[] {"MOBILITY-2", "SELFCARE-1", "ACTIVITIES-2", "PAIN-3", "ANXIETY-5",
                "EXPERIENCE-4"}) {
            driver.findElement(By.id(item)).click();
        }
        submitMainForm();
        assertThat(heading()).isEqualTo("Tak for dine svar");
        assertThat(find(".alert-warning").getText()).contains("kontakter dig");
        record("PRO thanks red 390");
        seen.addAll(lookedAt("registrations-pro-red").stream().map(x -> "registrations-pro-red: " + x).toList());

        atWidth(WIDE);
        loginAs(email, "Rolig-Rød-Cykel-" + n);
        atWidth(NARROW);
        open("/registreringer/triage");
        assertThat(find(".tvaers-triage-case").getText()).contains("HR-" + n).contains("Rød");
        record("triage list 390");
        seen.addAll(lookedAt("registrations-triage").stream().map(x -> "registrations-triage: " + x).toList());
        type("textarea[name=handling]", "Ringet op; samtale med sygeplejerske aftalt.");
        clickAndWaitForPage(find(".tvaers-triage-case button"));
        assertThat(findAll(".tvaers-triage-case")).isEmpty();

        open("/registreringer/skemaer/" + made.schemeId());
        assertThat(find("table.tvaers-benchmark").getText()).contains("Screenet for angst og depression");
        assertThat(findAll("table.tvaers-strata")).hasSize(2);
        assertThat(find("div[aria-label='Bor alene'] table.tvaers-strata").getText()).contains("Vises ikke")
                .contains("12");
        assertThat(findAll(".tvaers-strata-empty")).hasSize(2);
        record("benchmark 390");
        seen.addAll(lookedAt("registrations-benchmark").stream().map(x -> "registrations-benchmark: " + x).toList());

        atWidth(WIDE);
        record("benchmark 1366");
        seen.addAll(lookedAt("registrations-benchmark").stream().map(x -> "registrations-benchmark: " + x).toList());
        open(coursePath);
        record("course page 1366");
        seen.addAll(lookedAt("registrations-course").stream().map(x -> "registrations-course: " + x).toList());
        open("/registreringer");
        record("registrations overview 1366");
        open("/registreringer/triage?alle=true");
        record("triage list 1366");
        seen.addAll(lookedAt("registrations-triage").stream().map(x -> "registrations-triage: " + x).toList());
        assertThat(seen).as("what a person sees").isEmpty();
        assertNoProblems();
    }
}
