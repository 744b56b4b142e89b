package dk.tvaers.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The kinds of file Tværs accepts as an upload (an idea's attachment, an application's attachment, an initiative's
 * document), recognised from their first bytes (never from the name or the type the browser claims): PDF
 * ({@code %PDF}), PNG (its 8-byte signature), JPEG ({@code FF D8 FF}) and DOCX (a ZIP archive holding
 * {@code word/document.xml}). One rule for every module, hence here in {@code shared}.
 */
public enum FileType {
    PDF("application/pdf", "pdf"),
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");

    /** The largest upload: 10 MB. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    /**
     * The bounds of the work a DOCX (a ZIP archive) may cost to check (ADR 0016): at most this many entries, at most
     * this many bytes inflated in all, and at most {@link #MAX_INFLATION_RATIO} times the archive's own size. A zip
     * bomb (nine 1 GiB entries of zeros in 9 MB) passes none of them and is refused after inflating a few MB.
     */
    public static final int MAX_ZIP_ENTRIES = 1_000;
    public static final long MAX_INFLATED_BYTES = 100L * 1024 * 1024;
    public static final int MAX_INFLATION_RATIO = 100;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private final String mediaType;
    private final String extension;

    FileType(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The extension a file of this type is stored and offered with ({@code pdf}, {@code png}, {@code jpg}, {@code docx}). */
    public String extension() {
        return extension;
    }

    /**
     * The name a file of this type is stored under, from the name it was uploaded with: no path, no control or
     * format characters (a right-to-left override cannot disguise the extension), only letters, digits, spaces and
     * {@code - _ ( ) ,} (anything else, a dot too, becomes {@code _}), the extension the uploader gave replaced by
     * this type's own ({@code rapport.html} detected as a PDF becomes {@code rapport.pdf}, {@code a.pdf.exe} a PNG
     * {@code a_pdf.png}); "fil" when nothing is left; at most 120 characters before the extension.
     */
    public String safeFileName(String uploaded) {
        String name = uploaded == null ? "" : uploaded;
        name = name.replaceAll("^.*[/\\\\]", "");
        name = name.replaceAll("[\\p{Cntrl}\\p{Cf}]", "");
        name = name.replaceFirst("\\.[\\p{Alnum}]{1,10}$", "");
        name = name.replaceAll("[^\\p{L}\\p{N} _()\\-,]", "_").replaceAll("\\s+", " ").strip();
        if (name.isEmpty() || name.chars().allMatch(c -> c == '_')) {
            name = "fil";
        }
        if (name.length() > 120) {
            name = name.substring(0, 120).strip();
        }
        return name + "." + extension;
    }

    /** The type the content really has, or empty when it is none of the allowed ones. */
    public static Optional<FileType> detect(byte[] content) {
        if (content == null || content.length < 4) {
            return Optional.empty();
        }
        if (startsWith(content, new byte[] {'%', 'P', 'D', 'F'})) {
            return Optional.of(PDF);
        }
        if (startsWith(content, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (startsWith(content, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of(JPEG);
        }
        if (startsWith(content, new byte[] {'P', 'K', 3, 4}) && isWordDocument(content)) {
            return Optional.of(DOCX);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * A ZIP archive with {@code word/document.xml}, read entry by entry within the bounds above: the work is at most
     * {@link #MAX_INFLATED_BYTES} inflated, whatever the archive claims about its sizes (they can lie, so the
     * inflated bytes are counted, not read from the headers). Every entry is checked, so a bomb behind the document
     * is refused as well.
     */
    private static boolean isWordDocument(byte[] content) {
        long budget = Math.min(MAX_INFLATED_BYTES, (long) MAX_INFLATION_RATIO * content.length);
        long inflated = 0;
        int entries = 0;
        boolean document = false;
        byte[] buffer = new byte[64 * 1024];
        try (var zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > MAX_ZIP_ENTRIES) {
                    return false;
                }
                if ("word/document.xml".equals(entry.getName())) {
                    document = true;
                }
                int read;
                while ((read = zip.read(buffer)) > 0) {
                    inflated += read;
                    if (inflated > budget) {
                        return false;
                    }
                }
            }
            return document;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
