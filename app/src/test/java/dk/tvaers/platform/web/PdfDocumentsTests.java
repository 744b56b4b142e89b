package dk.tvaers.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The one PDF renderer: whatever families a template names (the decision letter asked for Helvetica, the business
 * case for Liberation Sans), the PDF is tagged and every font in it is embedded IBM Plex Sans.
 */
class PdfDocumentsTests {

    @Test
    void aDocumentIsTaggedInItsLanguageAndEmbedsEveryFont() throws IOException {
        byte[] pdf = PdfDocuments.render("""
                <html lang="da"><head><title>Afgørelse om tilskud</title>
                <style>body { font-family: Helvetica, Arial, sans-serif; } em { font-style: italic; }</style></head>
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
}
