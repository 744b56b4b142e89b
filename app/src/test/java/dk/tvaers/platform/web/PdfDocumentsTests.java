package dk.tvaers.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The one PDF renderer: the PDF is tagged and every font in it is embedded IBM Plex Sans, bold, italic and the generic
 * families too. A family it was not given (Liberation Sans, as the business case named) or a base-14 one (Helvetica, as
 * the decision letter named) cannot be embedded: in a tagged PDF its text is silently left out, so a template's styles
 * name no other family.
 */
class PdfDocumentsTests {

    @Test
    void aDocumentIsTaggedInItsLanguageAndEmbedsEveryFont() throws IOException {
        byte[] pdf = PdfDocuments.render("""
                <html lang="da"><head><title>Afgørelse om tilskud</title>
                <style>body { font-family: 'IBM Plex Sans', sans-serif; } em { font-style: italic; }</style></head>
                <body><h1>Afgørelse</h1><p>Bevilget: <strong>600.000,00 kr.</strong> <em>med vilkår</em></p>
                <p style="font-family: serif">Æblehaven, Østergade</p></body></html>""");
        try (var document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Afgørelse", "600.000,00 kr.", "Æblehaven");
            var catalogue = document.getDocumentCatalog();
            assertThat(catalogue.getStructureTreeRoot()).as("structure tree").isNotNull();
            assertThat(catalogue.getMarkInfo().isMarked()).isTrue();
            assertThat(catalogue.getLanguage()).isEqualTo("da");
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Afgørelse om tilskud");
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name));
                }
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                assertThat(font.getName()).contains("IBMPlexSans");
            });
        }
    }

    @Test
    void pdfTemplatesNameOnlyTheEmbeddedFamilies() throws IOException {
        Pattern family = Pattern.compile("font-family\\s*:\\s*([^;\"}]+)");
        Set<String> allowed = Set.of("'IBM Plex Sans'", "IBM Plex Sans", "sans-serif", "serif", "monospace");
        List<String> problems = new ArrayList<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher matcher = family.matcher(Files.readString(template));
                while (matcher.find()) {
                    for (String name : matcher.group(1).split(",")) {
                        if (!allowed.contains(name.strip())) {
                            problems.add(template + ": " + name.strip());
                        }
                    }
                }
            }
        }
        assertThat(problems).as("font families of styles that PdfDocuments does not embed").isEmpty();
    }
}
